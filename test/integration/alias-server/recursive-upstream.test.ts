import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QueryLogEntry } from '@shared/alias-server'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'
import { ask, datas } from './support/ask'
import { startCountingRelay, type CountingRelay } from './support/counting-relay'
import { zoneHead, zoneOf } from './support/zones'
import { stopAll } from '../../support/stop-all'

/**
 * Upstream mode (a) against a real upstream: Knot serving the target zone, with a counting relay in
 * front of it that sees every query Knot gets (and can delay them or go down).
 */

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function cdnZone(serial: number, changing = '192.0.2.1'): string {
  return [
    zoneHead('cdn.test.', 300, 30, serial),
    'slow 300 IN A 192.0.2.5',
    'short 4 IN A 192.0.2.4',
    `changing 2 IN A ${changing}`,
    'edge 300 IN A 192.0.2.1',
    'edge 300 IN AAAA 2001:db8::1',
    'via 120 IN CNAME edge.cdn.test.',
    'loop1 300 IN CNAME loop2.cdn.test.',
    'loop2 300 IN CNAME loop1.cdn.test.',
    'noaddr 300 IN TXT "no address here"'
  ].join('\n')
}

const ZONE = zoneOf(
  [
    zoneHead('example.test.', 3600, 60),
    '@ 60 IN ALIAS edge.cdn.test.',
    'coalesce 300 IN ALIAS slow.cdn.test.',
    'ahead 300 IN ALIAS short.cdn.test.',
    'follows 300 IN ALIAS changing.cdn.test.',
    'viacname 300 IN ALIAS via.cdn.test.',
    'looped 300 IN ALIAS loop1.cdn.test.',
    'gone 300 IN ALIAS nothere.cdn.test.',
    'nodata 300 IN ALIAS noaddr.cdn.test.'
  ].join('\n')
)

let knot: KnotServer
let relay: CountingRelay
let server: AliasServer
const log: QueryLogEntry[] = []

beforeAll(async () => {
  knot = await startKnot({ zones: { 'cdn.test.': cdnZone(1) } })
  relay = await startCountingRelay(knot.port)
  server = await startAliasServer({
    zones: [ZONE],
    upstream: { mode: 'recursive', resolver: { transport: 'udp', host: '127.0.0.1', port: relay.port } }
  })
  server.onQuery((batch) => log.push(...batch))
})
afterAll(() => stopAll(server, relay, knot))

describe('recursive upstream', () => {
  it('answers with the target addresses, following an upstream CNAME', async () => {
    const apex = await ask(server.port, 'example.test', 'AAAA')
    expect(apex.answer).toMatchObject([{ name: 'example.test.', type: 'AAAA', data: '2001:db8::1', ttl: 60 }])
    const via = await ask(server.port, 'viacname.example.test', 'A')
    expect(via.answer).toMatchObject([{ name: 'viacname.example.test.', type: 'A', data: '192.0.2.1', ttl: 120 }])
  })

  it('coalesces N concurrent queries on a cold cache into ONE upstream query', async () => {
    relay.setDelay(300)
    try {
      const results = await Promise.all(Array.from({ length: 40 }, () => ask(server.port, 'coalesce.example.test', 'A')))
      expect(results.every((r) => r.header.rcode === 'NOERROR' && r.answer[0]?.data === '192.0.2.5')).toBe(true)
      expect(relay.count('slow.cdn.test.', 'A')).toBe(1)
      const counters = server.counters()
      expect(counters.perTarget.find((t) => t.target === 'slow.cdn.test.' && t.type === 'A')?.upstreamQueries).toBe(1)
      expect(counters.coalesced).toBeGreaterThanOrEqual(39)
    } finally {
      relay.setDelay(0)
    }
  })

  it('refreshes ahead of expiry in the background, so queries never wait for the upstream', async () => {
    relay.setDelay(200)
    try {
      const since = log.length
      await ask(server.port, 'ahead.example.test', 'A')
      expect(relay.count('short.cdn.test.', 'A')).toBe(1)
      // TTL 4 s: the refresh point is 2 s after the fetch (2 s before expiry)
      await sleep(2300)
      const started = Date.now()
      const during = await ask(server.port, 'ahead.example.test', 'A')
      expect(Date.now() - started).toBeLessThan(150)
      expect(during.answer[0]!.ttl).toBeLessThanOrEqual(2)
      await sleep(400)
      expect(relay.count('short.cdn.test.', 'A')).toBe(2)
      // past the first fetch's expiry: a plain hit on the refreshed entry
      await sleep(1500)
      const after = await ask(server.port, 'ahead.example.test', 'A')
      expect(after.answer[0]!.ttl).toBeGreaterThanOrEqual(2)
      await sleep(100)
      const statuses = log.slice(since).filter((e) => e.name === 'ahead.example.test.').map((e) => e.cache)
      expect(statuses).toEqual(['miss', 'refresh', 'hit'])
      expect(relay.count('short.cdn.test.', 'A')).toBe(2)
    } finally {
      relay.setDelay(0)
    }
  })

  it('follows a target that changes under a live cache within the TTL bound', async () => {
    expect(datas(await ask(server.port, 'follows.example.test', 'A'))).toEqual(['192.0.2.1'])
    await knot.reloadZone('cdn.test.', cdnZone(2, '192.0.2.2'))
    const changed = Date.now()
    let seen = ''
    while (Date.now() - changed < 5000 && seen !== '192.0.2.2') {
      const r = await ask(server.port, 'follows.example.test', 'A')
      expect(r.answer[0]!.ttl).toBeLessThanOrEqual(2)
      seen = r.answer[0]!.data
      if (seen !== '192.0.2.2') await sleep(50)
    }
    expect(seen).toBe('192.0.2.2')
    expect(Date.now() - changed).toBeLessThanOrEqual(2000 + 400)
  })

  it('answers SERVFAIL with an EDE naming an upstream CNAME loop', async () => {
    const r = await ask(server.port, 'looped.example.test', 'A')
    expect(r.header.rcode).toBe('SERVFAIL')
    expect(r.edns?.ede?.[0]).toMatchObject({ code: 0, text: 'ALIAS loop: looped.example.test → loop1.cdn.test → loop2.cdn.test → loop1.cdn.test' })
  })

  it('turns target NXDOMAIN and NODATA into NODATA with our SOA, or SERVFAIL when set so', async () => {
    for (const name of ['gone.example.test', 'nodata.example.test']) {
      const r = await ask(server.port, name, 'A')
      expect(r.header.rcode).toBe('NOERROR')
      expect(r.header.flags.aa).toBe(true)
      expect(r.answer).toEqual([])
      expect(r.authority).toMatchObject([{ name: 'example.test.', type: 'SOA' }])
      // min(our negative TTL 60, the target's negative TTL min(300, 30))
      expect(r.authority[0]!.ttl).toBeLessThanOrEqual(30)
    }
    server.updateSettings({ onTargetMissing: 'servfail' })
    try {
      expect((await ask(server.port, 'gone.example.test', 'A')).edns?.ede?.[0]?.text).toBe('ALIAS target nothere.cdn.test. is NXDOMAIN')
      expect((await ask(server.port, 'nodata.example.test', 'A')).header.rcode).toBe('SERVFAIL')
    } finally {
      server.updateSettings({ onTargetMissing: 'nodata' })
    }
  })
})

describe('upstream failure', () => {
  it('serves the last good answer stale (TTL 30, EDE 3) after the upstream dies, or SERVFAIL with EDE 22/23', async () => {
    const doomed = await startKnot({ zones: { 'cdn.test.': cdnZone(1) } })
    const stale = await startAliasServer({
      zones: [ZONE],
      upstream: { mode: 'recursive', resolver: { transport: 'udp', host: '127.0.0.1', port: doomed.port } },
      settings: { upstreamTimeoutMs: 300, staleClientTimeoutMs: 0 }
    })
    try {
      expect(datas(await ask(stale.port, 'follows.example.test', 'A'))).toEqual(['192.0.2.1'])
      await doomed.stop()
      await sleep(2200)
      const r = await ask(stale.port, 'follows.example.test', 'A', { timeoutMs: 3000 })
      expect(r.header.rcode).toBe('NOERROR')
      expect(r.answer).toMatchObject([{ name: 'follows.example.test.', data: '192.0.2.1', ttl: 30 }])
      expect(r.edns?.ede?.[0]?.code).toBe(3)
      expect(r.edns?.ede?.[0]?.text).toMatch(/^Stale Answer: resolver 127\.0\.0\.1:\d+/)
      expect(stale.counters().staleAnswers).toBeGreaterThanOrEqual(1)
      stale.updateSettings({ onUpstreamFailure: 'servfail' })
      const failed = await ask(stale.port, 'follows.example.test', 'A', { timeoutMs: 3000 })
      expect(failed.header.rcode).toBe('SERVFAIL')
      expect([22, 23]).toContain(failed.edns?.ede?.[0]?.code)
      expect(stale.counters().upstreamFailures).toBeGreaterThanOrEqual(1)
    } finally {
      await stale.stop()
      await doomed.stop()
    }
  })
})
