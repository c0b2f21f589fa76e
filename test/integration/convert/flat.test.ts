import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ResolverTarget } from '@shared/dns'
import { convert } from '../../../electron/convert'
import { query } from '../../../electron/dns'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'
import { startUnbound, type UnboundServer } from '../../../scripts/peers/unbound'
import { stopAll } from '../../support/stop-all'

const TARGET_ZONE = `$ORIGIN target.test.
$TTL 3600
@    SOA ns.target.test. h.target.test. 1 7200 3600 1209600 60
@    NS  ns.target.test.
ns   A   127.0.0.1
edge 300 A    192.0.2.41
edge 300 A    192.0.2.42
edge 120 AAAA 2001:db8::41
v4only 600 A 192.0.2.50
`

const APEX_ZONE = `$ORIGIN example.test.
$TTL 3600
@     SOA ns1 hostmaster 1 7200 3600 1209600 300
@     NS  ns1
@     900 ALIAS edge.target.test.
@     A   203.0.113.1
v4    ALIAS v4only.target.test.
ns1   A   192.0.2.1
`

describe('flat: aliases resolved through Unbound in front of Knot', () => {
  let knot: KnotServer
  let unbound: UnboundServer
  let resolver: ResolverTarget

  beforeAll(async () => {
    knot = await startKnot({ zones: { 'target.test.': TARGET_ZONE } })
    unbound = await startUnbound({ stubs: [{ zone: 'target.test.', port: knot.port }] })
    resolver = { transport: 'udp', host: '127.0.0.1', port: unbound.port }
  })
  afterAll(() => stopAll(unbound, knot))

  it('writes the addresses now, TTLs no longer than what remains, and the deadline', async () => {
    // prime Unbound's cache and let the TTLs run down, so "remaining" differs from the authoritative TTL
    await query({ name: 'edge.target.test', type: 'A', resolver, options: {} })
    await new Promise((r) => setTimeout(r, 2100))
    const before = Date.now()
    const out = await convert(APEX_ZONE, {
      from: 'bind',
      to: 'flat',
      file: 'apex.zone',
      resolver,
      query: (name, type, target) => query({ name, type, resolver: target, options: {} })
    })
    const after = Date.now()
    const lines = out.text.split('\n')
    const apexA = lines.filter((l) => /^@\s+\d+ IN A\s/.test(l))
    expect(apexA.map((l) => l.split(/\s+/).at(-1)).sort()).toEqual(['192.0.2.41', '192.0.2.42'])
    const aTtls = apexA.map((l) => Number(l.split(/\s+/)[1]))
    for (const ttl of aTtls) {
      expect(ttl).toBeLessThanOrEqual(298)
      expect(ttl).toBeGreaterThan(200)
    }
    const aaaa = lines.find((l) => /^@\s+\d+ IN AAAA\s/.test(l))!
    expect(aaaa.split(/\s+/).at(-1)).toBe('2001:db8::41')
    expect(Number(aaaa.split(/\s+/)[1])).toBeLessThanOrEqual(120)
    // the static fallback is gone, with a warning naming it
    expect(out.text).not.toContain('203.0.113.1')
    expect(out.warnings.map((w) => w.record)).toContain('example.test. A')
    // the deadline: when the shortest copied answer (the AAAA, 120 s) can first be stale
    const apex = out.flattened.find((o) => o.name === 'example.test.')!
    expect(apex.refreshBy).toBeGreaterThan(before + 100_000)
    expect(apex.refreshBy).toBeLessThanOrEqual(after + 120_000)
    const comment = lines[lines.findIndex((l) => /^@\s+\d+ IN A\s/.test(l)) - 1]
    expect(comment).toBe(`; re-flatten by ${new Date(apex.refreshBy).toISOString()} (flattened from ALIAS edge.target.test.)`)
    // an IPv4-only target: its NODATA for AAAA lasts the negative TTL (SOA minimum 60), which bounds the deadline
    const v4 = out.flattened.find((o) => o.name === 'v4.example.test.')!
    expect(v4.addresses).toEqual(['192.0.2.50'])
    expect(v4.refreshBy).toBeLessThanOrEqual(after + 60_000)
    expect(out.summary[0]).toMatch(/^2 aliases flattened; regenerate this zone at least every \d+ s/)
    expect(lines[0]).toBe(`; ${out.summary[0]}`)
  })

  it('stops with a located error when a target does not resolve', async () => {
    const zone = APEX_ZONE.replace('v4only.target.test.', 'missing.target.test.')
    const err = await convert(zone, { from: 'bind', to: 'flat', file: 'apex.zone', resolver, query: (n, t, r) => query({ name: n, type: t, resolver: r, options: {} }) }).catch((e: Error) => e)
    expect((err as Error).message).toMatch(/^apex\.zone:7:1: cannot flatten v4\.example\.test\.: missing\.target\.test\. A answered NXDOMAIN/)
  })

  it('npm run convert -- --to flat: the zone on stdout, the summary on stderr', async () => {
    const root = resolve(__dirname, '../../..')
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', 'electron/cli/convert.ts', '-', '--from', 'bind', '--to', 'flat', '--resolver', `127.0.0.1:${unbound.port}`],
        { cwd: root, timeout: 60_000 },
        (err, stdout, stderr) => done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
      )
      child.stdin!.end(APEX_ZONE)
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^; re-flatten by \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \(flattened from ALIAS v4only\.target\.test\.\)\nv4\s+\d+ IN A\s+192\.0\.2\.50$/m)
    expect(run.stderr).toMatch(/^warning: example\.test\. A \(line 6\): the static A record at example\.test\. was a fallback for the alias; the flattened addresses replace it$/m)
    expect(run.stderr).toMatch(/^2 aliases flattened; regenerate this zone at least every \d+ s to stay fresh/m)
  }, 60_000)
})
