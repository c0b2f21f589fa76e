import { describe, expect, it } from 'vitest'
import type { ConvertRunResult } from '@shared/convert'
import { createDispatch } from '../../../electron/api/dispatch'
import { EventBus } from '@shared/event-bus'
import type { Handlers } from '../../../electron/api/handlers'
import { convertHandlers } from '../../../electron/services/convert-handlers'

const dispatch = createDispatch(convertHandlers({ appName: 't', appVersion: '0', host: 'browser', dataDir: '/nonexistent', events: new EventBus() }) as Handlers)

const ZONE = '$ORIGIN example.test.\n$TTL 300\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\n@ ALIAS cdn.provider.test.\nblog ALIAS blog.provider.test.\nns1 A 192.0.2.1\n'

describe('convert:* channels', () => {
  it('validates input with the shared schemas', async () => {
    const bad = await dispatch('convert:run', { text: ZONE, from: 'flat', to: 'bind' })
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.error.code).toBe('validation')
    const extra = await dispatch('convert:run', { text: ZONE, from: 'bind', to: 'bind', script: 'x' })
    expect(extra.ok).toBe(false)
  })

  it('detects, converts, and returns located problems as data', async () => {
    const detected = await dispatch('convert:detect', { text: ZONE.replace(/ALIAS/g, 'ANAME') })
    expect(detected).toEqual({ ok: true, value: { format: 'aname', because: 'a zone file with ANAME records' } })
    const run = async (to: string): Promise<ConvertRunResult> => {
      const r = await dispatch('convert:run', { text: ZONE, from: 'bind', to })
      if (!r.ok) throw new Error(r.error.message)
      return r.value as ConvertRunResult
    }
    expect((await run('octodns')).errors).toEqual([
      { line: 6, column: 1, message: expect.stringMatching(/^blog\.example\.test\. ALIAS blog\.provider\.test\.: octoDNS accepts ALIAS only at the root/) }
    ])
    const done = await run('cloudflare')
    expect(done.text).toMatch(/^blog 300 IN CNAME blog\.provider\.test\. ; cf_tags=cf-flatten-cname$/m)
    expect(done.warnings.map((w) => w.record)).toEqual(['blog.example.test. ALIAS'])
  })

  it('reports lock-in per target', async () => {
    const r = await dispatch('convert:report', { text: ZONE, from: 'bind' })
    const rows = r.ok ? (r.value as { rows: { target: string; status: string }[] }).rows : []
    expect(Object.fromEntries(rows.map((x) => [x.target, x.status]))).toMatchObject({ bind: 'as-is', octodns: 'flatten', route53: 'flatten', cloudflare: 'as-is' })
  })
})
