import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ResolverTarget } from '@shared/dns'
import type { InspectResult } from '@shared/inspector'
import { inspect } from '../../../electron/inspector'
import type { KnotServer } from '../../../scripts/peers/knot'
import type { PowerDnsServer } from '../../../scripts/peers/pdns'
import { startUnbound, type UnboundServer } from '../../../scripts/peers/unbound'
import { aliasApexZone, staticZone, targetZone } from '../../../scripts/peers/inspector-zones'
import { freePort } from '../../../scripts/peers/ports'
import { startPdnsAliasChain, type PdnsAliasChain } from '../../support/pdns-alias-chain'
import { tempDirForSuite } from '../../support/suite-temp-dir'
import { stopAll } from '../../support/stop-all'

const run = promisify(execFile)
const ROOT = resolve(__dirname, '../../..')

describe('inspect against Knot, PowerDNS (ALIAS) and Unbound', () => {
  let chain: PdnsAliasChain
  let knot: KnotServer
  let pdns: PowerDnsServer
  let unbound: UnboundServer
  let resolver: ResolverTarget
  const data = tempDirForSuite('alias-inspector-cli-data-')

  beforeAll(async () => {
    // PowerDNS resolves its ALIAS targets through its own Unbound
    chain = await startPdnsAliasChain({
      knotZones: { 'target.test.': targetZone(), 'static.test.': staticZone() },
      pdnsZones: { 'pdns.test.': aliasApexZone('pdns.test.', 'edge.target.test.') }
    })
    ;({ knot, pdns } = chain)
    unbound = await startUnbound({
      stubs: [
        { zone: 'target.test.', port: knot.port },
        { zone: 'static.test.', port: knot.port },
        { zone: 'pdns.test.', port: pdns.port }
      ]
    })
    resolver = { transport: 'udp', host: '127.0.0.1', port: unbound.port }
  })

  afterAll(() => stopAll(unbound, chain))

  it('finds the apex that PowerDNS aliases (through a CNAME) likely aliased', async () => {
    const result = await inspect({ apex: 'pdns.test', target: 'edge.target.test', resolvers: [resolver], authoritativePort: pdns.port })
    const [r] = result.resolvers
    expect(r!.apex.a.records.map((x) => x.data).sort()).toEqual(['192.0.2.10', '192.0.2.11'])
    expect(r!.target!.a.chain.map((l) => l.target)).toEqual(['cdn.target.test.'])
    expect(r!.comparison!.a.relation).toBe('equal')
    expect(r!.comparison!.aaaa.relation).toBe('equal')
    expect(result.verdict.verdict).toBe('likely')
    const texts = result.verdict.evidence.map((e) => e.text)
    expect(texts).toContain('no CNAME at the apex (RFC 1034 forbids one there)')
    expect(texts).toContain("apex A set equals edge.target.test's on 1 of 1 resolver")
    // PowerDNS itself, asked without recursion, for the TTL before any cache
    expect(result.authoritative?.nsNames).toEqual(['ns1.pdns.test.'])
    expect(result.authoritative?.servers[0]).toMatchObject({ address: '127.0.0.1', port: pdns.port })
    expect(result.authoritative?.servers[0]?.a?.authoritative).toBe(true)
    expect(result.authoritative?.ttls.A).toBeGreaterThan(0)
    expect(result.authoritative?.ttls.A).toBeLessThanOrEqual(300)
  })

  it('suggests the target from www when none is given, and still finds the alias', async () => {
    const result = await inspect({ apex: 'pdns.test', resolvers: [resolver], skipAuthoritative: true })
    expect(result.targetSource).toBe('suggested')
    expect(result.target).toBe('edge.target.test.')
    expect(result.suggestions).toEqual([
      expect.objectContaining({ name: 'edge.target.test.', source: 'www-cname', reason: expect.stringMatching(/^www\.pdns\.test is a CNAME to edge\.target\.test/) })
    ])
    expect(result.verdict.verdict).toBe('likely')
  })

  it('finds an apex with unrelated addresses not aliased', async () => {
    const result = await inspect({ apex: 'static.test', target: 'cdn.target.test', resolvers: [resolver], authoritativePort: knot.port })
    expect(result.resolvers[0]!.comparison!.a.relation).toBe('disjoint')
    expect(result.verdict.verdict).toBe('not-aliased')
    expect(result.verdict.evidence.map((e) => e.text)).toContain("apex A set shares no address with cdn.target.test's on 1 of 1 resolver")
  })

  it('reports how long the resolver has cached the apex against the authoritative TTL', async () => {
    await inspect({ apex: 'static.test', resolvers: [resolver], skipAuthoritative: true })
    await new Promise((r) => setTimeout(r, 2200))
    const result: InspectResult = await inspect({ apex: 'static.test', target: 'cdn.target.test', resolvers: [resolver], authoritativePort: knot.port })
    expect(result.authoritative?.ttls).toEqual({ A: 300, AAAA: 300 })
    const age = result.resolvers[0]!.cache.find((c) => c.type === 'A')
    expect(age?.state).toBe('cached')
    expect(age?.cachedForSeconds).toBeGreaterThanOrEqual(2)
    expect(age?.cachedForSeconds).toBeLessThanOrEqual(4)
    expect(age?.text).toBe(`cached for ${age?.cachedForSeconds} s of 300 s`)
    const record = result.resolvers[0]!.apex.a.records[0]!
    expect(record.ttl).toBe(300 - age!.cachedForSeconds)
    expect(Math.abs(record.receivedAtWallMs - Date.now())).toBeLessThan(10_000)
    expect(record.receivedAtMonoMs).toBeLessThanOrEqual(performance.now())
  })

  it('prints the side-by-side result and the verdict in the terminal', async () => {
    const { stdout } = await run(
      'npx',
      ['tsx', 'electron/cli/inspect.ts', '--data-dir', data.path, 'pdns.test', '--target', 'edge.target.test', '--resolver', `127.0.0.1:${unbound.port}`, '--auth-port', String(pdns.port)],
      { cwd: ROOT, timeout: 60_000 }
    )
    expect(stdout).toMatch(/apex pdns\.test\s+\| target edge\.target\.test/)
    expect(stdout).toMatch(/A\s+192\.0\.2\.10\s+ttl \d+\s+\| CNAME cdn\.target\.test\s+ttl \d+/)
    expect(stdout).toMatch(/ALIAS \/ flattening likely: pdns\.test follows edge\.target\.test\./)
    expect(stdout).toMatch(/\+ apex A set equals edge\.target\.test's on 1 of 1 resolver/)
    // real PowerDNS behaves like the powerdns profile (its name servers are self-hosted, its TTL the target's)
    expect(stdout).toMatch(/^behaviour consistent with: .*\bpowerdns\b/m)
    const json = await run(
      'npx',
      ['tsx', 'electron/cli/inspect.ts', '--data-dir', data.path, 'static.test', '--target', 'cdn.target.test', '--resolver', `127.0.0.1:${unbound.port}`, '--no-authoritative', '--json'],
      { cwd: ROOT, timeout: 60_000 }
    )
    expect(JSON.parse(json.stdout).inspect.verdict.verdict).toBe('not-aliased')
  })

  it('watches from the terminal and ends with a staleness summary', async () => {
    const { stdout } = await run(
      'npx',
      ['tsx', 'electron/cli/inspect.ts', '--data-dir', data.path, 'static.test', '--target', 'cdn.target.test', '--resolver', `127.0.0.1:${unbound.port}`, '--no-authoritative', '--watch', '2', '--mode', 'interval', '--interval', '1'],
      { cwd: ROOT, timeout: 60_000 }
    )
    expect(stdout).toMatch(/watching for 2 s \(interval mode\)/)
    expect(stdout).toMatch(/\d\.\d s {2}127\.0\.0\.1:\d+ {2}apex {3}A {4}198\.51\.100\.7 {2}ttl \d+/)
    expect(stdout).toMatch(/staleness:\n {2}resolvers: 0 changes of the target's set; none followed by the apex\n {2}resolvers: apex stale \d+\.\d s of \d+\.\d s \(wall clock, families together; per family A \d+\.\d s, AAAA \d+\.\d s\); [1-9]\d* of \d+ apex samples differed/)
    expect(stdout).toMatch(/theoretical bound \(min policy\): target TTL \d+ s \+ apex TTL min\(largest apex TTL seen \d+ s, target TTL \d+ s\)/)
  })

  it('exits non-zero, saying so, when no resolver answered at all', async () => {
    const silent = await freePort()
    const failed = await run(
      'npx',
      ['tsx', 'electron/cli/inspect.ts', '--data-dir', data.path, 'static.test', '--target', 'cdn.target.test', '--resolver', `127.0.0.1:${silent}`, '--no-authoritative', '--timeout', '300'],
      { cwd: ROOT, timeout: 60_000 }
    ).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error
    )
    expect(failed, 'the command exited 0').toBeDefined()
    expect(failed!.code).toBe(2)
    expect(failed!.stderr).toMatch(/^inspect: no resolver answered for static\.test\. \(127\.0\.0\.1:\d+: /)
  })
})
