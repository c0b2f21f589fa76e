/**
 * The lab's geo CDN (lab:setGeo), its HTTPS AliasMode option (lab:setHttpsAlias), and what lab.json keeps of
 * them and of the DNSSEC/AXFR choice across a restart, older files included. Checked with a real `dig` on 127.0.0.1.
 */
import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import type { GeoFile } from '@shared/geo'
import { exampleGeo } from '@shared/geo-example'
import type { LabStatus } from '@shared/lab'
import type { Services } from '../../../electron/services'
import { requireTool } from '../../../scripts/peers/require-tool'
import { tempDir } from '../../../scripts/peers/temp-dir'
import { browserServices, servicesForSuite, value } from '../../support/services'

const run = promisify(execFile)
const dig = requireTool('dig', 'bind9-dnsutils')

async function digShort(port: number, name: string, type = 'A', ...extra: string[]): Promise<string[]> {
  const { stdout } = await run(dig, ['@127.0.0.1', '-p', String(port), name, type, '+short', '+tries=1', '+time=2', ...extra], { timeout: 10_000 })
  return stdout.split('\n').map((l) => l.trim()).filter(Boolean).sort()
}

const GEO: GeoFile = exampleGeo()

describe('the lab: geo regions, HTTPS AliasMode, and the saved DNSSEC/AXFR choice', () => {
  const data = servicesForSuite('alias-inspector-lab-locality-')
  let services: Services
  const status = async () => value<LabStatus>(await services.dispatch('lab:status', undefined))

  beforeAll(() => {
    services = data.open()
  })

  it('refuses a geo file that does not check, naming the field', async () => {
    const bad = await services.dispatch('lab:setGeo', { geo: { targets: { 'cdn.example.test.': { default: {}, regions: [{ name: 'ap', prefix: '203.0.113.0/33' }] } } } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } })
    if (!bad.ok) expect(bad.error.message).toMatch(/prefix/)
    expect((await status()).geo ?? null).toBeNull()
  })

  it('swaps the geo regions live: the target answers by ECS subnet; the apex follows only with a profile that forwards ECS', async () => {
    const port = value<LabStatus>(await services.dispatch('lab:start', { upstreamMode: 'simulated' })).port!
    const withGeo = value<LabStatus>(await services.dispatch('lab:setGeo', { geo: GEO }))
    expect(withGeo.geo?.targets['cdn.example.test.']?.regions).toHaveLength(4)
    expect(await digShort(port, 'cdn.example.test', 'A', '+subnet=203.0.113.0/24')).toEqual(['198.51.100.77'])
    expect(await digShort(port, 'cdn.example.test', 'A', '+subnet=198.51.100.0/24')).toEqual(['198.51.100.10'])
    // the draft profile asks as the server itself (127.0.0.1): the default node, whoever asks
    expect(await digShort(port, 'example.test', 'A', '+subnet=203.0.113.0/24')).toEqual(['192.0.2.1'])
    value(await services.dispatch('lab:updateSettings', { profile: 'powerdns' }))
    value(await services.dispatch('lab:flushCache', undefined))
    expect(await digShort(port, 'example.test', 'A', '+subnet=203.0.113.0/24')).toEqual(['198.51.100.77'])
    // an edit of one region is served at once
    const edited = structuredClone(GEO)
    edited.targets['cdn.example.test.']!.regions[2]!.A = ['198.51.100.78']
    value(await services.dispatch('lab:setGeo', { geo: edited }))
    expect(await digShort(port, 'cdn.example.test', 'A', '+subnet=203.0.113.0/24')).toEqual(['198.51.100.78'])
    value(await services.dispatch('lab:updateSettings', { profile: 'draft' }))
  })

  it('serves @ HTTPS 0 target. beside the ALIAS when asked, and stops when switched off', async () => {
    const port = (await status()).port!
    expect(await digShort(port, 'example.test', 'HTTPS')).toEqual([])
    const on = value<LabStatus>(await services.dispatch('lab:setHttpsAlias', { enabled: true }))
    expect(on.httpsAlias).toEqual({ enabled: true, record: 'example.test. 60 IN HTTPS 0 cdn.example.test.', problem: null })
    expect(await digShort(port, 'example.test', 'HTTPS')).toEqual(['0 cdn.example.test.'])
    // the ALIAS still answers the addresses beside it
    expect(await digShort(port, 'example.test', 'A')).toEqual(['192.0.2.1'])
    const off = value<LabStatus>(await services.dispatch('lab:setHttpsAlias', { enabled: false }))
    expect(off.httpsAlias).toEqual({ enabled: false, record: null, problem: null })
    expect(await digShort(port, 'example.test', 'HTTPS')).toEqual([])
    value(await services.dispatch('lab:setHttpsAlias', { enabled: true }))
    // a zone saved later gets it too
    const zone = `$ORIGIN example.test.\n$TTL 300\n@ 3600 IN SOA ns1 hostmaster 1 3600 600 86400 60\n@ 3600 IN NS ns1\nns1 IN A 127.0.0.1\n@ 45 IN ALIAS cdn.example.test.\n`
    value(await services.dispatch('lab:saveZone', { text: zone }))
    expect(await digShort(port, 'example.test', 'HTTPS')).toEqual(['0 cdn.example.test.'])
    expect((await status()).httpsAlias?.record).toBe('example.test. 45 IN HTTPS 0 cdn.example.test.')
    // the saved file is the user's text, without the added record
    expect(await readFile(join(data.dir, 'zones', 'example.test.zone'), 'utf8')).not.toMatch(/HTTPS/)
  })

  it('after a restart runs again signed, with the AXFR mode, the geo regions and AliasMode as they were', async () => {
    const signed = value<LabStatus>(await services.dispatch('lab:start', { upstreamMode: 'simulated', dnssec: { algorithm: 'ed25519', denial: 'nsec3' }, axfr: 'expanded' }))
    expect(signed.dnssec?.length).toBeGreaterThan(0)
    await services.dispose()

    services = data.open()
    await expect.poll(async () => (await status()).running, { timeout: 10_000 }).toBe(true)
    const again = await status()
    expect(again).toMatchObject({ dnssecChoice: { algorithm: 'ed25519', denial: 'nsec3' }, axfr: 'expanded', httpsAlias: { enabled: true } })
    expect(again.dnssec?.[0]?.algorithm).toBe('ed25519')
    expect(again.geo?.targets['cdn.example.test.']?.regions[2]?.A).toEqual(['198.51.100.78'])
    expect(await digShort(again.port!, 'cdn.example.test', 'A', '+subnet=203.0.113.0/24')).toEqual(['198.51.100.78'])
    expect(await digShort(again.port!, 'example.test', 'HTTPS')).toEqual(['0 cdn.example.test.'])
    // a start that asks for unsigned is unsigned, and that is kept
    const plain = value<LabStatus>(await services.dispatch('lab:start', { upstreamMode: 'simulated', dnssec: null, axfr: 'raw' }))
    expect(plain.dnssec).toEqual([])
    expect(plain).toMatchObject({ dnssecChoice: null, axfr: 'raw' })
    const saved = JSON.parse(await readFile(join(data.dir, 'lab.json'), 'utf8')) as Record<string, unknown>
    expect(saved).toMatchObject({ dnssec: null, axfr: 'raw', httpsAlias: true })
  })

  it('reads a lab.json written before these fields existed: unsigned, raw, no geo, no AliasMode, the rest kept', async () => {
    const old = await tempDir('alias-inspector-lab-old-')
    let older: Services | undefined
    try {
      await mkdir(old.path, { recursive: true })
      await writeFile(join(old.path, 'lab.json'), JSON.stringify({ version: 1, settings: { ttlPolicy: 'fixed' }, upstreamMode: 'simulated', running: false }))
      older = browserServices(old.path)
      const s = value<LabStatus>(await older.dispatch('lab:status', undefined))
      expect(s).toMatchObject({ dnssecChoice: null, axfr: 'raw', geo: null, httpsAlias: { enabled: false }, settings: { ttlPolicy: 'fixed' } })
      expect(s.warnings).toEqual([])
    } finally {
      await older?.dispose()
      await old.cleanup()
    }
  })
})
