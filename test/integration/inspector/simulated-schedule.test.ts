import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ResolverTarget } from '@shared/dns'
import type { WatchSample } from '@shared/inspector'
import type { AliasServer } from '../../../electron/alias-server'
import { WatchService, WatchStore } from '../../../electron/inspector'
import { query } from '../../../electron/dns'
import { startSimulatedAlias } from '../../support/simulated-alias'
import { prng } from '../../support/prng'

const TARGET = 'cdn.example.test.'
const TARGET_TTL = 2
const ALIAS_TTL = 60
const INTERVAL_MS = 1000
/** Replays a schedule: STALENESS_SEED=n. */
const SEED = Number(process.env.STALENESS_SEED ?? 20261)

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('a random change schedule on the simulated target, the truth known', () => {
  let server: AliasServer

  beforeAll(async () => {
    server = await startSimulatedAlias(TARGET, { a: ['192.0.2.1'], aaaa: ['2001:db8::1'], ttl: TARGET_TTL }, ALIAS_TTL)
  })
  afterAll(async () => {
    await server?.stop()
  })

  it(`every lag is within the sampling interval + 100 ms of the true one (seed ${SEED})`, async () => {
    const rand = prng(SEED)
    const lab: ResolverTarget = { transport: 'udp', host: '127.0.0.1', port: server.port, label: 'lab' }
    const samples: WatchSample[] = []
    const service = new WatchService({ store: new WatchStore(':memory:'), onSample: (s) => samples.push(s) })
    // the truth: the simulated target's own change times, and the apex as an independent 50 ms poller sees it
    const changes: { atWallMs: number; a: string[] }[] = []
    const off = server.simulatedTarget.onChange((c) => changes.push({ atWallMs: c.time, a: [...c.a].sort() }))
    const apexSeen: { atWallMs: number; a: string }[] = []
    let polling = true
    const poll = (async () => {
      while (polling) {
        // questions shaped like the watch's (EDNS on): the server keeps one prepared answer per shape
        const answer = await query({ name: 'alias.test.', type: 'A', resolver: lab, options: { timeoutMs: 400, retries: 0 } }).catch(() => undefined)
        const a = (answer?.answer ?? []).flatMap((r) => (r.type === 'A' ? [r.data] : [])).sort().join()
        if (a) apexSeen.push({ atWallMs: Date.now(), a })
        await sleep(50)
      }
    })()
    try {
      const session = service.start({
        apex: 'alias.test',
        target: TARGET,
        resolvers: [lab],
        mode: 'interval',
        intervalSeconds: INTERVAL_MS / 1000,
        authoritativeServers: { apex: [lab], target: [lab] }
      })
      await sleep(2500)
      let fresh = 10
      let previous = ['192.0.2.1']
      let current = ['192.0.2.1']
      for (let elapsed = 0; elapsed < 14_000; ) {
        const gap = 1300 + rand() * 3500
        await sleep(gap)
        elapsed += gap
        const next = rand() < 0.3 ? previous : [`192.0.2.${fresh++}`]
        previous = current
        current = next
        server.simulatedTarget.set({ a: next })
      }
      await sleep(TARGET_TTL * 1000 + 2500)
      service.stop(session.id)
      polling = false
      await poll

      const { analysis } = service.get(session.id, 'min')
      /** The apex's actual sampling gap (ms) around `atMs`, in one viewpoint. */
      const gapAround = (viewpoint: WatchSample['viewpoint'], atMs: number): number => {
        const times = samples.filter((x) => x.viewpoint === viewpoint && x.family === 'A' && x.side === 'apex').map((x) => x.elapsedMs)
        const before = Math.max(...times.filter((t) => t <= atMs))
        const after = Math.min(...times.filter((t) => t >= atMs))
        return Number.isFinite(after - before) ? after - before : INTERVAL_MS
      }
      expect(analysis.aliasTtl).toBe(ALIAS_TTL)
      let checked = 0
      for (const series of analysis.series.filter((s) => s.family === 'A')) {
        const v = analysis.viewpoints.find((x) => x.viewpoint === series.viewpoint)!
        expect(v.followed + v.superseded + v.reverted + v.pending).toBe(v.changes)
        expect(v.staleMs).toBeLessThanOrEqual(analysis.spanMs)
        for (const change of series.changes) {
          if (change.outcome !== 'followed') {
            expect(change.lagMs).toBeUndefined()
            continue
          }
          const startWall = samples[0]!.receivedAtWallMs - samples[0]!.elapsedMs
          const truth = changes.filter((c) => c.atWallMs - startWall > change.lastOldMs - 50 && c.atWallMs - startWall < change.firstNewMs + 50)
          expect(truth, `one true change inside ${JSON.stringify(change)}`).toHaveLength(1)
          const real = truth[0]!
          const followed = apexSeen.find((s) => s.atWallMs >= real.atWallMs && s.a === real.a.join())
          expect(followed, `the poller saw the apex take ${real.a.join()}`).toBeDefined()
          const trueLag = followed!.atWallMs - real.atWallMs
          expect(change.lagMs!, `${series.viewpoint}: measured ${change.lagMs} ms, true ${trueLag} ms`).toBeGreaterThan(0)
          const around = samples
            .filter((x) => x.viewpoint === series.viewpoint && x.family === 'A' && Math.abs(x.elapsedMs - change.changedAtMs) < 4000)
            .map((x) => `${Math.round(x.elapsedMs)} ${x.side} ${x.values.join()}`)
            .join('; ')
          const why = `${series.viewpoint}: measured ${change.lagMs} ms, true ${trueLag} ms; change ${JSON.stringify(change)}; truth at ${real.atWallMs - startWall}; apex followed at ${followed!.atWallMs - startWall}; samples ${around}`
          // each end errs by at most half its sampling gap: the interval, or longer when a busy machine delays a sample
          const resolution = Math.max(INTERVAL_MS, (change.firstNewMs - change.lastOldMs + gapAround(series.viewpoint, change.followedAtMs!)) / 2)
          expect(Math.abs(change.lagMs! - trueLag), `${why}; sampling resolution ${resolution} ms`).toBeLessThanOrEqual(resolution + 100)
          checked++
        }
      }
      expect(checked, JSON.stringify(analysis.summary)).toBeGreaterThanOrEqual(2)
    } finally {
      off()
      polling = false
      await service.dispose()
    }
  })
})
