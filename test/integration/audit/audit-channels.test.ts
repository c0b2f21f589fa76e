import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventSchema, type AuditEvent } from '@shared/audit'
import type { Services } from '../../../electron/services'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'
import { staticZone, targetZone } from '../../../scripts/peers/inspector-zones'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'
import { browserServices, value } from '../../support/services'

let knot: KnotServer
let data: TempDir
let services: Services

beforeAll(async () => {
  knot = await startKnot({ zones: { 'target.test.': targetZone(), 'static.test.': staticZone() } })
  data = await tempDir('audit-channels-')
  services = browserServices(data.path)
})
afterAll(async () => {
  await services?.dispose()
  await knot?.stop()
  await data?.cleanup()
})

function collect(id: () => string): { events: AuditEvent[]; done: Promise<AuditEvent> } {
  const events: AuditEvent[] = []
  let finish!: (e: AuditEvent) => void
  const done = new Promise<AuditEvent>((resolve) => (finish = resolve))
  services.events.subscribe((name, payload) => {
    if (name !== 'audit:progress') return
    const event = payload as AuditEvent
    if (event.id !== id()) return
    events.push(event)
    if (event.state !== 'running') finish(event)
  })
  return { events, done }
}

describe('audit:start, audit:progress and audit:cancel through the dispatcher', () => {
  const resolver = () => ({ transport: 'udp', host: '127.0.0.1', port: knot.port })

  it('streams batched, schema-valid events until the audit is finished', async () => {
    let id = ''
    const { events, done } = collect(() => id)
    const started = value<{ id: string; total: number; kind: string }>(
      await services.dispatch('audit:start', { text: 'static.test cdn.target.test\ncdn.target.test\nwww.static.test', resolvers: [resolver()], authoritativePort: knot.port })
    )
    id = started.id
    expect(started).toMatchObject({ total: 3, kind: 'list' })
    const last = await done
    expect(last.state).toBe('finished')
    for (const event of events) expect(auditEventSchema.safeParse(event).success).toBe(true)
    const rows = events.flatMap((e) => e.rows)
    expect(rows.map((r) => r.name).sort()).toEqual(['cdn.target.test.', 'static.test.', 'www.static.test.'])
    expect(rows.find((r) => r.name === 'static.test.')).toMatchObject({ verdict: 'not-aliased', apexTtl: 300, targetTtl: 300, stalenessBound: 600 })
    expect(last.progress).toMatchObject({ done: 3, total: 3 })
  })

  it('refuses bad input with its line and column, and an empty resolver list by field', async () => {
    const bad = await services.dispatch('audit:start', { text: 'ok.test\n  bad..test', resolvers: [resolver()] })
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(!bad.ok && bad.error.message).toMatch(/line 2, column 3/)
    const none = await services.dispatch('audit:start', { text: 'ok.test', resolvers: [] })
    expect(none).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('cancels a running audit and says so in its last event', async () => {
    let id = ''
    const { done } = collect(() => id)
    const text = Array.from({ length: 300 }, (_, i) => `n${i}.static.test`).join('\n')
    id = value<{ id: string }>(await services.dispatch('audit:start', { text, resolvers: [resolver()], skipAuthoritative: true, concurrency: 2 })).id
    value(await services.dispatch('audit:cancel', { id }))
    const last = await done
    expect(last.state).toBe('cancelled')
    expect(last.progress.done).toBeLessThan(300)
    expect(await services.dispatch('audit:cancel', { id })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})
