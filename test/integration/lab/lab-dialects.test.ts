/**
 * The lab's zone dialect through the channels: saved with the zone, kept in lab.json across a restart,
 * served by the embedded server as the provider serves it, and named in refusals.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { LabStatus, LabZone } from '@shared/lab'
import type { Services } from '../../../electron/services'
import { requireTool } from '../../../scripts/peers/require-tool'
import { servicesForSuite, value } from '../../support/services'

const run = promisify(execFile)
const dig = requireTool('dig', 'bind9-dnsutils')
const digShort = async (port: number, name: string, type: string): Promise<string[]> =>
  (await run(dig, ['@127.0.0.1', '-p', String(port), name, type, '+short', '+tries=1', '+time=2'], { timeout: 10_000 })).stdout.split('\n').filter(Boolean)

const HEAD = ['$ORIGIN shop.test.', '$TTL 300', '@ 3600 IN SOA ns1 hostmaster 1 3600 600 86400 60', '@ 3600 IN NS ns1', 'ns1 A 127.0.0.1']
const CLOUDFLARE = [...HEAD, '@ 60 IN CNAME cdn.example.test.', '@ 300 IN MX 10 mail', 'mail A 192.0.2.25', ''].join('\n')
const ROUTE53 = [...HEAD, '@ 60 A ALIAS cdn.example.test.', ''].join('\n')

describe('lab zone dialects', () => {
  const data = servicesForSuite('alias-inspector-dialects-')
  const make = (): Services => data.open()

  it('refuses an apex CNAME as bind naming the cloudflare dialect; saves and serves it as cloudflare; keeps the dialect across a restart', async () => {
    const services = make()
    expect(value<LabZone>(await services.dispatch('lab:getZone', undefined)).dialect).toBe('bind')
    const refused = await services.dispatch('lab:saveZone', { text: CLOUDFLARE })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toMatch(/line 6, column 1: a CNAME cannot be at the zone apex.*the cloudflare format reads an apex CNAME as a flattened alias/)

    value(await services.dispatch('lab:start', { upstreamMode: 'simulated', port: 0 }))
    const saved = value<{ reloaded: boolean }>(await services.dispatch('lab:saveZone', { text: CLOUDFLARE, dialect: 'cloudflare' }))
    expect(saved.reloaded).toBe(true)
    const status = value<LabStatus>(await services.dispatch('lab:status', undefined))
    expect(status.zone).toEqual({ origin: 'shop.test.', demo: false, dialect: 'cloudflare' })
    expect((await digShort(status.port!, 'shop.test', 'A')).length).toBeGreaterThan(0)
    expect(await digShort(status.port!, 'shop.test', 'MX')).toEqual(['10 mail.shop.test.'])
    expect(JSON.parse(await readFile(join(data.dir, 'lab.json'), 'utf8')).dialect).toBe('cloudflare')

    await services.dispose()
    const again = make()
    const zone = value<LabZone>(await again.dispatch('lab:getZone', undefined))
    expect(zone).toMatchObject({ origin: 'shop.test.', dialect: 'cloudflare', errors: [], text: CLOUDFLARE })
  })

  it('route53-text in the lab: the A ALIAS answers A and leaves AAAA empty', async () => {
    const services = make()
    value(await services.dispatch('lab:start', { upstreamMode: 'simulated', port: 0 }))
    value(await services.dispatch('lab:saveZone', { text: ROUTE53, dialect: 'route53-text' }))
    const port = value<LabStatus>(await services.dispatch('lab:status', undefined)).port!
    expect((await digShort(port, 'shop.test', 'A')).length).toBeGreaterThan(0)
    expect(await digShort(port, 'shop.test', 'AAAA')).toEqual([])
    const wrong = await services.dispatch('lab:saveZone', { text: ROUTE53, dialect: 'cloudflare' })
    expect(!wrong.ok && wrong.error.message).toMatch(/line 6, column \d+: .*the route53-text format reads "A ALIAS"/)
  })
})
