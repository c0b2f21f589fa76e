import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ResolverTarget } from '@shared/dns'
import type { WatchSample } from '@shared/inspector'
import { openWatchService, type WatchService } from '../../../electron/inspector'
import type { KnotServer } from '../../../scripts/peers/knot'
import type { PowerDnsServer } from '../../../scripts/peers/pdns'
import { probeUdp } from '../../../scripts/peers/probe'
import type { UnboundServer } from '../../../scripts/peers/unbound'
import { startZoneForwarder, type ZoneForwarder } from '../../support/inspector/zone-forwarder'
import { aliasApexZone, targetZone } from '../../../scripts/peers/inspector-zones'
import { startPdnsAliasChain, type PdnsAliasChain } from '../../support/pdns-alias-chain'
import { tempDirForSuite } from '../../support/suite-temp-dir'

const TARGET_TTL = 3

/** Resolves with the first sample that satisfies `match`, or rejects after `ms`. */
function waitForSample(samples: WatchSample[], match: (s: WatchSample) => boolean, ms: number): Promise<WatchSample> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      const found = samples.find(match)
      if (found) {
        clearInterval(poll)
        resolve(found)
      } else if (Date.now() - started > ms) {
        clearInterval(poll)
        reject(new Error(`no matching sample within ${ms} ms; samples: ${JSON.stringify(samples.map((s) => [s.side, s.family, s.values]))}`))
      }
    }, 50)
  })
}

/** Waits until a resolver has just fetched `name` (its TTL is still the full one): it keeps that copy for ~TTL s. */
async function untilJustFetched(port: number, name: string, ttl: number): Promise<void> {
  const started = Date.now()
  while (Date.now() - started < 3 * ttl * 1000) {
    const first = (await probeUdp(port, name, 'A')).answers?.[0]
    if (first?.type === 'A' && first.ttl === ttl) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`the resolver on port ${port} never showed a fresh ${name}`)
}

describe('watching an apex that PowerDNS aliases while the target changes', () => {
  let chain: PdnsAliasChain
  let knot: KnotServer
  let pdnsResolver: UnboundServer
  let pdns: PowerDnsServer
  let forwarder: ZoneForwarder
  const dir = tempDirForSuite('alias-inspector-watch-')
  let service: WatchService
  let resolver: ResolverTarget
  const samples: WatchSample[] = []

  beforeAll(async () => {
    chain = await startPdnsAliasChain({
      knotZones: { 'target.test.': targetZone({ ttl: TARGET_TTL }) },
      pdnsZones: { 'pdns.test.': aliasApexZone('pdns.test.', 'cdn.target.test.') }
    })
    ;({ knot, upstream: pdnsResolver, pdns } = chain)
    // no cache between the watch and the servers: the target is seen as it changes, the apex as PowerDNS serves it
    forwarder = await startZoneForwarder([
      { zone: 'target.test.', port: knot.port },
      { zone: 'pdns.test.', port: pdns.port }
    ])
    resolver = { transport: 'udp', host: '127.0.0.1', port: forwarder.port, label: 'forwarder' }
    service = openWatchService(dir.path, { onSample: (s) => samples.push(s) })
  })

  afterAll(async () => {
    await service?.dispose()
    await forwarder?.stop()
    await chain?.stop()
  })

  it('measures the lag of the apex to within a second of the true lag (interval mode)', async () => {
    samples.length = 0
    const session = service.start({ apex: 'pdns.test', target: 'cdn.target.test', resolvers: [resolver], mode: 'interval', intervalSeconds: 1, authoritative: false })
    await waitForSample(samples, (s) => s.side === 'apex' && s.family === 'A' && s.elapsedMs > 2000, 10_000)
    // PowerDNS's resolver has just cached the old target: PowerDNS will serve it for ~TTL more seconds
    await untilJustFetched(pdnsResolver.port, 'cdn.target.test.', TARGET_TTL)
    await knot.reloadZone('target.test.', targetZone({ serial: 2, ttl: TARGET_TTL, a: ['192.0.2.20'] }))
    const changedAtWallMs = Date.now()
    const followed = await waitForSample(
      samples,
      (s) => s.side === 'apex' && s.family === 'A' && s.values.join() === '192.0.2.20',
      20_000
    )
    await new Promise((r) => setTimeout(r, 1500))
    service.stop(session.id)

    const { analysis, samples: stored } = service.get(session.id, 'passthrough')
    expect(stored.length).toBeGreaterThanOrEqual(samples.length)
    const series = analysis.series.find((s) => s.family === 'A')!
    expect(series.changes).toHaveLength(1)
    const change = series.changes[0]!
    expect(change).toMatchObject({ from: ['192.0.2.10', '192.0.2.11'], to: ['192.0.2.20'], outcome: 'followed' })
    const trueLagMs = followed.receivedAtWallMs - changedAtWallMs
    expect(Math.abs(change.lagMs! - trueLagMs), `measured ${change.lagMs} ms, true ${trueLagMs} ms`).toBeLessThanOrEqual(1000)
    // PowerDNS hands out the target's remaining TTL: the bound is target TTL + target TTL
    expect(analysis.bound).toMatchObject({ policy: 'passthrough', targetTtl: TARGET_TTL, seconds: 2 * TARGET_TTL })
    expect(analysis.maxLagMs).toBe(change.lagMs)
    // a real lag: the apex kept the old set while the target showed the new one
    expect(trueLagMs).toBeGreaterThan(1000)
    expect(series.mismatchedSamples).toBeGreaterThan(0)
    expect(series.mismatchIntervals[0]).toMatchObject({ startMs: change.firstNewMs, open: false })
    // the interval ends at the first apex sample with the new set; the follow is dated half a gap before it
    expect(series.mismatchIntervals[0]!.endMs).toBeGreaterThanOrEqual(change.followedAtMs!)
    expect(analysis.withinBound).toBe(true)
    // the AAAA set never changed
    expect(analysis.series.find((s) => s.family === 'AAAA')?.changes).toEqual([])
  })

  it('asks again when each answer expires, never sooner than a second (expiry mode)', async () => {
    samples.length = 0
    const session = service.start({ apex: 'pdns.test', target: 'cdn.target.test', resolvers: [resolver], mode: 'expiry', intervalSeconds: 5, authoritative: false })
    await new Promise((r) => setTimeout(r, 7000))
    service.stop(session.id)
    const target = service.get(session.id).samples.filter((s) => s.side === 'target' && s.family === 'A')
    expect(target.length).toBeGreaterThanOrEqual(3)
    for (let i = 1; i < target.length; i++) {
      const gap = target[i]!.elapsedMs - target[i - 1]!.elapsedMs
      // the forwarder does not cache: every answer has the full TTL
      expect(target[i - 1]!.ttl).toBe(TARGET_TTL)
      expect(gap).toBeGreaterThanOrEqual(TARGET_TTL * 1000)
      expect(gap).toBeLessThan(TARGET_TTL * 1000 + 800)
    }
  })
})
