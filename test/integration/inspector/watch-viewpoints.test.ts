import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ResolverTarget } from '@shared/dns'
import type { WatchSample } from '@shared/inspector'
import { openWatchService, type WatchService } from '../../../electron/inspector'
import { aliasApexZone, targetZone } from '../../../scripts/peers/inspector-zones'
import type { KnotServer } from '../../../scripts/peers/knot'
import type { PowerDnsServer } from '../../../scripts/peers/pdns'
import { probeUdp } from '../../../scripts/peers/probe'
import { startUnbound, type UnboundServer } from '../../../scripts/peers/unbound'
import { startPdnsAliasChain, type PdnsAliasChain } from '../../support/pdns-alias-chain'
import { tempDirForSuite } from '../../support/suite-temp-dir'

const TARGET_TTL = 4
const OLD = '192.0.2.10,192.0.2.11'
const NEW = '192.0.2.30'

/** An independent poller (its own DNS client): the first time `name` showed NEW at a server, every 100 ms. */
function pollFirstNew(port: number, name: string, stop: AbortSignal): Promise<number | undefined> {
  return new Promise((resolve) => {
    const tick = async (): Promise<void> => {
      if (stop.aborted) return resolve(undefined)
      const answer = await probeUdp(port, name, 'A', 400).catch(() => undefined)
      const values = (answer?.answers ?? []).flatMap((r) => (r.type === 'A' ? [String(r.data)] : [])).sort().join(',')
      if (values === NEW) return resolve(Date.now())
      setTimeout(() => void tick(), 100)
    }
    void tick()
  })
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('a watch from both viewpoints: PowerDNS (ALIAS) + Knot (target) + Unbound', () => {
  let chain: PdnsAliasChain
  let knot: KnotServer
  let pdnsUpstream: UnboundServer
  let pdns: PowerDnsServer
  let resolver: UnboundServer
  const dir = tempDirForSuite('alias-inspector-viewpoints-')
  let service: WatchService
  const samples: WatchSample[] = []

  beforeAll(async () => {
    // PowerDNS expands the ALIAS through its own Unbound; users ask another Unbound
    chain = await startPdnsAliasChain({
      knotZones: { 'target.test.': targetZone({ ttl: TARGET_TTL }) },
      pdnsZones: { 'pdns.test.': aliasApexZone('pdns.test.', 'cdn.target.test.', 60) },
      // no packet cache: the apex is what PowerDNS's upstream gives at that moment
      pdnsSettings: { 'cache-ttl': '0', 'negquery-cache-ttl': '0', 'query-cache-ttl': '0' },
      upstreamControl: true
    })
    ;({ knot, upstream: pdnsUpstream, pdns } = chain)
    resolver = await startUnbound({
      stubs: [
        { zone: 'target.test.', port: knot.port },
        { zone: 'pdns.test.', port: pdns.port }
      ],
      control: true
    })
    service = openWatchService(dir.path, { onSample: (s) => samples.push(s) })
  })

  afterAll(async () => {
    await service?.dispose()
    await resolver?.stop()
    await chain?.stop()
  })

  it("measures each viewpoint's lag to within 1.5 s of an independent poller", async () => {
    const unbound: ResolverTarget = { transport: 'udp', host: '127.0.0.1', port: resolver.port, label: 'unbound' }
    const session = service.start({
      apex: 'pdns.test',
      target: 'cdn.target.test',
      resolvers: [unbound],
      mode: 'interval',
      intervalSeconds: 1,
      authoritativeServers: {
        apex: [{ transport: 'udp', host: '127.0.0.1', port: pdns.port }],
        target: [{ transport: 'udp', host: '127.0.0.1', port: knot.port }]
      }
    })
    const isApexA = (viewpoint: WatchSample['viewpoint'], values: string) => (s: WatchSample) =>
      s.viewpoint === viewpoint && s.side === 'apex' && s.family === 'A' && s.values.join() === values
    await until(() => samples.filter(isApexA('authoritative', OLD)).length >= 2 && samples.filter(isApexA('resolver', OLD)).length >= 2, 15_000, 'the old set from both viewpoints')

    const stopPolling = new AbortController()
    const pollers = {
      knot: pollFirstNew(knot.port, 'cdn.target.test.', stopPolling.signal),
      pdns: pollFirstNew(pdns.port, 'pdns.test.', stopPolling.signal),
      unboundTarget: pollFirstNew(resolver.port, 'cdn.target.test.', stopPolling.signal),
      unboundApex: pollFirstNew(resolver.port, 'pdns.test.', stopPolling.signal)
    }
    await knot.reloadZone('target.test.', targetZone({ serial: 2, ttl: TARGET_TTL, a: [NEW] }))
    // only the target leaves the caches: PowerDNS's next expansion sees the change, users' Unbound keeps the apex
    await pdnsUpstream.flush('cdn.target.test.')
    await resolver.flush('cdn.target.test.')
    await until(() => samples.some(isApexA('authoritative', NEW)) && samples.some(isApexA('resolver', NEW)), 20_000, 'the new set from both viewpoints')
    await new Promise((r) => setTimeout(r, 1500))
    service.stop(session.id)
    stopPolling.abort()
    const truth = {
      knot: await pollers.knot,
      pdns: await pollers.pdns,
      unboundTarget: await pollers.unboundTarget,
      unboundApex: await pollers.unboundApex
    }
    for (const [k, v] of Object.entries(truth)) expect(v, `the poller never saw ${NEW} at ${k}`).toBeDefined()

    const { analysis, session: stored } = service.get(session.id, 'passthrough')
    expect(stored.authoritative).toMatchObject({ apexServers: [`127.0.0.1:${pdns.port}`], targetServers: [`127.0.0.1:${knot.port}`] })
    // PowerDNS 4.7 answers a question for type ALIAS with NODATA: its ALIAS TTL cannot be read, and the bound says
    // that it used the largest apex TTL seen instead
    expect(stored.aliasRecord).toBeUndefined()
    expect(analysis.aliasTtl).toBeUndefined()
    expect(analysis.bound).toMatchObject({ apexTtlSource: 'largest-apex-ttl-seen', apexTtl: analysis.maxApexTtl })
    const change = (viewpoint: WatchSample['viewpoint']) => {
      const series = analysis.series.find((s) => s.viewpoint === viewpoint && s.family === 'A')!
      expect(series.changes, `${viewpoint}: ${JSON.stringify(series.changes)}`).toHaveLength(1)
      expect(series.changes[0]).toMatchObject({ to: [NEW], outcome: 'followed' })
      return series.changes[0]!
    }
    const authoritative = change('authoritative')
    const viaResolver = change('resolver')
    const trueAuthLag = truth.pdns! - truth.knot!
    const trueResolverLag = truth.unboundApex! - truth.unboundTarget!
    expect(Math.abs(authoritative.lagMs! - trueAuthLag), `authoritative: measured ${authoritative.lagMs} ms, poller ${trueAuthLag} ms`).toBeLessThanOrEqual(1500)
    console.info(`lags: authoritative ${authoritative.lagMs} ms (poller ${trueAuthLag} ms), resolver ${viaResolver.lagMs} ms (poller ${trueResolverLag} ms)`)
    expect(Math.abs(viaResolver.lagMs! - trueResolverLag), `resolver: measured ${viaResolver.lagMs} ms, poller ${trueResolverLag} ms`).toBeLessThanOrEqual(1500)
    // the figures the summary shows are the JSON's
    const byViewpoint = Object.fromEntries(analysis.viewpoints.map((v) => [v.viewpoint, v]))
    expect(analysis.mismatchedMs).toBe(byViewpoint.resolver!.staleMs)
    expect(analysis.authoritativeMismatchedMs).toBe(byViewpoint.authoritative!.staleMs)
    expect(analysis.summary.join('\n')).toContain("zones' own servers: 1 change of the target's set")
  })
})
