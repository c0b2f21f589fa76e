import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectResultSchema } from '@shared/inspector'
import { SUBNET_PRESETS } from '@shared/locality'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { inspect } from '../../../electron/inspector'
import { AP6_REGION, AP_REGION, geoApexZone, geoCdn } from '../../support/geo-cdn'

/** The inspector's locality grid against our server with a geo CDN, under profiles that forward ECS and ones that don't. */

const GEO = geoCdn(AP_REGION, AP6_REGION)
const ZONE = geoApexZone()
const servers: Record<string, AliasServer> = {}

beforeAll(async () => {
  for (const profile of ['draft', 'powerdns', 'dnsimple', 'cloudflare'] as const) {
    servers[profile] = await startAliasServer({ zones: [ZONE], upstream: { mode: 'simulated' }, geo: GEO, settings: { profile }, logQueries: false })
  }
})
afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.stop()))
})

const inspectWith = (profile: string, subnets: string[]) =>
  inspect({
    apex: 'example.test.',
    target: 'cdn.example.test.',
    resolvers: [{ transport: 'udp', host: '127.0.0.1', port: servers[profile]!.port }],
    skipAuthoritative: true,
    timeoutMs: 2000,
    subnets
  })

describe('locality grid', () => {
  it.each(['powerdns', 'dnsimple'])('%s forwards ECS: the apex follows the target in every row', async (profile) => {
    const result = await inspectWith(profile, Object.values(SUBNET_PRESETS))
    expect(inspectResultSchema.safeParse(result).success).toBe(true)
    const l = result.locality!
    expect(l.kind).toBe('follows')
    expect(l.rows).toHaveLength(5)
    expect(l.rows.every((r) => r.same === true)).toBe(true)
    expect(l.rows.find((r) => r.subnet === '203.0.113.0/24')).toMatchObject({ apex: ['198.51.100.77'], target: ['198.51.100.77'], apexScope: 24 })
    expect(l.rows.find((r) => r.subnet === '2001:db8:a0::/48')).toMatchObject({ apex: ['2001:db8:a0::77'], target: ['2001:db8:a0::77'] })
    expect(l.verdict).toMatch(/forwards ECS/)
    expect(l.verdict).toMatch(/many CDNs honour ECS only from resolvers they allow/)
  })

  it.each(['draft', 'cloudflare'])('%s does not forward ECS: far subnets get the default node at the apex, and the verdict says only what it can', async (profile) => {
    const result = await inspectWith(profile, ['ap', 'eu', 'ap6'].map((k) => SUBNET_PRESETS[k]!))
    const l = result.locality!
    expect(l.kind).toBe('default-node')
    expect(l.rows.map((r) => [r.subnet, r.apex, r.target, r.same])).toEqual([
      ['203.0.113.0/24', ['192.0.2.1'], ['198.51.100.77'], false],
      ['192.0.2.0/24', ['192.0.2.1'], ['192.0.2.1'], true],
      ['2001:db8:a0::/48', ['2001:db8::1'], ['2001:db8:a0::77'], false]
    ])
    expect(l.verdict).toContain('For clients in 203.0.113.0/24 example.test. answers with 192.0.2.1, while cdn.example.test. itself answers with 198.51.100.77')
    expect(l.verdict).toContain('consistent with an ALIAS server that does not forward ECS, or with a CDN that ignores ECS from the ALIAS server')
  })

  it('has no locality view without subnets', async () => {
    const result = await inspectWith('draft', [])
    expect(result.locality).toBeUndefined()
  })
})
