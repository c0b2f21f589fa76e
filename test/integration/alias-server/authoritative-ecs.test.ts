import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { startUnbound, type UnboundServer } from '../../../scripts/peers/unbound'
import { ask } from './support/ask'
import { zoneHead, zoneOf } from './support/zones'
import { stopAll } from '../../support/stop-all'

/**
 * ECS through the authoritative upstream: a geo CDN (our server with --geo, the feasible ECS-aware peer: Knot's
 * geoip module and PowerDNS's geo backends need GeoIP databases we do not ship) is the target zone's own server;
 * Unbound (a stub zone to it) only bootstraps. A profile that forwards ECS gets the client's region at the apex.
 */
let cdn: AliasServer
let unbound: UnboundServer
let server: AliasServer

const GEO = { targets: { 'edge.cdn.test.': { ttl: 30, default: { A: ['192.0.2.1'] }, regions: [{ name: 'ap', prefix: '203.0.113.0/24', A: ['198.51.100.77'] }] } } }

beforeAll(async () => {
  cdn = await startAliasServer({ zones: [zoneOf(zoneHead('cdn.test.', 300, 30))], upstream: { mode: 'simulated' }, geo: GEO, logQueries: false })
  unbound = await startUnbound({ stubs: [{ zone: 'cdn.test.', port: cdn.port }] })
  server = await startAliasServer({
    zones: [zoneOf([zoneHead('example.test.', 3600, 60), '@ 60 IN ALIAS edge.cdn.test.'].join('\n'))],
    upstream: { mode: 'authoritative', bootstrap: { transport: 'udp', host: '127.0.0.1', port: unbound.port }, serverPort: cdn.port },
    settings: { profile: 'powerdns' }
  })
})
afterAll(() => stopAll(server, unbound, cdn))

describe('authoritative upstream with ECS', () => {
  it('forwards the client subnet to the target zone server; the apex answer carries the region and its scope', async () => {
    const far = await ask(server.port, 'example.test', 'A', { clientSubnet: '203.0.113.0/24' })
    expect(far.answer.map((a) => a.data), JSON.stringify({ rcode: far.header.rcode, ede: far.edns?.ede, auth: far.authority })).toEqual(['198.51.100.77'])
    expect(far.edns?.clientSubnet?.scopePrefixLength).toBe(24)
    const near = await ask(server.port, 'example.test', 'A', { clientSubnet: '192.0.2.0/24' })
    expect(near.answer.map((a) => a.data)).toEqual(['192.0.2.1'])
  })
})
