import { execFile, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adviceSchema } from '@shared/advisor'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { gatherFacts } from '../../../electron/advisor/gather'
import { recommend } from '../../../electron/advisor/recommend'
import { zoneHead, zoneOf } from '../alias-server/support/zones'

/** The advisor against our server with a geo CDN: what it finds, what it recommends, and the CLI. */

const ROOT = resolve(__dirname, '../../..')
const GEO = {
  targets: {
    'cdn.example.test.': { ttl: 30, default: { A: ['192.0.2.1'] }, regions: [{ name: 'ap', prefix: '203.0.113.0/24', A: ['198.51.100.77'] }] }
  }
}
const ZONE = zoneOf(
  [zoneHead('example.test.', 3600, 60), '@ 60 IN ALIAS cdn.example.test.', '@ 300 IN MX 10 mail.example.test.', '@ 300 IN TXT "v=spf1 -all"', '@ 300 IN CAA 0 issue "letsencrypt.org"'].join('\n')
)
const servers: Record<string, AliasServer> = {}

beforeAll(async () => {
  for (const profile of ['draft', 'powerdns'] as const) {
    servers[profile] = await startAliasServer({ zones: [ZONE], upstream: { mode: 'simulated' }, geo: GEO, settings: { profile }, logQueries: false })
  }
})
afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.stop()))
})

const request = (profile: 'draft' | 'powerdns') => ({
  apex: 'example.test',
  target: 'cdn.example.test',
  resolvers: [{ transport: 'udp' as const, host: '127.0.0.1', port: servers[profile]!.port }],
  profile,
  skipAuthoritative: true,
  timeoutMs: 1000
})

describe('advisor against our server', () => {
  it('finds the apex records, an unsigned zone and a target that varies; without ECS it recommends HTTPS AliasMode', async () => {
    const facts = await gatherFacts(request('draft'))
    expect(facts).toMatchObject({ profile: 'draft', signed: false, apexRecords: { MX: 1, TXT: 1, CAA: 1 }, geo: { varies: true, asked: 3, apart: 1 }, targetTtl: 30 })
    const advice = recommend(facts)
    expect(adviceSchema.safeParse(advice).success).toBe(true)
    expect(advice.recommendation).toBe('https-aliasmode')
    expect(advice.options.find((o) => o.technique === 'provider-alias')!.risk.localityPenalty).toBeCloseTo(1 / 3)
  })

  it('with a profile that forwards ECS the apex follows the target everywhere, so the provider ALIAS is recommended', async () => {
    const facts = await gatherFacts(request('powerdns'))
    // the IPv6 presets get no AAAA here: only the three IPv4 rows are judged
    expect(facts.geo).toEqual({ varies: true, asked: 3, apart: 0 })
    expect(recommend(facts).recommendation).toBe('provider-alias')
  })

  it('npm run advise prints JSON with the recommendation, and refuses a missing target', async () => {
    const tsx = join(ROOT, 'node_modules/.bin/tsx')
    const port = String(servers.powerdns!.port)
    // asynchronously: the server under test runs in this process and must keep answering
    const out = await promisify(execFile)(tsx, ['electron/cli/advise.ts', 'example.test', '--target', 'cdn.example.test', '--resolver', `127.0.0.1:${port}`, '--profile', 'powerdns', '--no-authoritative', '--timeout', '1000', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    const parsed = JSON.parse(out.stdout) as { advice: unknown }
    expect(adviceSchema.parse(parsed.advice).recommendation).toBe('provider-alias')
    const bad = spawnSync(tsx, ['electron/cli/advise.ts', 'example.test'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain('--target NAME is required')
  })
})
