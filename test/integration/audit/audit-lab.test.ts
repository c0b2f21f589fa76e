import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditRow } from '@shared/audit'
import type { ResolverTarget } from '@shared/dns'
import { profileIds } from '@shared/providers'
import { parseAuditInput } from '../../../electron/audit/audit-input'
import { runAudit } from '../../../electron/audit/run-audit'
import { inspect } from '../../../electron/inspector'
import { startUnbound, type UnboundServer } from '../../../scripts/peers/unbound'
import { freePort } from '../../../scripts/peers/ports'
import { aliasApexZone, staticZone, targetZone, zoneHead } from '../../../scripts/peers/inspector-zones'
import { startPdnsAliasChain, type PdnsAliasChain } from '../../support/pdns-alias-chain'
import { stopAll } from '../../support/stop-all'

/** CNAMEs and plain addresses beside the apexes that PowerDNS aliases. */
function mixedZone(): string {
  return zoneHead('mixed.test.') + ['@ 300 IN A 192.0.2.10', 'shop 300 IN CNAME cdn.target.test.', 'plain 300 IN A 203.0.113.9', ''].join('\n')
}

describe('audit on a mixed lab (PowerDNS ALIAS, CNAMEs, plain A, NXDOMAIN, a dead resolver)', () => {
  let chain: PdnsAliasChain
  let unbound: UnboundServer
  let resolvers: ResolverTarget[]

  beforeAll(async () => {
    chain = await startPdnsAliasChain({
      knotZones: { 'target.test.': targetZone(), 'static.test.': staticZone(), 'mixed.test.': mixedZone() },
      pdnsZones: {
        'pdns.test.': aliasApexZone('pdns.test.', 'edge.target.test.'),
        'pdns2.test.': aliasApexZone('pdns2.test.', 'cdn.target.test.', 60)
      }
    })
    const { knot, pdns } = chain
    unbound = await startUnbound({
      stubs: [
        { zone: 'target.test.', port: knot.port },
        { zone: 'static.test.', port: knot.port },
        { zone: 'mixed.test.', port: knot.port },
        { zone: 'pdns.test.', port: pdns.port },
        { zone: 'pdns2.test.', port: pdns.port }
      ]
    })
    // nobody listens there: every query to it is refused (ICMP port unreachable)
    const dead: ResolverTarget = { transport: 'udp', host: '127.0.0.1', port: await freePort(), label: 'dead' }
    resolvers = [{ transport: 'udp', host: '127.0.0.1', port: unbound.port, label: 'unbound' }, dead]
  })

  afterAll(() => stopAll(unbound, chain))

  const INPUT = [
    '# apexes and what they should follow',
    'pdns.test edge.target.test',
    'pdns2.test',
    'static.test cdn.target.test',
    'mixed.test cdn.target.test',
    'shop.mixed.test',
    'plain.mixed.test cdn.target.test',
    'nope.mixed.test cdn.target.test',
    'www.static.test'
  ].join('\n')

  it('gives every name the verdict the one-by-one inspector gives it', async () => {
    const { entries } = parseAuditInput(INPUT)
    const rows: AuditRow[] = []
    const summary = await runAudit(entries, { resolvers, skipAuthoritative: true, concurrency: 4, timeoutMs: 2000 }, { onRow: (row) => rows.push(row) })
    expect(summary).toMatchObject({ done: entries.length, total: entries.length, cancelled: false })
    expect(rows).toHaveLength(entries.length)

    for (const entry of entries) {
      const single = await inspect({ apex: entry.name, ...(entry.target ? { target: entry.target } : {}), resolvers, skipAuthoritative: true, timeoutMs: 2000 })
      const row = rows.find((r) => r.name === entry.name)!
      expect({ name: row.name, verdict: row.verdict, target: row.target }).toEqual({ name: entry.name, verdict: single.verdict.verdict, target: single.target })
      // which profiles fit depends on TTLs that Unbound's cache counts down between the two runs: only their form is compared
      expect(row.profiles!.every((id) => (profileIds as readonly string[]).includes(id))).toBe(true)
    }
    const verdictOf = (name: string) => rows.find((r) => r.name === name)?.verdict
    // the lab is built so that these are known, whatever the comparison above says
    expect(verdictOf('pdns.test.')).toBe('likely')
    expect(verdictOf('pdns2.test.')).toBe('likely')
    expect(verdictOf('static.test.')).toBe('not-aliased')
    expect(verdictOf('plain.mixed.test.')).toBe('not-aliased')
    const pdns2 = rows.find((r) => r.name === 'pdns2.test.')!
    expect(pdns2).toMatchObject({ target: 'cdn.target.test.', targetSource: 'suggested' })
    expect(pdns2.targetTtl).toBeGreaterThan(0)
    expect(pdns2.stalenessBound).toBe(pdns2.targetTtl! + Math.min(pdns2.apexTtl!, pdns2.targetTtl!))
    // every resolver is asked; the dead one gave no answer, which is no disagreement
    expect(pdns2.dnssec).toEqual({
      ad: false,
      rrsig: false,
      resolvers: [
        { resolver: 'unbound', ad: false, rrsig: false },
        { resolver: 'dead', ad: false, rrsig: false, failed: true }
      ]
    })
    // the dead resolver shows up as errors on the rows, not as a failed audit
    expect(pdns2.errors.some((e) => e.startsWith('dead:') && /refused/.test(e))).toBe(true)
  })

  it('takes no target from anywhere with --target-from none, and only from www with www', async () => {
    const { entries } = parseAuditInput('pdns.test\nstatic.test')
    const none: AuditRow[] = []
    await runAudit(entries, { resolvers: resolvers.slice(0, 1), skipAuthoritative: true, targetFrom: 'none' }, { onRow: (row) => none.push(row) })
    expect(none.map((r) => r.target)).toEqual([undefined, undefined])
    const www: AuditRow[] = []
    await runAudit(entries, { resolvers: resolvers.slice(0, 1), skipAuthoritative: true, targetFrom: 'www' }, { onRow: (row) => www.push(row) })
    expect(www.map((r) => [r.name, r.target]).sort()).toEqual([
      ['pdns.test.', 'edge.target.test.'],
      ['static.test.', 'cdn.target.test.']
    ])
  })

  it('stops when cancelled and reports only what finished', async () => {
    const names = Array.from({ length: 200 }, (_, i) => `n${i}.mixed.test`).join('\n')
    const { entries } = parseAuditInput(names)
    const abort = new AbortController()
    const rows: AuditRow[] = []
    const summary = await runAudit(entries, { resolvers: resolvers.slice(0, 1), skipAuthoritative: true, concurrency: 2, signal: abort.signal }, {
      onRow: (row) => {
        rows.push(row)
        if (rows.length === 5) abort.abort()
      }
    })
    expect(summary.cancelled).toBe(true)
    expect(summary.done).toBe(rows.length)
    expect(rows.length).toBeGreaterThanOrEqual(5)
    expect(rows.length).toBeLessThan(200)
    expect(rows.every((r) => r.verdict !== 'error')).toBe(true)
  })
})
