import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QueryLogEntry } from '@shared/alias-server'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { startMisbehavingServer, type MisbehavingServer } from '../../../scripts/peers/misbehaving-server'
import { zoneHead, zoneOf } from '../alias-server/support/zones'
import { askLong, sleep } from './support'

/** In resolver mode, a real upstream's failures go through the profile's rules, as the simulated target's do. */

const ZONE = `${zoneHead('example.test.', 3600, 60)}@ 30 IN ALIAS cdn.example.net.\n`

describe('real upstream failures through the profile rules', () => {
  let upstream: MisbehavingServer
  const servers: AliasServer[] = []

  beforeAll(async () => {
    upstream = await startMisbehavingServer({ kind: 'no-reply' })
  })
  afterAll(async () => {
    for (const s of servers) await s.stop()
    await upstream?.stop()
  })

  const serve = async (profile: 'dnsimple' | 'powerdns'): Promise<{ server: AliasServer; log: QueryLogEntry[] }> => {
    const server = await startAliasServer({
      zones: [zoneOf(ZONE)],
      upstream: { mode: 'recursive', resolver: { transport: 'udp', host: '127.0.0.1', port: upstream.port } },
      settings: { profile }
    })
    servers.push(server)
    const log: QueryLogEntry[] = []
    server.onQuery((batch) => log.push(...batch))
    return { server, log }
  }

  it('DNSimple: a resolver that never answers is asked twice, 500 ms each, then the answer is empty, not SERVFAIL', async () => {
    upstream.behave({ kind: 'no-reply' })
    const before = upstream.received.length
    const { server, log } = await serve('dnsimple')
    const started = performance.now()
    const r = await askLong(server.port, 'example.test', 'A', 'udp')
    expect(performance.now() - started).toBeGreaterThanOrEqual(950)
    expect(r.header.rcode).toBe('NOERROR')
    expect(r.answer).toEqual([])
    expect(upstream.received.length - before).toBe(2)
    await sleep(120)
    expect(log.at(-1)?.rule).toBe('target timed out twice, 500 ms each → empty NOERROR (no answer to serve stale), as DNSimple does')
  })

  it('PowerDNS: a resolver answering SERVFAIL gives SERVFAIL, and the log says so', async () => {
    upstream.behave({ kind: 'rcode', rcode: 'SERVFAIL' })
    const { server, log } = await serve('powerdns')
    const r = await askLong(server.port, 'example.test', 'A', 'tcp')
    expect(r.header.rcode).toBe('SERVFAIL')
    await sleep(120)
    expect(log.at(-1)?.rule).toBe('target answered SERVFAIL → SERVFAIL, as PowerDNS Authoritative does')
  })
})
