import { describe, expect, it, vi } from 'vitest'
import { createDispatch } from '../../../electron/api/dispatch'
import type { Handlers } from '../../../electron/api/handlers'
import { ServiceError } from '@shared/errors'
import { apiErrorSchema } from '@shared/result'

function handlersWith(echo: Handlers['app:echo']): Handlers {
  return {
    'app:info': () => ({ name: 'n', version: '1', host: 'browser', platform: 'linux', versions: {} }),
    'app:echo': echo
  } as unknown as Handlers
}

describe('createDispatch', () => {
  it('validates before the handler runs, and says what is wrong', async () => {
    const echo = vi.fn(({ text }: { text: string }) => ({ text }))
    const dispatch = createDispatch(handlersWith(echo))
    const result = await dispatch('app:echo', { text: '' })
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(!result.ok && result.error.message).toMatch(/text must not be empty/)
    expect(echo).not.toHaveBeenCalled()
  })

  it('rejects unknown fields and unknown channels', async () => {
    const dispatch = createDispatch(handlersWith(({ text }) => ({ text })))
    expect(await dispatch('app:echo', { text: 'a', admin: true })).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await dispatch('shell:exec', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
  })

  it('passes a ServiceError through and hides anything else', async () => {
    const refusing = createDispatch(handlersWith(() => { throw new ServiceError('refused', 'the server said REFUSED') }))
    expect(await refusing('app:echo', { text: 'a' })).toEqual({ ok: false, error: { code: 'refused', message: 'the server said REFUSED' } })
    const logged: unknown[] = []
    const crashing = createDispatch(handlersWith(() => { throw new TypeError('secret internals at /home/x.js:1') }), (e) => logged.push(e))
    const result = await crashing('app:echo', { text: 'a' })
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toMatch(/secret internals/)
    expect(logged).toHaveLength(1)
  })

  it('keeps every error message within the contract, so the renderer never drops the answer', async () => {
    const dispatch = createDispatch(handlersWith(({ text }) => ({ text })))
    const longKeys = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`${i}${'k'.repeat(20_000)}`, 1]))
    const invalid = await dispatch('app:echo', { text: 'a', ...longKeys })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(apiErrorSchema.safeParse(!invalid.ok && invalid.error).success).toBe(true)
    const wordy = createDispatch(handlersWith(() => { throw new ServiceError('bad-input', 'x'.repeat(50_000)) }))
    const refused = await wordy('app:echo', { text: 'a' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(apiErrorSchema.safeParse(!refused.ok && refused.error).success).toBe(true)
  })

  it('returns the value on success', async () => {
    const dispatch = createDispatch(handlersWith(({ text }) => ({ text: text.toUpperCase() })))
    expect(await dispatch('app:echo', { text: 'ok' })).toEqual({ ok: true, value: { text: 'OK' } })
  })
})
