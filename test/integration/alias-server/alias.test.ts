import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QueryLogEntry, SimulatedTargetChange } from '@shared/alias-server'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { ask, datas } from './support/ask'
import { dig } from '../../../scripts/peers/dig'
import { zoneHead, zoneOf } from './support/zones'

/** ALIAS semantics against the in-process simulated target (offline), seen through real clients. */

const ORIGIN = 'example.test.'
const chain = (prefix: string, links: number): string[] => [
  ...Array.from({ length: links }, (_, i) => `${prefix}${i + 1} 60 IN ${i % 2 === 0 ? 'ALIAS' : 'CNAME'} ${prefix}${i + 2}`),
  `${prefix}${links + 1} 60 IN A 192.0.2.200`
]
const ZONE = [
  zoneHead(ORIGIN, 3600, 60),
  '@ 60 IN ALIAS cdn.example.test.',
  '@ 300 IN MX 10 mail.example.test.',
  'mail 300 IN A 192.0.2.25',
  'short 5 IN ALIAS cdn.example.test.',
  'www 300 IN CNAME example.test.',
  'intarget 60 IN ANAME www2.example.test.',
  'www2 30 IN A 192.0.2.50',
  'fallback 30 IN ALIAS unreachable.example.net.',
  'fallback 30 IN A 198.51.100.1',
  'nofallback 30 IN ALIAS unreachable.example.net.',
  'a 60 IN ALIAS b.example.test.',
  'b 60 IN ALIAS a.example.test.',
  'missing 60 IN ALIAS gone.cdn.example.test.',
  ...chain('ok', 8),
  ...chain('long', 9)
].join('\n')

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

let server: AliasServer
const log: QueryLogEntry[] = []

beforeAll(async () => {
  server = await startAliasServer({
    zones: [zoneOf(ZONE)],
    upstream: { mode: 'simulated' },
    simulatedTarget: { a: ['192.0.2.10', '192.0.2.11'], aaaa: ['2001:db8::10'], ttl: 20 }
  })
  server.onQuery((batch) => log.push(...batch))
})
afterAll(async () => {
  await server?.stop()
})

describe('ALIAS expansion', () => {
  it("answers A and AAAA at the apex with the target's addresses, owned by the apex, TTL min(ALIAS, target)", async () => {
    const a = await ask(server.port, 'example.test', 'A')
    expect(a.header).toMatchObject({ rcode: 'NOERROR', flags: { aa: true } })
    expect(a.answer.map((x) => `${x.name} ${x.type} ${x.data} ${x.ttl}`).sort()).toEqual(['example.test. A 192.0.2.10 20', 'example.test. A 192.0.2.11 20'])
    expect([...a.authority, ...a.additional].some((x) => x.type === 'ALIAS')).toBe(false)
    const aaaa = await ask(server.port, 'example.test', 'AAAA')
    expect(aaaa.answer).toMatchObject([{ name: 'example.test.', type: 'AAAA', data: '2001:db8::10' }])
  })

  it('answers ANY with the other records plus the expanded addresses, never the ALIAS itself', async () => {
    const any = await ask(server.port, 'example.test', 'ANY', { transport: 'tcp' })
    const types = any.answer.map((x) => x.type)
    expect(types).toEqual(expect.arrayContaining(['SOA', 'NS', 'MX', 'A', 'AAAA']))
    expect(types).not.toContain('ALIAS')
  })

  it('answers ANY over UDP with one RRset, the expanded addresses (RFC 8482), and in full over TCP', async () => {
    const udp = await dig(server.port, 'example.test', 'ANY', '+notcp', '+noall', '+answer')
    const udpTypes = [...new Set(udp.trim().split('\n').map((line) => line.split(/\s+/)[3]))]
    expect(udpTypes).toEqual(['A'])
    const tcp = await dig(server.port, 'example.test', 'ANY', '+tcp', '+noall', '+answer')
    expect(new Set(tcp.trim().split('\n').map((line) => line.split(/\s+/)[3]))).toEqual(new Set(['SOA', 'NS', 'MX', 'A', 'AAAA']))
    // dig asks ANY over TCP unless told +notcp. The two answers are cached apart: UDP stays minimal after TCP asked.
    expect(await dig(server.port, 'example.test', 'ANY', '+notcp', '+noall', '+answer')).toBe(udp)
  })

  it('shows the ALIAS record only when type 65401 is asked', async () => {
    const r = await ask(server.port, 'example.test', 65401)
    expect(r.answer).toMatchObject([{ name: 'example.test.', type: 'ALIAS', typeCode: 65401, data: 'cdn.example.test.', ttl: 60 }])
    expect(await dig(server.port, 'example.test', 'TYPE65401', '+short')).toMatch(/\\# 18 0363646E/i)
  })

  it('expands an ALIAS reached through an in-zone CNAME, and an ANAME to an in-zone target', async () => {
    const www = await ask(server.port, 'www.example.test', 'A')
    expect(www.answer[0]).toMatchObject({ name: 'www.example.test.', type: 'CNAME', data: 'example.test.' })
    expect(www.answer.slice(1).every((x) => x.name === 'example.test.' && x.type === 'A')).toBe(true)
    const anamed = await ask(server.port, 'intarget.example.test', 'A')
    expect(anamed.answer).toMatchObject([{ name: 'intarget.example.test.', type: 'A', data: '192.0.2.50', ttl: 30 }])
  })

  it('follows a chain of 8 links and answers SERVFAIL with an EDE for 9', async () => {
    expect(datas(await ask(server.port, 'ok1.example.test', 'A'))).toEqual(['192.0.2.200'])
    const long = await ask(server.port, 'long1.example.test', 'A')
    expect(long.header.rcode).toBe('SERVFAIL')
    expect(long.edns?.ede).toMatchObject([{ code: 0, text: 'ALIAS chain longer than 8' }])
  })

  it('answers SERVFAIL with an EDE naming the loop', async () => {
    const r = await ask(server.port, 'a.example.test', 'A')
    expect(r.header.rcode).toBe('SERVFAIL')
    expect(r.answer).toEqual([])
    expect(r.edns?.ede).toMatchObject([{ code: 0, text: 'ALIAS loop: a.example.test → b.example.test → a.example.test' }])
    const viaCname = await ask(server.port, 'b.example.test', 'AAAA')
    expect(viaCname.edns?.ede?.[0]?.text).toBe('ALIAS loop: b.example.test → a.example.test → b.example.test')
  })

  it('answers NODATA with the SOA for a missing target by default, SERVFAIL when set so', async () => {
    const nodata = await ask(server.port, 'missing.example.test', 'A')
    expect(nodata.header.rcode).toBe('NOERROR')
    expect(nodata.answer).toEqual([])
    expect(nodata.authority).toMatchObject([{ name: 'example.test.', type: 'SOA' }])
    expect(nodata.authority[0]!.ttl).toBeLessThanOrEqual(20)
    server.updateSettings({ onTargetMissing: 'servfail' })
    try {
      const servfail = await ask(server.port, 'missing.example.test', 'A')
      expect(servfail.header.rcode).toBe('SERVFAIL')
      expect(servfail.edns?.ede).toMatchObject([{ code: 0, text: 'ALIAS target gone.cdn.example.test. is NXDOMAIN' }])
    } finally {
      server.updateSettings({ onTargetMissing: 'nodata' })
    }
  })

  it('serves static sibling addresses when the target cannot be resolved, else SERVFAIL with EDE 22', async () => {
    const fallback = await ask(server.port, 'fallback.example.test', 'A')
    expect(fallback.header.rcode).toBe('NOERROR')
    expect(datas(fallback)).toEqual(['198.51.100.1'])
    expect(fallback.edns?.ede?.[0]?.text).toMatch(/static A served/)
    const none = await ask(server.port, 'nofallback.example.test', 'A')
    expect(none.header.rcode).toBe('SERVFAIL')
    expect(none.edns?.ede).toMatchObject([{ code: 22 }])
    expect(none.edns?.ede?.[0]?.text).toMatch(/unreachable\.example\.net/)
  })
})

describe('TTL policies', () => {
  it('min counts down, fixed does not, passthrough exceeds the ALIAS TTL', async () => {
    const fresh = await startAliasServer({ zones: [zoneOf(ZONE)], upstream: { mode: 'simulated' }, simulatedTarget: { ttl: 20 } })
    try {
      const ttl = async (name: string): Promise<number> => (await ask(fresh.port, name, 'A')).answer[0]!.ttl
      expect(await ttl('example.test')).toBe(20)
      expect(await ttl('short.example.test')).toBe(5)
      await sleep(2100)
      expect(await ttl('example.test')).toBe(18)
      fresh.updateSettings({ ttlPolicy: 'fixed' })
      expect(await ttl('example.test')).toBe(20)
      expect(await ttl('short.example.test')).toBe(5)
      fresh.updateSettings({ ttlPolicy: 'passthrough' })
      expect(await ttl('short.example.test')).toBe(18)
      fresh.updateSettings({ ttlPolicy: 'min' })
      expect(await ttl('short.example.test')).toBe(5)
      expect(await ttl('example.test')).toBe(18)
    } finally {
      await fresh.stop()
    }
  })
})

describe('the simulated target', () => {
  it('changes live; the apex follows within the TTL and every change is an event with its time', async () => {
    const live = await startAliasServer({ zones: [zoneOf(ZONE)], upstream: { mode: 'simulated' }, simulatedTarget: { a: ['192.0.2.1'], ttl: 2 } })
    const changes: SimulatedTargetChange[] = []
    live.simulatedTarget.onChange((c) => changes.push(c))
    try {
      expect(datas(await ask(live.port, 'example.test', 'A'))).toEqual(['192.0.2.1'])
      const before = Date.now()
      const state = live.simulatedTarget.set({ a: ['192.0.2.2'] })
      expect(state).toMatchObject({ name: 'cdn.example.test.', a: ['192.0.2.2'], ttl: 2, version: 1 })
      expect(changes).toMatchObject([{ version: 1, a: ['192.0.2.2'], reason: 'set' }])
      expect(changes[0]!.time).toBeGreaterThanOrEqual(before)
      // the simulated zone itself answers the truth at once
      expect(datas(await ask(live.port, 'cdn.example.test', 'A'))).toEqual(['192.0.2.2'])
      let seen = ''
      const ttls: number[] = []
      while (Date.now() - changes[0]!.time < 4000) {
        const r = await ask(live.port, 'example.test', 'A')
        ttls.push(r.answer[0]!.ttl)
        seen = r.answer[0]!.data
        if (seen === '192.0.2.2') break
        await sleep(50)
      }
      expect(seen).toBe('192.0.2.2')
      expect(Date.now() - changes[0]!.time).toBeLessThanOrEqual(2000 + 300)
      expect(Math.max(...ttls)).toBeLessThanOrEqual(2)

      live.simulatedTarget.rotate({ everySeconds: 0.2, sets: [{ a: ['192.0.2.31'] }, { a: ['192.0.2.32'] }] })
      await sleep(700)
      live.simulatedTarget.stopRotation()
      const rotated = changes.filter((c) => c.reason === 'rotate').map((c) => c.a[0])
      expect(rotated.slice(0, 3)).toEqual(['192.0.2.31', '192.0.2.32', '192.0.2.31'])
      const count = changes.length
      await sleep(300)
      expect(changes.length).toBe(count)
      expect(live.simulatedTarget.state().rotation).toBeNull()
      expect(() => live.simulatedTarget.set({ a: ['not-an-ip'] })).toThrow(/IPv4/i)
    } finally {
      await live.stop()
    }
  })
})

describe('observability', () => {
  it('logs each query (client, transport, rcode, answer, TTL, cache status, RTT) and keeps counters', async () => {
    const quiet = await startAliasServer({ zones: [zoneOf(ZONE)], upstream: { mode: 'simulated' }, logQueries: false })
    const none: QueryLogEntry[] = []
    quiet.onQuery((b) => none.push(...b))
    try {
      await ask(quiet.port, 'example.test', 'A')
      await ask(quiet.port, 'example.test', 'A')
      await sleep(120)
      expect(none).toEqual([])
      expect(quiet.counters()).toMatchObject({ queries: 2, cacheMisses: 1, cacheHits: 1, upstreamQueries: 1 })
      quiet.updateSettings({ logQueries: true })
      await ask(quiet.port, 'example.test', 'A', { transport: 'tcp' })
      await sleep(120)
      expect(none).toMatchObject([{ name: 'example.test.', type: 'A', transport: 'tcp', rcode: 'NOERROR', cache: 'hit', upstreamRttMs: null, truncated: false }])
      expect(none[0]!.client).toMatch(/^127\.0\.0\.1:\d+$/)
      expect(none[0]!.answer).toMatch(/^A 192\.0\.2\.10/)
      const counters = quiet.counters()
      expect(counters.perTarget).toEqual([{ target: 'cdn.example.test.', type: 'A', upstreamQueries: 1 }])
      expect(counters.rcodes).toEqual({ NOERROR: 3 })
      expect(counters.tcpQueries).toBe(1)
    } finally {
      await quiet.stop()
    }
    const apex = log.filter((e) => e.name === 'example.test.' && e.type === 'A')
    expect(apex[0]).toMatchObject({ cache: 'miss', ttl: 20, transport: 'udp' })
    expect(apex[0]!.upstreamRttMs).toBeGreaterThanOrEqual(0)
    expect(log.find((e) => e.name === 'a.example.test.')).toMatchObject({ rcode: 'SERVFAIL', ede: { code: 0 } })
  })
})
