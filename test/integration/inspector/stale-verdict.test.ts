import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ResolverTarget } from '@shared/dns'
import type { WatchSample } from '@shared/inspector'
import type { AliasServer } from '../../../electron/alias-server'
import { inspect, ObservationStore, OBSERVATIONS_DB_FILE, WatchService, WatchStore } from '../../../electron/inspector'
import { freePort } from '../../../scripts/peers/ports'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'
import { startSimulatedAlias } from '../../support/simulated-alias'

const TARGET = 'cdn.example.test.'
const TARGET_TTL = 20
const ALIAS_TTL = 60

describe('the verdict while the target changes (the lab: our ALIAS server and its simulated target)', () => {
  let server: AliasServer
  let dir: TempDir
  let store: ObservationStore
  let direct: ResolverTarget

  beforeAll(async () => {
    server = await startSimulatedAlias(TARGET, { a: ['192.0.2.10'], aaaa: ['2001:db8::10'], ttl: TARGET_TTL }, ALIAS_TTL)
    direct = { transport: 'udp', host: '127.0.0.1', port: server.port, label: 'lab' }
    dir = await tempDir('alias-inspector-observations-')
    store = new ObservationStore(`${dir.path}/${OBSERVATIONS_DB_FILE}`)
  })

  afterAll(async () => {
    store?.close()
    await server?.stop()
    await dir?.cleanup()
  })

  it('says likely, then stale (never not-aliased) after the target changes, citing the ALIAS record and the earlier set', async () => {
    const request = { apex: 'alias.test', target: TARGET, resolvers: [direct], authoritativePort: server.port }
    const first = await inspect(request, { observations: store })
    expect(first.verdict.verdict).toBe('likely')
    expect(first.verdict.aliasRecord).toMatchObject({ owner: 'alias.test.', target: TARGET, ttl: ALIAS_TTL, server: `127.0.0.1:${server.port}` })

    server.simulatedTarget.set({ a: ['192.0.2.20'] })
    // the server's copy of the target lives for 20 s: the apex still serves 192.0.2.10, the target already 192.0.2.20
    const second = await inspect(request, { observations: store })
    expect(second.resolvers[0]!.comparison!.a.relation).toBe('disjoint')
    expect(second.verdict.verdict).toBe('stale')
    const [window] = second.verdict.stale!
    expect(window).toMatchObject({ family: 'A', values: ['192.0.2.10'] })
    expect(window!.lastSeenAtWallMs).toBeGreaterThanOrEqual(first.startedAtWallMs)
    // target TTL 20 s + apex TTL min(ALIAS TTL 60 s, 20 s) after the first sight of the new set
    expect(window!.followByWallMs - window!.sinceWallMs).toBe(40_000)
    expect(window!.sinceWallMs).toBeGreaterThanOrEqual(second.startedAtWallMs)
    const texts = second.verdict.evidence.map((e) => e.text)
    expect(texts[0]).toBe(`ALIAS/ANAME record at alias.test → cdn.example.test, TTL ${ALIAS_TTL} s, served by 127.0.0.1:${server.port} (the apex zone's own server)`)
    expect(texts).toContainEqual(expect.stringMatching(/^apex A set 192\.0\.2\.10 equals cdn\.example\.test's earlier set \(seen .* UTC, TTL 20 s\): the apex still serves it; stale since/))
  })

  it('cites an ALIAS record a resolver passed on when the zone\'s own servers are not asked', async () => {
    const result = await inspect({ apex: 'alias.test', target: TARGET, resolvers: [direct], skipAuthoritative: true })
    expect(result.verdict.aliasRecord).toMatchObject({ owner: 'alias.test.', target: TARGET, ttl: ALIAS_TTL, server: 'resolver lab' })
    expect(result.verdict.evidence[0]!.text).toBe(`ALIAS/ANAME record at alias.test → cdn.example.test, TTL ${ALIAS_TTL} s, served by resolver lab`)
  })

  it('is an error, not inconclusive, when no resolver answered at all', async () => {
    const silent: ResolverTarget = { transport: 'udp', host: '127.0.0.1', port: await freePort() }
    await expect(inspect({ apex: 'alias.test', target: TARGET, resolvers: [silent], skipAuthoritative: true, timeoutMs: 200 })).rejects.toMatchObject({
      code: 'unreachable',
      message: expect.stringMatching(/^no resolver answered for alias\.test\./)
    })
  })

  it("reads the ALIAS TTL from the apex zone's own server for the watch's bound, apart from the largest apex TTL seen", async () => {
    const samples: WatchSample[] = []
    const service = new WatchService({ store: new WatchStore(':memory:'), onSample: (s) => samples.push(s) })
    try {
      // found, not given: the apex's NS on the lab's port, and the simulated target (no NS of its own) at the
      // server that answers for it with authority, the apex's
      const session = service.start({ apex: 'alias.test', target: TARGET, resolvers: [direct], mode: 'interval', intervalSeconds: 1, authoritativePort: server.port })
      const deadline = Date.now() + 10_000
      while (samples.filter((s) => s.viewpoint === 'authoritative').length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      service.stop(session.id)
      const { analysis, session: stored } = service.get(session.id, 'min')
      expect(stored.authoritative).toEqual({ apexServers: [`127.0.0.1:${server.port}`], targetServers: [`127.0.0.1:${server.port}`] })
      expect(stored.aliasRecord).toMatchObject({ ttl: ALIAS_TTL, target: TARGET })
      expect(analysis.aliasTtl).toBe(ALIAS_TTL)
      expect(analysis.maxApexTtl).toBeLessThanOrEqual(TARGET_TTL)
      expect(analysis.bound).toMatchObject({ apexTtl: ALIAS_TTL, apexTtlSource: 'alias-record', targetTtl: TARGET_TTL, servedApexTtl: TARGET_TTL })
      expect(analysis.summary.join('\n')).toMatch(new RegExp(`ALIAS TTL ${ALIAS_TTL} s \\(the record in the zone\\); largest apex TTL seen \\d+ s`))
    } finally {
      await service.dispose()
    }
  })
})
