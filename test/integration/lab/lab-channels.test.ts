/**
 * The lab channels through createServices(...).dispatch, in a temporary data folder, checked with a
 * real `dig` against the embedded server on 127.0.0.1.
 */
import { execFile } from 'node:child_process'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventName } from '@shared/channels'
import type { LabStatus, LabZone } from '@shared/lab'
import type { LabLogPage } from '@shared/lab-log'
import type { ResolverList } from '@shared/resolvers'
import type { Services } from '../../../electron/services'
import { requireTool } from '../../../scripts/peers/require-tool'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'
import { browserServices, value } from '../../support/services'

const run = promisify(execFile)
const dig = requireTool('dig', 'bind9-dnsutils')

async function digShort(port: number, name: string, type = 'A'): Promise<string[]> {
  const { stdout } = await run(dig, ['@127.0.0.1', '-p', String(port), name, type, '+short', '+tries=1', '+time=2'], { timeout: 10_000 })
  return stdout.split('\n').map((l) => l.trim()).filter(Boolean).sort()
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function make(dataDir: string): { services: Services; seen: Array<{ event: EventName; payload: unknown; at: number }> } {
  const services = browserServices(dataDir)
  const seen: Array<{ event: EventName; payload: unknown; at: number }> = []
  services.events.subscribe((event, payload) => seen.push({ event, payload, at: Date.now() }))
  return { services, seen }
}

describe('lab channels', () => {
  let dir: TempDir
  let services: Services
  let seen: Array<{ event: EventName; payload: unknown; at: number }>
  const all: Services[] = []

  beforeAll(async () => {
    dir = await tempDir('alias-inspector-lab-')
    ;({ services, seen } = make(dir.path))
    all.push(services)
  })

  afterAll(async () => {
    for (const s of all) await s.dispose()
    await dir?.cleanup()
  })

  it('offers the demo zone on first launch, unsaved', async () => {
    const zone = value<LabZone>(await services.dispatch('lab:getZone', undefined))
    expect(zone.demo).toBe(true)
    expect(zone.origin).toBe('example.test.')
    expect(zone.errors).toEqual([])
    expect(zone.text).toMatch(/^@\s+60\s+IN ALIAS\s+cdn\.example\.test\./m)
    const status = value<LabStatus>(await services.dispatch('lab:status', undefined))
    expect(status).toMatchObject({ running: false, port: null, upstreamMode: 'simulated', zone: { origin: 'example.test.', demo: true } })
    await expect(stat(join(dir.path, 'zones'))).rejects.toThrow()
  })

  it('refuses an upstream mode without its resolver, and unknown input', async () => {
    const missing = await services.dispatch('lab:start', { upstreamMode: 'recursive' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    const invalid = await services.dispatch('lab:start', { upstreamMode: 'carrier-pigeon' })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(value<LabStatus>(await services.dispatch('lab:status', undefined)).running).toBe(false)
  })

  it('starts the server: dig gets the simulated target at the demo apex', async () => {
    // a short target TTL first (saved, used at start), so that later changes show quickly
    value(await services.dispatch('lab:setTarget', { a: ['198.51.100.1', '198.51.100.2'], aaaa: ['2001:db8::1'], ttl: 1 }))
    const status = value<LabStatus>(await services.dispatch('lab:start', { upstreamMode: 'simulated', port: 0 }))
    expect(status.running).toBe(true)
    expect(status.host).toBe('127.0.0.1')
    expect(status.port).toBeGreaterThan(0)
    expect(status.target).toMatchObject({ name: 'cdn.example.test.', a: ['198.51.100.1', '198.51.100.2'], ttl: 1 })
    expect(await digShort(status.port!, 'example.test')).toEqual(['198.51.100.1', '198.51.100.2'])
    expect(await digShort(status.port!, 'example.test', 'AAAA')).toEqual(['2001:db8::1'])
    expect(await digShort(status.port!, 'static.example.test')).toEqual(['192.0.2.80'])
  })

  it('lists the running server among the resolvers', async () => {
    const port = value<LabStatus>(await services.dispatch('lab:status', undefined)).port
    const list = value<ResolverList>(await services.dispatch('resolvers:list', undefined))
    const local = list.resolvers.filter((r) => r.group === 'local')
    expect(local.length).toBeGreaterThan(0)
    for (const entry of local) expect(entry).toMatchObject({ available: true, target: { host: '127.0.0.1', port } })
  })

  it('stores the query log and says so with lab:logged (no per-query broadcast); counters once a second', async () => {
    const port = value<LabStatus>(await services.dispatch('lab:status', undefined)).port!
    await sleep(300) // let earlier queries' log writes pass
    const from = seen.length
    const since = Date.now()
    for (let i = 0; i < 5; i++) await digShort(port, 'static.example.test')
    await sleep(1300)
    const events = seen.slice(from)
    expect(events.map((e) => e.event)).not.toContain('lab:query')
    expect(events.some((e) => e.event === 'lab:logged')).toBe(true)
    const page = value<LabLogPage>(await services.dispatch('lab:log', { filter: { name: 'static.example.test.' }, offset: 0, limit: 50 }))
    const ours = page.rows.filter((q) => q.time >= since && q.type === 'A')
    expect(ours).toHaveLength(5)
    expect(ours.every((q) => q.rcode === 'NOERROR' && q.transport === 'udp')).toBe(true)
    const counters = events.filter((e) => e.event === 'lab:counters').map((e) => e.payload as { queries: number })
    expect(counters.length).toBeGreaterThanOrEqual(1)
    expect(counters.at(-1)!.queries).toBeGreaterThanOrEqual(5)
  })

  it('refuses a zone with a CNAME at the apex, with its line and column, and saves nothing', async () => {
    const text = [
      '$ORIGIN example.test.',
      '$TTL 300',
      '@ 3600 IN SOA ns1 hostmaster 2 3600 600 86400 60',
      '@ 3600 IN NS ns1',
      'example.test. 60 IN CNAME cdn.example.test.',
      'ns1 IN A 127.0.0.1',
      ''
    ].join('\n')
    const result = await services.dispatch('lab:saveZone', { text })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('bad-input')
    expect(result.error.message).toMatch(/line 5, column 1: a CNAME cannot be at the zone apex/)
    await expect(stat(join(dir.path, 'zones', 'example.test.zone'))).rejects.toThrow()
    expect(value<LabZone>(await services.dispatch('lab:getZone', undefined)).demo).toBe(true)
  })

  it('saves a valid zone atomically and the running server serves it at once', async () => {
    const zone = value<LabZone>(await services.dispatch('lab:getZone', undefined))
    const text = `${zone.text.replace(/hostmaster\.example\.test\. 1 /, 'hostmaster.example.test. 2 ')}added  300 IN A 192.0.2.99\n`
    const saved = value<{ origin: string; path: string; reloaded: boolean }>(await services.dispatch('lab:saveZone', { text }))
    expect(saved).toMatchObject({ origin: 'example.test.', reloaded: true, path: join(dir.path, 'zones', 'example.test.zone') })
    expect(await readFile(saved.path, 'utf8')).toBe(text)
    const port = value<LabStatus>(await services.dispatch('lab:status', undefined)).port!
    expect(await digShort(port, 'added.example.test')).toEqual(['192.0.2.99'])
    const after = value<LabZone>(await services.dispatch('lab:getZone', undefined))
    expect(after).toMatchObject({ demo: false, text, errors: [] })
  })

  it('setTarget changes what dig sees once the old TTL has run out, and emits lab:target', async () => {
    const port = value<LabStatus>(await services.dispatch('lab:status', undefined)).port!
    expect(await digShort(port, 'example.test')).toEqual(['198.51.100.1', '198.51.100.2'])
    const from = seen.length
    const before = Date.now()
    const state = value<{ a: string[]; version: number }>(await services.dispatch('lab:setTarget', { a: ['203.0.113.5'], aaaa: [], ttl: 1 }))
    expect(state.a).toEqual(['203.0.113.5'])
    let answer: string[] = []
    const deadline = Date.now() + 5000
    while (Date.now() < deadline) {
      answer = await digShort(port, 'example.test')
      if (answer.join() === '203.0.113.5') break
      await sleep(200)
    }
    expect(answer).toEqual(['203.0.113.5'])
    const target = seen.slice(from).find((e) => e.event === 'lab:target')?.payload as { time: number; a: string[]; name: string; reason: string }
    expect(target).toMatchObject({ a: ['203.0.113.5'], name: 'cdn.example.test.', reason: 'set' })
    expect(target.time).toBeGreaterThanOrEqual(before)
  })

  it('rotates the target on a schedule and stops rotating', async () => {
    const rotating = value<{ rotation: unknown }>(
      await services.dispatch('lab:rotateTarget', { everySeconds: 0.2, sets: [{ a: ['192.0.2.1'] }, { a: ['192.0.2.2'] }] })
    )
    expect(rotating.rotation).not.toBeNull()
    const from = seen.length
    await sleep(700)
    const rotations = seen.slice(from).filter((e) => e.event === 'lab:target' && (e.payload as { reason: string }).reason === 'rotate')
    expect(rotations.length).toBeGreaterThanOrEqual(2)
    const stopped = value<{ rotation: unknown }>(await services.dispatch('lab:rotateTarget', { stop: true }))
    expect(stopped.rotation).toBeNull()
  })

  it('updates settings on the running server and saves them in lab.json', async () => {
    const settings = value<{ ttlPolicy: string; staleTtl: number }>(await services.dispatch('lab:updateSettings', { ttlPolicy: 'fixed', staleTtl: 7 }))
    expect(settings).toMatchObject({ ttlPolicy: 'fixed', staleTtl: 7 })
    const status = value<LabStatus>(await services.dispatch('lab:status', undefined))
    expect(status.settings).toMatchObject({ ttlPolicy: 'fixed', staleTtl: 7 })
    const file = JSON.parse(await readFile(join(dir.path, 'lab.json'), 'utf8')) as { settings: Record<string, unknown> }
    expect(file.settings).toMatchObject({ ttlPolicy: 'fixed', staleTtl: 7 })
    const bad = await services.dispatch('lab:updateSettings', { staleTtl: 0 })
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('stops: the port goes quiet and the resolver list marks the server unavailable', async () => {
    const port = value<LabStatus>(await services.dispatch('lab:status', undefined)).port!
    const status = value<LabStatus>(await services.dispatch('lab:stop', undefined))
    expect(status).toMatchObject({ running: false, port: null, counters: null })
    await expect(digShort(port, 'example.test')).rejects.toThrow()
    const list = value<ResolverList>(await services.dispatch('resolvers:list', undefined))
    expect(list.resolvers.filter((r) => r.group === 'local').every((r) => !r.available)).toBe(true)
    const afterStop = seen.length
    await sleep(1200)
    expect(seen.slice(afterStop).filter((e) => e.event === 'lab:counters')).toEqual([])
  })

  it('keeps settings, target and zone across a new createServices on the same folder', async () => {
    await services.dispose()
    const next = make(dir.path)
    all.push(next.services)
    const status = value<LabStatus>(await next.services.dispatch('lab:status', undefined))
    expect(status).toMatchObject({ running: false, settings: { ttlPolicy: 'fixed', staleTtl: 7 }, zone: { origin: 'example.test.', demo: false } })
    const started = value<LabStatus>(await next.services.dispatch('lab:start', { upstreamMode: 'simulated' }))
    expect(started.settings).toMatchObject({ ttlPolicy: 'fixed', staleTtl: 7 })
    // the set the rotation served when it was stopped is the one served again
    expect(started.target).toMatchObject({ ttl: 1 })
    expect([['192.0.2.1'], ['192.0.2.2']]).toContainEqual(started.target!.a)
    expect(await digShort(started.port!, 'added.example.test')).toEqual(['192.0.2.99'])
    expect(await digShort(started.port!, 'example.test')).toEqual(started.target!.a)
    await next.services.dispose()
    expect(value<LabStatus>(await next.services.dispatch('lab:status', undefined)).running).toBe(false)
  })
})
