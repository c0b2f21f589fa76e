import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ResolverTarget } from '@shared/dns'
import type { WatchSample } from '@shared/inspector'
import type { AliasServer } from '../../../electron/alias-server'
import { WatchService, WatchStore } from '../../../electron/inspector'
import { startSimulatedAlias } from '../../support/simulated-alias'

const TARGET = 'cdn.example.test.'

/**
 * Step 3 of issue 10, scaled down: the target rotates between two sets faster than its TTL, so the apex
 * "matches" again each time the target comes back. Those returns are `reverted`, never a lag of 0, and
 * the stale time is wall-clock time, never more than the session.
 */
describe('a target that rotates faster than its TTL', () => {
  let server: AliasServer
  beforeAll(async () => {
    server = await startSimulatedAlias(TARGET, { a: ['192.0.2.1'], aaaa: ['2001:db8::1'], ttl: 6 })
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('counts rotations back as reverted, keeps the stale time within the session and the ALIAS TTL apart', async () => {
    const lab: ResolverTarget = { transport: 'udp', host: '127.0.0.1', port: server.port, label: 'lab' }
    const samples: WatchSample[] = []
    const service = new WatchService({ store: new WatchStore(':memory:'), onSample: (s) => samples.push(s) })
    try {
      const session = service.start({ apex: 'alias.test', target: TARGET, resolvers: [lab], mode: 'interval', intervalSeconds: 1, authoritativeServers: { apex: [lab], target: [lab] } })
      // the first set seen from both viewpoints before the rotation starts (not a fixed wait: a busy machine samples late)
      const deadline = Date.now() + 15_000
      const seen = (viewpoint: WatchSample['viewpoint']): boolean => samples.some((s) => s.viewpoint === viewpoint && s.side === 'apex' && s.values.length > 0)
      while (!(seen('authoritative') && seen('resolver')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      server.simulatedTarget.rotate({
        everySeconds: 2,
        sets: [
          { a: ['192.0.2.2'], aaaa: ['2001:db8::2'] },
          { a: ['192.0.2.1'], aaaa: ['2001:db8::1'] }
        ]
      })
      await new Promise((r) => setTimeout(r, 12_500))
      server.simulatedTarget.stopRotation()
      service.stop(session.id)
      const { analysis } = service.get(session.id, 'min')
      for (const v of analysis.viewpoints) {
        expect(v.followed + v.superseded + v.reverted + v.pending, v.viewpoint).toBe(v.changes)
        expect(v.reverted, `${v.viewpoint}: ${analysis.summary.join(' | ')}`).toBeGreaterThanOrEqual(1)
        expect(v.staleMs).toBeLessThanOrEqual(analysis.spanMs)
      }
      for (const change of analysis.series.flatMap((s) => s.changes)) {
        if (change.outcome === 'followed') expect(change.lagMs).toBeGreaterThan(0)
        else expect(change.lagMs).toBeUndefined()
      }
      // per-family times are each within the session; the stale time is their union, not their sum
      const resolver = analysis.viewpoints.find((v) => v.viewpoint === 'resolver')!
      const families = analysis.series.filter((s) => s.viewpoint === 'resolver')
      expect(resolver.staleMs).toBeGreaterThanOrEqual(Math.max(...families.map((s) => s.mismatchedMs)))
      expect(resolver.staleMs).toBeLessThan(families.reduce((n, s) => n + s.mismatchedMs, 0))
      expect(analysis.aliasTtl).toBe(60)
      expect(analysis.maxApexTtl).toBeLessThanOrEqual(6)
      expect(analysis.summary.join('\n')).toMatch(/reverted by the target before the apex followed; the apex was stale for their whole life/)
    } finally {
      await service.dispose()
    }
  })
})
