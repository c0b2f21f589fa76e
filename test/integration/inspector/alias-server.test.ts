import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ResolverTarget } from '@shared/dns'
import type { WatchSample } from '@shared/inspector'
import type { AliasServer } from '../../../electron/alias-server'
import { inspect, WatchService, WatchStore } from '../../../electron/inspector'
import { startUnbound, type UnboundServer } from '../../../scripts/peers/unbound'
import { startSimulatedAlias } from '../../support/simulated-alias'
import { stopAll } from '../../support/stop-all'

const TARGET = 'cdn.example.test.'
const TARGET_TTL = 3

describe("the project's ALIAS server, inspected and watched", () => {
  let server: AliasServer
  let unbound: UnboundServer
  let direct: ResolverTarget
  let viaUnbound: ResolverTarget

  beforeAll(async () => {
    server = await startSimulatedAlias(TARGET, { a: ['192.0.2.10', '192.0.2.11'], aaaa: ['2001:db8::10'], ttl: TARGET_TTL })
    unbound = await startUnbound({
      stubs: [
        { zone: 'alias.test.', port: server.port },
        { zone: TARGET, port: server.port }
      ]
    })
    // the server is authoritative for the apex and for its simulated target: asked directly, no cache in between
    direct = { transport: 'udp', host: '127.0.0.1', port: server.port, label: 'alias-server' }
    viaUnbound = { transport: 'udp', host: '127.0.0.1', port: unbound.port, label: 'unbound' }
  })

  afterAll(() => stopAll(unbound, server))

  it('finds the apex likely aliased, on the server itself and through Unbound', async () => {
    const result = await inspect({ apex: 'alias.test', resolvers: [direct, viaUnbound], authoritativePort: server.port })
    expect(result.target).toBe(TARGET)
    expect(result.targetSource).toBe('suggested')
    // the server answers a question for type ALIAS with the record itself, which names the target outright
    expect(result.suggestions[0]).toMatchObject({ name: TARGET, source: 'alias-record' })
    expect(result.resolvers.map((r) => r.comparison?.a.relation)).toEqual(['equal', 'equal'])
    expect(result.verdict.verdict).toBe('likely')
    expect(result.verdict.evidence.map((e) => e.text)).toContain("apex A set equals cdn.example.test's on 2 of 2 resolvers")
    // 'min' policy: the apex TTL is at most the target's
    expect(result.authoritative?.ttls.A).toBeLessThanOrEqual(TARGET_TTL)
    expect(result.resolvers[0]!.comparison!.a.ttlRelation).toBe('at-or-below')
  })

  it('measures how long the apex lags a change of the simulated target, to within a second', async () => {
    const samples: WatchSample[] = []
    const service = new WatchService({ store: new WatchStore(':memory:'), onSample: (s) => samples.push(s) })
    try {
      const session = service.start({ apex: 'alias.test', target: TARGET, resolvers: [direct], mode: 'interval', intervalSeconds: 1, authoritative: false })
      await new Promise((r) => setTimeout(r, 2300))
      let changedAtWallMs = 0
      const off = server.simulatedTarget.onChange((change) => (changedAtWallMs = change.time))
      server.simulatedTarget.set({ a: ['192.0.2.20'] })
      off()
      const deadline = Date.now() + 15_000
      const isFollowed = (s: WatchSample) => s.side === 'apex' && s.family === 'A' && s.values.join() === '192.0.2.20'
      while (!samples.some(isFollowed) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      await new Promise((r) => setTimeout(r, 1200))
      service.stop(session.id)

      const followed = samples.find(isFollowed)
      expect(followed, 'the apex never showed the new address').toBeDefined()
      const { analysis } = service.get(session.id, 'min')
      const change = analysis.series.find((s) => s.family === 'A')!.changes[0]!
      expect(change).toMatchObject({ to: ['192.0.2.20'], outcome: 'followed' })
      const trueLagMs = followed!.receivedAtWallMs - changedAtWallMs
      expect(Math.abs(change.lagMs! - trueLagMs), `measured ${change.lagMs} ms, true ${trueLagMs} ms`).toBeLessThanOrEqual(1000)
      // the server refreshes its copy of the target within the target's TTL
      expect(trueLagMs).toBeLessThanOrEqual(TARGET_TTL * 1000 + 1000)
      expect(analysis.bound).toMatchObject({ policy: 'min', targetTtl: TARGET_TTL, seconds: 2 * TARGET_TTL })
      expect(analysis.withinBound).toBe(true)
    } finally {
      await service.dispose()
    }
  })
})
