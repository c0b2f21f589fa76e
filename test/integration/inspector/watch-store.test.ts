import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventName } from '@shared/channels'
import type { WatchDetail, WatchSample, WatchSession } from '@shared/inspector'
import { openWatchService, SCHEMA_VERSION, WATCH_DB_FILE, WatchStore } from '../../../electron/inspector'
import { createServices } from '../../../electron/services'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'
import { sample as watchSample } from '../../support/watch-sample'
import { staticZone, targetZone } from '../../../scripts/peers/inspector-zones'

const resolvers = [{ transport: 'udp' as const, host: '127.0.0.1', port: 53, label: 'lab, "quoted"' }]

function sample(seq: number, side: WatchSample['side'], values: string[], elapsedMs: number): WatchSample {
  return watchSample(seq, elapsedMs, side, values, 60, {
    sessionId: 'session-1',
    receivedAtMonoMs: 10_000 + elapsedMs,
    chainEnd: side === 'apex' ? 'example.test.' : 'cdn.example.test.'
  })
}

function session(id: string, state: WatchSession['state']): Omit<WatchSession, 'sampleCount' | 'endedAtWallMs'> {
  return {
    id,
    apex: 'example.test.',
    target: 'cdn.example.test.',
    resolvers,
    labels: ['lab, "quoted"'],
    mode: 'interval',
    intervalSeconds: 1,
    state,
    startedAtWallMs: 1_700_000_000_000
  }
}

describe('watch store', () => {
  let dir: TempDir
  beforeAll(async () => {
    dir = await tempDir('alias-inspector-store-')
  })
  afterAll(async () => {
    await dir?.cleanup()
  })

  it('keeps a session and its timeline across closing and reopening (WAL, versioned schema)', () => {
    const path = join(dir.path, 'reopen', WATCH_DB_FILE)
    const first = new WatchStore(path)
    first.createSession(session('session-1', 'running'))
    first.addSample(sample(0, 'target', ['192.0.2.1'], 0))
    first.addSample({ ...sample(1, 'apex', [], 5), status: 'error', error: { code: 'timeout', message: 'no answer' }, ttl: undefined })
    first.setState('session-1', 'stopped', 1_700_000_009_000)
    expect(existsSync(`${path}-wal`)).toBe(true)
    first.close()

    const again = new WatchStore(path)
    expect(again.schemaVersion()).toBe(SCHEMA_VERSION)
    expect(again.listSessions()).toEqual([
      { ...session('session-1', 'stopped'), endedAtWallMs: 1_700_000_009_000, sampleCount: 2 }
    ])
    const samples = again.samples('session-1')
    expect(samples[0]).toEqual(sample(0, 'target', ['192.0.2.1'], 0))
    expect(samples[1]).toMatchObject({ status: 'error', error: { code: 'timeout', message: 'no answer' }, values: [] })
    expect(samples[1]!.ttl).toBeUndefined()
    expect(again.nextSeq('session-1')).toBe(2)
    expect(again.removeSession('session-1')).toBe(true)
    expect(again.samples('session-1')).toEqual([])
    again.close()
  })

  it('marks a session left running by a crash as interrupted when the app opens the store again', () => {
    const crashed = new WatchStore(join(dir.path, 'crash', WATCH_DB_FILE))
    crashed.createSession(session('cut-short', 'running'))
    crashed.addSample({ ...sample(0, 'apex', ['192.0.2.1'], 0), sessionId: 'cut-short' })
    crashed.close()

    const service = openWatchService(join(dir.path, 'crash'))
    const [listed] = service.list()
    expect(listed).toMatchObject({ id: 'cut-short', state: 'interrupted', sampleCount: 1 })
    expect(listed!.endedAtWallMs).toBeGreaterThan(0)
    expect(service.get('cut-short').samples).toHaveLength(1)
    return service.dispose()
  })

  it('refuses a store written by a newer version', () => {
    const path = join(dir.path, 'newer', WATCH_DB_FILE)
    new WatchStore(path).close()
    const store = new WatchStore(path)
    // bump the version behind the store's back, as a newer app would
    ;(store as unknown as { db: { pragma(s: string): void } }).db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    store.close()
    expect(() => new WatchStore(path)).toThrow(new RegExp(`schema version ${SCHEMA_VERSION + 1}, newer than this app's ${SCHEMA_VERSION}`))
  })

  it('exports a session as JSON and as CSV', () => {
    const store = new WatchStore(join(dir.path, 'export', WATCH_DB_FILE))
    store.createSession(session('session-1', 'running'))
    const timeline = [
      sample(0, 'target', ['192.0.2.1'], 0),
      sample(1, 'apex', ['192.0.2.1'], 1),
      sample(2, 'target', ['192.0.2.2', '192.0.2.3'], 1000),
      sample(3, 'apex', ['192.0.2.1'], 1001),
      sample(4, 'target', ['192.0.2.2', '192.0.2.3'], 2000),
      sample(5, 'apex', ['192.0.2.2', '192.0.2.3'], 2001)
    ]
    for (const s of timeline) store.addSample(s)
    store.setState('session-1', 'finished', 1_700_000_003_000)
    store.close()
    const service = openWatchService(join(dir.path, 'export'))

    const json = JSON.parse(service.export('session-1', 'json')) as WatchDetail & { format: string; version: number }
    expect(json.format).toBe('alias-inspector-watch')
    expect(json.version).toBe(1)
    expect(json.session).toMatchObject({ id: 'session-1', state: 'finished', sampleCount: 6 })
    expect(json.samples).toEqual(timeline)
    // the change dated to 500 (between 0 and 1000), the apex's move to 1501 (between 1001 and 2001)
    expect(json.analysis.maxLagMs).toBe(1001)
    expect(json.analysis.mismatchedSamples).toBe(1)

    const lines = service.export('session-1', 'csv').split('\r\n')
    expect(lines[0]).toBe('session_id,seq,resolver_index,resolver,side,family,elapsed_ms,received_at,status,rcode,ttl,values,chain_end,error,viewpoint,server')
    expect(lines[3]).toBe('session-1,2,0,"lab, ""quoted""",target,A,1000,2023-11-14T22:13:21.000Z,ok,,60,192.0.2.2 192.0.2.3,cdn.example.test.,,resolver,')
    expect(lines).toHaveLength(timeline.length + 2)
    expect(lines.at(-1)).toBe('')
    return service.dispose()
  })
})

describe('watch channels through createServices', () => {
  let knot: KnotServer
  let dir: TempDir
  beforeAll(async () => {
    knot = await startKnot({ zones: { 'target.test.': targetZone(), 'static.test.': staticZone() } })
    dir = await tempDir('alias-inspector-services-')
  })
  afterAll(async () => {
    await knot?.stop()
    await dir?.cleanup()
  })

  it('starts, streams, lists, analyses, exports and removes a watch; a restart keeps the sessions', async () => {
    const services = createServices({ appName: 'test', appVersion: '0', host: 'browser', dataDir: dir.path })
    const events: { event: EventName; payload: unknown }[] = []
    services.events.subscribe((event, payload) => events.push({ event, payload }))
    const resolver = { transport: 'udp', host: '127.0.0.1', port: knot.port }
    const started = await services.dispatch('watch:start', {
      apex: 'static.test',
      target: 'cdn.target.test',
      resolvers: [resolver],
      mode: 'interval',
      intervalSeconds: 1,
      durationSeconds: 2,
      // the NS names point at 127.0.0.1: on Knot's port they are the zones' own servers
      authoritativePort: knot.port
    })
    expect(started.ok).toBe(true)
    const id = (started as { value: WatchSession }).value.id
    const t0 = performance.now()
    while (!events.some((e) => e.event === 'watch:state' && (e.payload as { session: WatchSession }).session.state === 'finished')) {
      if (performance.now() - t0 > 10_000) throw new Error('the watch did not finish')
      await new Promise((r) => setTimeout(r, 50))
    }
    const sampleEvents = events.filter((e) => e.event === 'watch:sample').map((e) => e.payload as WatchSample)
    expect(sampleEvents.length).toBeGreaterThanOrEqual(8)
    expect(sampleEvents.find((s) => s.side === 'apex' && s.family === 'A')?.values).toEqual(['198.51.100.7'])
    expect(sampleEvents.filter((s) => s.viewpoint === 'resolver').length).toBeGreaterThanOrEqual(8)

    const got = await services.dispatch('watch:get', { id })
    expect(got.ok).toBe(true)
    const detail = (got as { value: WatchDetail }).value
    expect(detail.samples.map((s) => s.seq)).toEqual(sampleEvents.map((s) => s.seq).sort((a, b) => a - b))
    // unrelated sets: every apex sample after the first target sample of its family mismatches
    const apexSamples = detail.samples.filter((s) => s.side === 'apex' && s.viewpoint === 'resolver').length
    expect(detail.analysis.mismatchedSamples).toBeGreaterThanOrEqual(apexSamples - 2)
    expect(detail.analysis.changes).toBe(0)
    // the authoritative viewpoint was found through SOA, NS and address, and sampled beside the resolver
    expect(detail.session.authoritative).toEqual({ apexServers: [`127.0.0.1:${knot.port}`], targetServers: [`127.0.0.1:${knot.port}`] })
    expect(detail.analysis.viewpoints.map((v) => v.viewpoint)).toEqual(['authoritative', 'resolver'])
    expect(detail.samples.some((s) => s.viewpoint === 'authoritative' && s.side === 'target' && s.status === 'ok')).toBe(true)
    expect(detail.analysis.series.find((s) => s.family === 'A')?.mismatchIntervals).toEqual([
      expect.objectContaining({ open: true })
    ])
    const csv = await services.dispatch('watch:export', { id, format: 'csv' })
    expect((csv as { value: string }).value.split('\r\n')).toHaveLength(detail.samples.length + 2)
    expect(await services.dispatch('watch:export', { id, format: 'xml' })).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await services.dispatch('watch:get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } })

    // one running when the app closes: it ends as interrupted, and both stay listed after a restart
    const running = await services.dispatch('watch:start', { apex: 'static.test', target: 'cdn.target.test', resolvers: [resolver], mode: 'expiry' })
    const runningId = (running as { value: WatchSession }).value.id
    await services.dispose()
    const restarted = createServices({ appName: 'test', appVersion: '0', host: 'browser', dataDir: dir.path })
    const list = (await restarted.dispatch('watch:list', undefined)) as { value: WatchSession[] }
    expect(list.value.map((s) => [s.id, s.state]).sort()).toEqual([[id, 'finished'], [runningId, 'interrupted']].sort())
    expect(await restarted.dispatch('watch:remove', { id })).toEqual({ ok: true, value: { id } })
    expect(await restarted.dispatch('watch:stop', { id })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    await restarted.dispose()
  })
})
