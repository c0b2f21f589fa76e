import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'
import { startUnbound, type UnboundServer } from '../../../scripts/peers/unbound'
import { ask, datas } from './support/ask'
import { startCountingRelay, type CountingRelay } from './support/counting-relay'
import { zoneHead, zoneOf } from './support/zones'
import { stopAll } from '../../support/stop-all'

/**
 * Upstream mode (b): Unbound (stub zones to Knot) only bootstraps — SOA walk, NS, name-server
 * addresses; the target's own server (Knot, NS → 127.0.0.1, reached through a counting relay) is
 * then asked directly with RD=0.
 */

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

const cdnZone = (serial: number, changing: string): string =>
  [
    zoneHead('cdn.test.', 300, 30, serial),
    'edge 300 IN A 192.0.2.1',
    'edge 300 IN AAAA 2001:db8::1',
    'via 120 IN CNAME edge.cdn.test.',
    `changing 1 IN A ${changing}`
  ].join('\n')
const OTHER_ZONE = [zoneHead('other.test.', 300, 30), 'hop 90 IN CNAME edge.cdn.test.'].join('\n')

let knot: KnotServer
let relay: CountingRelay
let unbound: UnboundServer
let server: AliasServer

beforeAll(async () => {
  knot = await startKnot({ zones: { 'cdn.test.': cdnZone(1, '192.0.2.1'), 'other.test.': OTHER_ZONE } })
  relay = await startCountingRelay(knot.port)
  unbound = await startUnbound({ stubs: [{ zone: 'cdn.test.', port: knot.port }, { zone: 'other.test.', port: knot.port }] })
  server = await startAliasServer({
    zones: [
      zoneOf(
        [
          zoneHead('example.test.', 3600, 60),
          '@ 60 IN ALIAS edge.cdn.test.',
          'via 300 IN ALIAS via.cdn.test.',
          'hop 300 IN ALIAS hop.other.test.',
          'changing 300 IN ALIAS changing.cdn.test.'
        ].join('\n')
      )
    ],
    upstream: { mode: 'authoritative', bootstrap: { transport: 'udp', host: '127.0.0.1', port: unbound.port }, serverPort: relay.port }
  })
})
afterAll(() => stopAll(server, unbound, relay, knot))

describe('authoritative upstream', () => {
  it("asks the target zone's own server directly, with RD=0", async () => {
    const r = await ask(server.port, 'example.test', 'A')
    expect(r.answer).toMatchObject([{ name: 'example.test.', type: 'A', data: '192.0.2.1', ttl: 60 }])
    const direct = relay.queries.filter((q) => q.name === 'edge.cdn.test.')
    expect(direct).toMatchObject([{ type: 'A', rd: false }])
    // the bootstrap resolver talks to Knot itself; only our direct query passed the relay
    expect(relay.queries.every((q) => !q.rd)).toBe(true)
  })

  it('follows CNAMEs inside the target zone and across zones (a new NS lookup for each zone)', async () => {
    expect((await ask(server.port, 'via.example.test', 'A')).answer).toMatchObject([{ data: '192.0.2.1', ttl: 120 }])
    const hop = await ask(server.port, 'hop.example.test', 'AAAA')
    expect(hop.answer).toMatchObject([{ name: 'hop.example.test.', type: 'AAAA', data: '2001:db8::1', ttl: 90 }])
    expect(relay.count('hop.other.test.', 'AAAA')).toBe(1)
    expect(relay.count('edge.cdn.test.', 'AAAA')).toBeGreaterThanOrEqual(1)
  })

  it('sees a change as soon as the target TTL runs out, with no resolver cache in between', async () => {
    expect(datas(await ask(server.port, 'changing.example.test', 'A'))).toEqual(['192.0.2.1'])
    await knot.reloadZone('cdn.test.', cdnZone(2, '192.0.2.9'))
    const changed = Date.now()
    let seen = ''
    while (Date.now() - changed < 4000 && seen !== '192.0.2.9') {
      seen = datas(await ask(server.port, 'changing.example.test', 'A'))[0] ?? ''
      if (seen !== '192.0.2.9') await sleep(50)
    }
    expect(seen).toBe('192.0.2.9')
    expect(Date.now() - changed).toBeLessThanOrEqual(1000 + 500)
  })
})
