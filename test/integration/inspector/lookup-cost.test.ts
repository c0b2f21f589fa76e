import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QueryLogEntry } from '@shared/alias-server'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { inspectResultSchema } from '@shared/inspector'
import { inspectText } from '../../../electron/cli/inspect-text'
import { inspect } from '../../../electron/inspector'
import { measureLookupCost } from '../../../electron/inspector/lookup-cost'
import { engineQuery } from '../../../electron/inspector/query-port'
import { zoneHead, zoneOf } from '../alias-server/support/zones'

/**
 * The cost of the extra lookup against the lab's server: the target answers 80 ms late, so an apex
 * answer that waits for it is slow. The inspector times the apex from outside and classes each answer
 * cold or warm; the server's own log says which answers waited (cache=miss) and for how long.
 */

const ORIGIN = 'cost.test.'
const DELAY_MS = 80
let server: AliasServer
const log: QueryLogEntry[] = []

beforeAll(async () => {
  server = await startAliasServer({
    zones: [zoneOf([zoneHead(ORIGIN, 3600, 60), '@ 60 IN ALIAS cdn.example.test.', 'static 300 IN A 192.0.2.80'].join('\n'))],
    upstream: { mode: 'simulated' },
    simulatedTarget: { a: ['192.0.2.10'], aaaa: [], ttl: 1 }
  })
  server.simulatedTarget.setFailure({ state: 'slow', delayMs: DELAY_MS })
  server.onQuery((batch) => log.push(...batch))
})
afterAll(async () => {
  await server?.stop()
})

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300))

describe('the cost of the extra lookup', () => {
  it("classes each apex answer cold or warm as the server's log does, and the figure matches the log's upstream wait", async () => {
    const measured = await measureLookupCost({
      queryFn: engineQuery,
      server: { address: '127.0.0.1', port: server.port },
      apex: ORIGIN,
      options: { timeoutMs: 3000 },
      rounds: 6,
      // the target's TTL is 1 s: rounds 1.2 s apart find it expired, rounds right after find it cached
      pauseMs: 0
    })
    const again = await measureLookupCost({ queryFn: engineQuery, server: { address: '127.0.0.1', port: server.port }, apex: ORIGIN, options: { timeoutMs: 3000 }, rounds: 3, pauseMs: 1200 })
    await settle()
    const apexA = log.filter((e) => e.name === ORIGIN && e.type === 'A')
    expect(apexA).toHaveLength(9)
    const truth = apexA.map((e) => e.cache === 'miss')
    expect([...measured.cold, ...again.cold]).toEqual(truth)
    expect(truth.filter(Boolean).length).toBeGreaterThanOrEqual(3)
    expect(truth.filter((t) => !t).length).toBeGreaterThanOrEqual(3)

    const exact = server.counters().lookupCost!
    expect(exact.source).toBe('server-log')
    expect(exact.answers).toBe(9)
    expect(exact.paid).toBe(truth.filter(Boolean).length)
    // the delay is a timer, which may fire a fraction of a millisecond before the clock that measures the wait
    expect(exact.addedMs).toBeGreaterThanOrEqual(DELAY_MS - 1)
    // from outside, the cold answers' extra time is the same wait, give or take the machine's jitter (the very
    // first answer of a fresh server also pays its warm-up, so it is only bounded below)
    expect(measured.addedMs!).toBeGreaterThanOrEqual(DELAY_MS * 0.8)
    expect(Math.abs(again.addedMs! - exact.addedMs!)).toBeLessThan(Math.max(40, exact.addedMs! * 0.5))
    expect(measured.warmMs!).toBeLessThan(measured.coldMs! - DELAY_MS / 2)
    expect(exact.text).toMatch(new RegExp(`^ALIAS adds about [\\d.]+ ms when the target is not cached; ${Math.round((exact.paid / 9) * 100)}% of answers in this watch paid it$`))
    expect(measured.text).toMatch(/^ALIAS adds about [\d.]+ ms when the target is not cached; \d+% of answers in this inspection paid it$/)
  })

  it('a static name never pays the target lookup, and the text output carries the line', async () => {
    const measured = await measureLookupCost({ queryFn: engineQuery, server: { address: '127.0.0.1', port: server.port }, apex: `static.${ORIGIN}`, options: { timeoutMs: 3000 }, rounds: 4 })
    // nothing here waits 80 ms; on a busy machine one answer may still stand out by scheduling jitter
    expect(measured.addedMs ?? 0).toBeLessThan(DELAY_MS / 2)
    const { cold: _cold, ...cost } = { ...measured, addedMs: null, paid: 0, text: 'ALIAS lookup cost not measured: no answer in this inspection waited for the target (0% paid it)' }
    const text = inspectText({
      apex: ORIGIN,
      targetSource: 'none',
      resolvers: [],
      suggestions: [],
      providers: [],
      verdict: { kind: 'unknown', summary: 'x', evidence: [] } as never,
      behaviour: { consistentWith: [], ruledOut: [], evidence: [] },
      lookupCost: cost,
      startedAtWallMs: 0,
      durationMs: 0
    })
    expect(text).toContain('ALIAS lookup cost not measured: no answer in this inspection waited for the target (0% paid it) (apex cold')
    expect(text).toContain('static.cost.test. SOA')
  })

  it('inspect reports it as lookupCost, timed at the zone\'s own server beside the apex SOA, when asked', async () => {
    const resolver = { transport: 'udp' as const, host: '127.0.0.1', port: server.port }
    const asked = await inspect({ apex: ORIGIN, target: 'cdn.example.test', resolvers: [resolver], authoritativePort: server.port, measureLookupCost: true })
    expect(inspectResultSchema.safeParse(asked).success).toBe(true)
    expect(asked.lookupCost).toMatchObject({ source: 'timing', answers: 5, staticName: 'cost.test. SOA' })
    expect(asked.lookupCost!.warmMs).not.toBeNull()
    expect(inspectText(asked)).toContain(asked.lookupCost!.text)
    const notAsked = await inspect({ apex: ORIGIN, target: 'cdn.example.test', resolvers: [resolver], authoritativePort: server.port })
    expect(notAsked.lookupCost).toBeUndefined()
  })
})
