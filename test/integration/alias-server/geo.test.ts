import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QueryLogEntry } from '@shared/alias-server'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { ask, datas } from './support/ask'
import { dig } from '../../../scripts/peers/dig'
import { AP_REGION, geoApexZone, geoCdn } from '../../support/geo-cdn'

/** The simulated geo CDN over real UDP: answers by ECS when present, else by source address. */

const ORIGIN = 'example.test.'
const GEO = geoCdn(AP_REGION, { name: 'loop', prefix: '127.0.0.0/8', A: ['198.51.100.127'] })

let server: AliasServer
const log: QueryLogEntry[] = []

beforeAll(async () => {
  server = await startAliasServer({
    zones: [geoApexZone()],
    upstream: { mode: 'simulated' },
    geo: GEO
  })
  server.onQuery((batch) => log.push(...batch))
})
afterAll(async () => {
  await server?.stop()
})

describe('geo target over UDP', () => {
  it('answers the region of the ECS subnet and echoes the option with the region prefix as scope', async () => {
    const r = await ask(server.port, 'cdn.example.test.', 'A', { clientSubnet: '203.0.113.9/24' })
    expect(r.header.rcode).toBe('NOERROR')
    expect(datas(r, 'A')).toEqual(['198.51.100.77'])
    expect(r.edns?.clientSubnet).toEqual({ subnet: '203.0.113.0/24', sourcePrefixLength: 24, scopePrefixLength: 24 })
  })

  it('answers the default set for an ECS subnet in no region, scoped to that subnet only', async () => {
    const r = await ask(server.port, 'cdn.example.test.', 'A', { clientSubnet: '198.18.7.0/24' })
    expect(datas(r, 'A')).toEqual(['192.0.2.1'])
    expect(r.edns?.clientSubnet?.scopePrefixLength).toBe(24)
  })

  it('without ECS, answers by the source address (127.0.0.1 is in the "loop" region here)', async () => {
    const out = await dig(server.port, 'cdn.example.test.', 'A', '+short', '+noedns')
    expect(out.trim().split('\n')).toEqual(['198.51.100.127'])
  })

  it('dig +subnet sees the same as the query engine', async () => {
    const out = await dig(server.port, 'cdn.example.test.', 'A', '+subnet=203.0.113.200/24')
    expect(out).toMatch(/CLIENT-SUBNET: 203\.0\.113\.0\/24\/24/)
    expect(out).toMatch(/cdn\.example\.test\.\s+30\s+IN\s+A\s+198\.51\.100\.77/)
  })

  it('the ALIAS at the apex is resolved as seen from the server itself, whatever subnet the user sends', async () => {
    const r = await ask(server.port, ORIGIN, 'A', { clientSubnet: '203.0.113.9/24' })
    expect(datas(r, 'A')).toEqual(['198.51.100.127'])
  })

  it('logs the subnet and the region used', async () => {
    await ask(server.port, 'cdn.example.test.', 'AAAA', { clientSubnet: '2001:db8:99::/48' })
    await new Promise((resolve) => setTimeout(resolve, 120))
    const entry = log.find((e) => e.name === 'cdn.example.test.' && e.type === 'AAAA')
    expect(entry).toMatchObject({ subnet: '2001:db8:99::/48', region: 'default', answer: 'AAAA 2001:db8::1' })
    expect(log.find((e) => e.subnet === '203.0.113.0/24')?.region).toBe('ap')
  })
})

describe('ECS through the ALIAS server', () => {
  const zone = geoApexZone()
  const start = (profile: 'powerdns' | 'draft'): Promise<AliasServer> =>
    startAliasServer({ zones: [zone], upstream: { mode: 'simulated' }, geo: GEO, settings: { profile } })

  it('a profile that forwards ECS gives the apex the node of the client subnet, with the scope, per subnet', async () => {
    const s = await start('powerdns')
    const seen: QueryLogEntry[] = []
    s.onQuery((b) => seen.push(...b))
    try {
      const ap = await ask(s.port, ORIGIN, 'A', { clientSubnet: '203.0.113.9/32' })
      expect(datas(ap, 'A')).toEqual(['198.51.100.77'])
      // the client's 32 bits were cut to the profile's /24 before they left the server
      expect(ap.edns?.clientSubnet).toEqual({ subnet: '203.0.113.9/32', sourcePrefixLength: 32, scopePrefixLength: 24 })
      const elsewhere = await ask(s.port, ORIGIN, 'A', { clientSubnet: '198.18.7.0/24' })
      expect(datas(elsewhere, 'A')).toEqual(['192.0.2.1'])
      expect(elsewhere.edns?.clientSubnet?.scopePrefixLength).toBe(24)
      // no ECS: the source address speaks for the client (127.0.0.0/24 → the "loop" region)
      expect(datas(await ask(s.port, ORIGIN, 'A'), 'A')).toEqual(['198.51.100.127'])
      // a second client of the same /24 is answered from the cache entry of that scope
      const before = s.counters().upstreamQueries
      expect(datas(await ask(s.port, ORIGIN, 'A', { clientSubnet: '203.0.113.200/24' }), 'A')).toEqual(['198.51.100.77'])
      expect(s.counters().upstreamQueries).toBe(before)
      await new Promise((resolve) => setTimeout(resolve, 120))
      expect(seen.filter((e) => e.name === ORIGIN).map((e) => e.subnet)).toEqual(['203.0.113.0/24', '198.18.7.0/24', '127.0.0.0/24', '203.0.113.0/24'])
    } finally {
      await s.stop()
    }
  })

  it('a profile that forwards ECS reuses an encoded answer only for the same subnet and the same ECS echo', async () => {
    const s = await start('powerdns')
    try {
      for (let round = 0; round < 3; round++) {
        const a = await ask(s.port, ORIGIN, 'A', { clientSubnet: '203.0.113.9/32' })
        expect(datas(a, 'A')).toEqual(['198.51.100.77'])
        expect(a.edns?.clientSubnet).toEqual({ subnet: '203.0.113.9/32', sourcePrefixLength: 32, scopePrefixLength: 24 })
        // same forwarded /24, another client address: its own option comes back, not the cached one
        const b = await ask(s.port, ORIGIN, 'A', { clientSubnet: '203.0.113.10/32' })
        expect(b.edns?.clientSubnet).toEqual({ subnet: '203.0.113.10/32', sourcePrefixLength: 32, scopePrefixLength: 24 })
        const other = await ask(s.port, ORIGIN, 'A', { clientSubnet: '198.18.7.0/24' })
        expect(datas(other, 'A')).toEqual(['192.0.2.1'])
        const plain = await ask(s.port, ORIGIN, 'A')
        expect(datas(plain, 'A')).toEqual(['198.51.100.127'])
        expect(plain.edns?.clientSubnet).toBeUndefined()
      }
    } finally {
      await s.stop()
    }
  })

  it('a profile that does not forward ECS answers every client with the node for the server itself, and no ECS option', async () => {
    const s = await start('draft')
    try {
      const ap = await ask(s.port, ORIGIN, 'A', { clientSubnet: '203.0.113.9/24' })
      expect(datas(ap, 'A')).toEqual(['198.51.100.127'])
      expect(ap.edns?.clientSubnet).toBeUndefined()
    } finally {
      await s.stop()
    }
  })
})

describe('setGeo', () => {
  it('replaces the geo CDN live, refuses a bad one with its path, and null removes it', async () => {
    const s = await startAliasServer({ zones: [geoApexZone()], upstream: { mode: 'simulated' }, geo: GEO, logQueries: false })
    try {
      expect(datas(await ask(s.port, ORIGIN, 'A'), 'A')).toEqual(['198.51.100.127'])
      s.setGeo({ targets: { 'cdn.example.test.': { default: { A: ['192.0.2.99'] } } } })
      expect(datas(await ask(s.port, ORIGIN, 'A'), 'A')).toEqual(['192.0.2.99'])
      expect(() => s.setGeo({ targets: { 'cdn.example.test.': { default: { A: ['nope'] } } } })).toThrow(/targets\.cdn\.example\.test\.\.default\.A\.0: is not an IPv4 address/)
      s.setGeo(null)
      // back to the plain simulated target of that name
      expect(datas(await ask(s.port, 'cdn.example.test.', 'A', { clientSubnet: '203.0.113.0/24' }), 'A')).toEqual(['192.0.2.10'])
      expect(datas(await ask(s.port, ORIGIN, 'A'), 'A')).toEqual(['192.0.2.10'])
    } finally {
      await s.stop()
    }
  })
})
