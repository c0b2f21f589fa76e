/**
 * What the lab keeps across a restart (createServices on the same data folder): the stored query log, the
 * target sets, the serving set, the rotation, the TTL, the upstream mode and TTL policy, and a server that
 * ran runs again. Also the target-set edits served at once and "Flush ALIAS cache". Loopback only.
 */
import { createSocket } from 'node:dgram'
import { beforeAll, describe, expect, it } from 'vitest'
import type { LabStatus } from '@shared/lab'
import type { LabFlushResult, LabLogPage } from '@shared/lab-log'
import type { SimulatedTargetState } from '@shared/alias-server'
import type { Services } from '../../../electron/services'
import { probeUdp } from '../../../scripts/peers/probe'
import { servicesForSuite, value } from '../../support/services'

const addresses = async (port: number, name: string, type: 'A' | 'AAAA' = 'A'): Promise<string[]> => {
  const answer = await probeUdp(port, name, type, 2000)
  return (answer.answers ?? []).filter((a) => a.type === type).map((a) => String((a as { data?: unknown }).data)).sort()
}
const ttlOf = async (port: number, name: string): Promise<number | undefined> =>
  ((await probeUdp(port, name, 'A', 2000)).answers?.[0] as { ttl?: number } | undefined)?.ttl

describe('the lab across a restart', () => {
  const data = servicesForSuite('alias-inspector-lab-restart-')
  let services: Services
  const status = async () => value<LabStatus>(await services.dispatch('lab:status', undefined))

  beforeAll(() => {
    services = data.open()
  })

  it('serves a TTL edit and an edit of the serving set at once', async () => {
    const started = value<LabStatus>(await services.dispatch('lab:start', { upstreamMode: 'simulated', settings: { ttlPolicy: 'passthrough' } }))
    const port = started.port!
    const sets = [{ a: ['192.0.2.1'], aaaa: [] }, { a: ['192.0.2.2'], aaaa: ['2001:db8::2'] }]
    const served = value<SimulatedTargetState>(await services.dispatch('lab:saveSets', { sets, serving: 1, ttl: 40 }))
    expect(served).toMatchObject({ a: ['192.0.2.2'], aaaa: ['2001:db8::2'], ttl: 40 })
    expect(await addresses(port, 'cdn.example.test')).toEqual(['192.0.2.2'])
    expect(await ttlOf(port, 'cdn.example.test')).toBe(40)
    // the TTL alone
    value(await services.dispatch('lab:saveSets', { sets, serving: 1, ttl: 25 }))
    expect(await ttlOf(port, 'cdn.example.test')).toBe(25)
    // the serving set edited: served at once, still the serving set
    const edited = [sets[0]!, { a: ['192.0.2.22', '192.0.2.23'], aaaa: [] }]
    const after = value<SimulatedTargetState>(await services.dispatch('lab:saveSets', { sets: edited, serving: 1, ttl: 25 }))
    expect(after.a).toEqual(['192.0.2.22', '192.0.2.23'])
    expect(await addresses(port, 'cdn.example.test')).toEqual(['192.0.2.22', '192.0.2.23'])
    expect(await status()).toMatchObject({ sets: edited, serving: 1 })
    // another set edited: nothing served changes
    const version = after.version
    const other = value<SimulatedTargetState>(await services.dispatch('lab:saveSets', { sets: [{ a: ['192.0.2.9'], aaaa: [] }, edited[1]!], serving: 1, ttl: 25 }))
    expect(other.version).toBe(version)
  })

  it('flushes the ALIAS cache: the apex follows the target at once instead of after its TTL', async () => {
    const port = (await status()).port!
    expect(await addresses(port, 'example.test')).toEqual(['192.0.2.22', '192.0.2.23'])
    const sets = [{ a: ['192.0.2.9'], aaaa: [] }, { a: ['192.0.2.22', '192.0.2.23'], aaaa: [] }]
    value(await services.dispatch('lab:saveSets', { sets, serving: 0, ttl: 25 }))
    // the server still holds the old target answer for its 25 s
    expect(await addresses(port, 'example.test')).toEqual(['192.0.2.22', '192.0.2.23'])
    const flushed = value<LabFlushResult>(await services.dispatch('lab:flushCache', undefined))
    expect(flushed.targets).toBeGreaterThanOrEqual(1)
    expect(await addresses(port, 'example.test')).toEqual(['192.0.2.9'])
    const rejected = await services.dispatch('lab:flushCache', { everything: true })
    expect(rejected).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('keeps the query log in the store: after a reload the log and the counters agree', async () => {
    const port = (await status()).port!
    for (let i = 0; i < 7; i++) await addresses(port, 'static.example.test')
    await expect
      .poll(async () => {
        const s = await status()
        const log = value<LabLogPage>(await services.dispatch('lab:log', { limit: 1 }))
        return log.stats.runLogged === s.counters!.queries && log.matched === s.counters!.queries
      })
      .toBe(true)
    const page = value<LabLogPage>(await services.dispatch('lab:log', { filter: { name: 'static.example.test', type: 'A' }, limit: 100, facets: true }))
    expect(page.matched).toBe(7)
    expect(page.facets?.types).toEqual(expect.arrayContaining(['A']))
    const csv = value<string>(await services.dispatch('lab:logExport', { format: 'csv', filter: { name: 'static.example.test' } }))
    expect(csv.trim().split('\r\n')).toHaveLength(8)
    expect(csv.split('\r\n')[0]).toMatch(/^id,time,iso_time,client,transport,name,type,rcode,answer,ttl,cache/)
    const json = JSON.parse(value<string>(await services.dispatch('lab:logExport', { format: 'json', filter: { name: 'static.example.test' } }))) as unknown[]
    expect(json).toHaveLength(7)
  })

  it('rotates, then after a restart runs again with everything as it was', async () => {
    const before = await status()
    value(await services.dispatch('lab:updateSettings', { ttlPolicy: 'fixed' }))
    value(await services.dispatch('lab:rotateTarget', { everySeconds: 30, sets: [{ a: ['192.0.2.9'], ttl: 25 }, { a: ['192.0.2.22', '192.0.2.23'], ttl: 25 }] }))
    const logged = value<LabLogPage>(await services.dispatch('lab:log', { limit: 1 })).matched
    await services.dispose()

    services = data.open()
    await expect.poll(async () => (await status()).running, { timeout: 10_000 }).toBe(true)
    const again = await status()
    expect(again).toMatchObject({ upstreamMode: 'simulated', sets: before.sets, serving: 0, settings: { ttlPolicy: 'fixed' } })
    expect(again.target?.rotation).toMatchObject({ everySeconds: 30, index: 0 })
    expect(again.target).toMatchObject({ a: ['192.0.2.9'], ttl: 25 })
    expect(await addresses(again.port!, 'example.test')).toEqual(['192.0.2.9'])
    // the earlier run's log is still there; the new run's counters and its part of the log agree
    await expect.poll(async () => value<LabLogPage>(await services.dispatch('lab:log', { limit: 1 })).matched).toBeGreaterThanOrEqual(logged + 1)
    await expect.poll(async () => value<LabLogPage>(await services.dispatch('lab:log', { limit: 1 })).stats.runLogged).toBe((await status()).counters!.queries)
  })

  it('says so, and stays stopped, when the server cannot run again on its port', async () => {
    const port = (await status()).port!
    value(await services.dispatch('lab:start', { upstreamMode: 'simulated', port }))
    await services.dispose()
    const blocker = createSocket('udp4')
    await new Promise<void>((resolve) => blocker.bind(port, '127.0.0.1', resolve))
    try {
      services = data.open()
      await expect.poll(async () => (await status()).warnings.join(' '), { timeout: 10_000 }).toMatch(/ran when the app last stopped, but could not start again: .*in use/)
      expect((await status()).running).toBe(false)
    } finally {
      blocker.close()
    }
    // once the port is free, starting by hand works again
    expect(value<LabStatus>(await services.dispatch('lab:start', { upstreamMode: 'simulated' })).port).toBe(port)
  })

  it('stays stopped after a restart once stopped by the user', async () => {
    value(await services.dispatch('lab:stop', undefined))
    await services.dispose()
    services = data.open()
    await new Promise((r) => setTimeout(r, 300))
    expect((await status()).running).toBe(false)
    // the log is readable while stopped
    expect(value<LabLogPage>(await services.dispatch('lab:log', { limit: 5 })).rows.length).toBe(5)
  })
})
