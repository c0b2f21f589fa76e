import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { refreshAheadAfterMs } from '../../../electron/alias-server/ttl-policy'
import { ask, datas } from './support/ask'
import { dig } from '../../../scripts/peers/dig'
import { zoneHead, zoneOf } from './support/zones'

/**
 * One answer, whatever the question's shape. When the ALIAS server refreshes its target cache entry,
 * every prepared answer built from the old entry is dropped at once: with or without EDNS, with the DO
 * bit, in any case, at any UDP size. Found by a poller without EDNS that saw the old apex set longer
 * than an EDNS poller: its own query had triggered the refresh, and the answer built from the old data
 * was stamped with the new entry's version.
 */

const OLD = ['192.0.2.10']
const NEW = ['192.0.2.99']
/** Refresh-ahead at 2 s, expiry at 4 s: the window in which only the invalidation can make an answer new. */
const TTL = 4
const REFRESH_MS = refreshAheadAfterMs(TTL)

let server: AliasServer
beforeAll(async () => {
  server = await startAliasServer({
    zones: [zoneOf([zoneHead('example.test.', 3600, 60), '@ 60 IN ALIAS cdn.example.test.'].join('\n'))],
    upstream: { mode: 'simulated' },
    simulatedTarget: { a: OLD, aaaa: ['2001:db8::10'], ttl: TTL }
  })
})
afterAll(async () => {
  await server?.stop()
})

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const lines = (text: string): string[] => text.trim().split('\n').filter(Boolean).sort()

interface Shape {
  label: string
  get: () => Promise<string[]>
}
/** The shapes a poller may use; the server caches an encoded answer per shape. */
const SHAPES: Shape[] = [
  { label: 'dig +noedns', get: async () => lines(await dig(server.port, 'example.test', 'A', '+short', '+noedns')) },
  { label: 'engine, EDNS', get: async () => datas(await ask(server.port, 'example.test', 'A'), 'A').sort() },
  { label: 'dig +dnssec (DO bit)', get: async () => lines(await dig(server.port, 'example.test', 'A', '+short', '+dnssec')) },
  { label: 'engine, no EDNS, upper case', get: async () => datas(await ask(server.port, 'EXAMPLE.TEST', 'A', { edns: false }), 'A').sort() },
  { label: 'engine, EDNS, UDP size 512', get: async () => datas(await ask(server.port, 'example.test', 'A', { udpSize: 512 }), 'A').sort() }
]

/**
 * Serves OLD, lets the entry reach its refresh-ahead time, and lets `trigger` be the query that
 * refreshes it. Returns false when the machine was too slow to look before the old entry expired
 * (then nothing was proved and the caller tries again).
 */
async function refreshTriggeredBy(trigger: Shape): Promise<boolean> {
  server.simulatedTarget.set({ a: OLD })
  server.flushTargetCache()
  const start = Date.now()
  for (const shape of SHAPES) expect(await shape.get(), shape.label).toEqual(OLD)
  const fetchedBy = Date.now()
  server.simulatedTarget.set({ a: NEW })
  // past the refresh-ahead time, before the expiry: only the refresh can bring the new set
  await sleep(Math.max(0, fetchedBy + REFRESH_MS + 100 - Date.now()))
  await trigger.get()
  await sleep(20)
  for (const shape of [trigger, ...SHAPES, trigger]) {
    expect(await shape.get(), `${shape.label}, after ${trigger.label} triggered the refresh`).toEqual(NEW)
  }
  return Date.now() < start + TTL * 1000
}

describe('prepared answers follow the target cache entry, whatever the query shape', () => {
  it.each(SHAPES.slice(0, 3).map((s) => [s.label, s] as const))('every shape gets the new set at once after %s triggered the refresh', async (_label, trigger) => {
    let inWindow = false
    for (let attempt = 0; attempt < 3 && !inWindow; attempt++) inWindow = await refreshTriggeredBy(trigger)
    expect(inWindow, 'the checks never ran before the old target entry expired (machine too busy?)').toBe(true)
  }, 40_000)
})
