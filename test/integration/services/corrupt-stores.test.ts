import { openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WatchSession } from '@shared/inspector'
import { WATCH_DB_FILE, WatchStore } from '../../../electron/inspector'
import { createServices, type Services } from '../../../electron/services'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'
import { sample } from '../../support/watch-sample'

/** Each store, damaged on disk: the app says where the file went, keeps what still reads, and works on. */

let dir: TempDir
let services: Services | undefined
let notices: string[]

function start(): Services {
  services = createServices({ appName: 'test', appVersion: '0', host: 'browser', dataDir: dir.path })
  services.events.subscribe((event, payload) => {
    if (event === 'app:notice') notices.push((payload as { message: string }).message)
  })
  return services
}

async function call<T>(channel: string, payload: unknown = undefined): Promise<T> {
  const r = await services!.dispatch(channel, payload)
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
  return r.value as T
}

const moved = (prefix: string): string[] => readdirSync(dir.path).filter((f) => f.startsWith(`${prefix}.corrupt-`))

beforeEach(async () => {
  dir = await tempDir('alias-inspector-corrupt-')
  notices = []
})
afterEach(async () => {
  await services?.dispose()
  services = undefined
  await dir.cleanup()
})

const resolver = (id: string, last: number) => ({
  id,
  label: id,
  input: `127.0.0.${last}`,
  target: { transport: 'udp', host: `127.0.0.${last}`, port: 53 },
  addedAt: '2026-01-01T00:00:00.000Z'
})

describe('damaged stores', () => {
  it('resolvers.json cut in half: the complete entries are kept, the file is moved aside and named', async () => {
    const whole = JSON.stringify({ version: 1, resolvers: [resolver('one', 11), resolver('two', 12), resolver('three', 13)] }, null, 2)
    writeFileSync(join(dir.path, 'resolvers.json'), whole.slice(0, Math.floor(whole.length * 0.8)))
    start()
    const list = await call<{ resolvers: { id: string }[]; warnings: string[] }>('resolvers:list')
    expect(list.resolvers.map((r) => r.id)).toEqual(expect.arrayContaining(['one', 'two']))
    const [file] = moved('resolvers.json')
    expect(file).toBeDefined()
    expect(notices.join('\n')).toContain(file!)
    expect(notices.join('\n')).toMatch(/2 saved resolvers were recovered/)
    // The feature works, and the recovered list is on disk.
    await call('resolvers:save', { input: '127.0.0.99', label: 'new' })
    const saved = JSON.parse(readFileSync(join(dir.path, 'resolvers.json'), 'utf8')) as { resolvers: { input: string }[] }
    expect(saved.resolvers.map((r) => r.input)).toEqual(['127.0.0.11', '127.0.0.12', '127.0.0.99'])
  })

  it('resolvers.json with one record of the wrong shape: every other record is kept', async () => {
    const bad = { ...resolver('bad', 14), target: { transport: 'carrier-pigeon' } }
    writeFileSync(join(dir.path, 'resolvers.json'), JSON.stringify({ version: 1, resolvers: [resolver('one', 11), bad, resolver('three', 13)] }))
    start()
    const list = await call<{ resolvers: { id: string }[] }>('resolvers:list')
    expect(list.resolvers.filter((r) => ['one', 'bad', 'three'].includes(r.id)).map((r) => r.id)).toEqual(['one', 'three'])
    expect(notices.join('\n')).toMatch(/\(1 could not be\)/)
  })

  it('preferences.json cut short: recent domains that parse are kept, with a notice', async () => {
    const body = JSON.stringify({ version: 1, teaching: false, recent: [{ apex: 'a.test', at: '2026-01-01T00:00:00.000Z' }, { apex: 'b.test', at: '2026-01-01T00:00:00.000Z' }] })
    writeFileSync(join(dir.path, 'preferences.json'), body.slice(0, body.lastIndexOf('{') + 8))
    start()
    const recent = await call<{ domains: { apex: string }[]; warnings: string[] }>('prefs:recent')
    expect(recent.domains.map((d) => d.apex)).toEqual(['a.test'])
    const [file] = moved('preferences.json')
    expect(notices.join('\n')).toContain(file!)
    await call('prefs:addRecent', { apex: 'c.test' })
    expect((await call<{ domains: { apex: string }[] }>('prefs:recent')).domains.map((d) => d.apex)).toEqual(['c.test', 'a.test'])
  })

  it('lab.json with a damaged field: the fields that still validate are kept, with a notice', async () => {
    writeFileSync(join(dir.path, 'lab.json'), JSON.stringify({ version: 1, port: 'not a port', upstreamMode: 'simulated', settings: { staleTtl: 77 } }))
    start()
    const status = await call<{ settings: { staleTtl: number } }>('lab:status')
    expect(status.settings.staleTtl).toBe(77)
    const [file] = moved('lab.json')
    expect(notices.join('\n')).toContain(file!)
    const settings = await call<{ staleTtl: number }>('lab:updateSettings', { staleTtl: 78 })
    expect(settings.staleTtl).toBe(78)
  })

  it('watch.sqlite that is not a database at all: moved aside, a fresh store, a notice naming the file', async () => {
    writeFileSync(join(dir.path, WATCH_DB_FILE), Buffer.alloc(8192, 0x5a))
    start()
    expect(await call<WatchSession[]>('watch:list')).toEqual([])
    const [file] = moved(WATCH_DB_FILE)
    expect(file).toMatch(/^watch\.sqlite\.corrupt-\d{4}-\d\d-\d\dT/)
    expect(notices).toHaveLength(1)
    expect(notices[0]).toContain(file!)
    const session = await call<WatchSession>('watch:start', {
      apex: 'example.test',
      target: 'cdn.example.test',
      resolvers: [{ transport: 'udp', host: '127.0.0.1', port: 9 }],
      mode: 'interval',
      intervalSeconds: 60,
      timeoutMs: 100
    })
    await call('watch:stop', { id: session.id })
    expect((await call<WatchSession[]>('watch:list')).map((s) => s.id)).toEqual([session.id])
  })

  it('watch.sqlite with a damaged page: quick_check catches it and the readable sessions are carried over', async () => {
    const path = join(dir.path, WATCH_DB_FILE)
    const store = new WatchStore(path)
    for (const id of ['kept-1', 'kept-2']) {
      store.createSession({ id, apex: 'example.test.', target: 'cdn.example.test.', resolvers: [{ transport: 'udp', host: '127.0.0.1', port: 53 }], labels: ['x'], mode: 'interval', intervalSeconds: 1, state: 'stopped', startedAtWallMs: 1 })
    }
    const aliasRecord = { owner: 'example.test.', target: 'cdn.example.test.', ttl: 300, server: '127.0.0.9:53', seenAtWallMs: 5 }
    store.setAuthoritative('kept-1', { apexServers: ['127.0.0.9:53'], targetServers: ['127.0.0.8:53'] }, aliasRecord)
    const authoritative = { viewpoint: 'authoritative', server: '127.0.0.9:53' } as const
    for (let seq = 0; seq < 3000; seq++) store.addSample(sample(seq, seq * 1000, 'apex', ['192.0.2.1', '192.0.2.2'], 60, seq % 2 ? { sessionId: 'kept-1', ...authoritative } : { sessionId: 'kept-2' }))
    store.close()
    // Overwrite a page near the end (sample data, away from the schema and the sessions table).
    const size = statSync(path).size
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, size - 3 * 4096)
    closeSync(fd)
    start()
    const list = await call<WatchSession[]>('watch:list')
    expect(list.map((s) => s.id).sort()).toEqual(['kept-1', 'kept-2'])
    const total = list.reduce((n, s) => n + s.sampleCount, 0)
    expect(total).toBeGreaterThan(0)
    expect(total).toBeLessThan(3000)
    const [file] = moved(WATCH_DB_FILE)
    expect(notices[0]).toContain(file!)
    expect(notices[0]).toMatch(/2 watch sessions with \d+ samples could be carried over/)
    // every column is carried over, the later versions' too: the authoritative viewpoint stays authoritative
    const kept = (await call<{ session: WatchSession; samples: { viewpoint: string; server?: string }[] }>('watch:get', { id: 'kept-1' }))
    expect(kept.session.authoritative?.apexServers).toEqual(['127.0.0.9:53'])
    expect(kept.session.aliasRecord).toEqual(aliasRecord)
    expect(kept.samples.length).toBeGreaterThan(0)
    expect(kept.samples.every((s) => s.viewpoint === 'authoritative' && s.server === '127.0.0.9:53')).toBe(true)
  })
})
