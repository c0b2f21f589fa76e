import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DnsQueryResult } from '@shared/dns'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import type { PowerDnsServer } from '../../../scripts/peers/pdns'
import { ask } from '../alias-server/support/ask'
import { zoneOf } from '../alias-server/support/zones'
import { zoneHead } from '../../../scripts/peers/inspector-zones'
import { startPdnsAliasChain, type PdnsAliasChain } from '../../support/pdns-alias-chain'
import { stopAll } from '../../support/stop-all'

/**
 * The `powerdns` profile beside Debian's real PowerDNS (expand-alias on), both resolving through
 * the same Unbound, the targets on Knot, serving the same zone. RCODEs, answer sets and TTLs (±1 s)
 * must agree. ECS is left out: the 4.7 that Debian ships does not forward it.
 */

const ZONE =
  zoneHead('diff.test.') +
  [
    '@ 300 IN ALIAS cdn.target.test.',
    'chain 300 IN ALIAS chain.target.test.',
    'gone 300 IN ALIAS gone.target.test.',
    'v4 300 IN ALIAS v4only.target.test.',
    ''
  ].join('\n')

const TARGETS =
  zoneHead('target.test.') +
  [
    'cdn 120 IN A 192.0.2.10',
    'cdn 120 IN A 192.0.2.11',
    'cdn 120 IN AAAA 2001:db8::10',
    'chain 60 IN CNAME mid.target.test.',
    'mid 90 IN CNAME cdn.target.test.',
    'v4only 120 IN A 192.0.2.44',
    ''
  ].join('\n')

const answerSet = (r: DnsQueryResult): string[] => r.answer.map((x) => `${x.name} ${x.type} ${x.data}`).sort()

describe('the powerdns profile against PowerDNS 4.7 on the same zone', () => {
  let chain: PdnsAliasChain
  let pdns: PowerDnsServer
  let ours: AliasServer

  beforeAll(async () => {
    chain = await startPdnsAliasChain({ knotZones: { 'target.test.': TARGETS }, pdnsZones: { 'diff.test.': ZONE } })
    pdns = chain.pdns
    ours = await startAliasServer({
      zones: [zoneOf(ZONE)],
      upstream: { mode: 'recursive', resolver: { transport: 'udp', host: '127.0.0.1', port: chain.upstream.port } },
      settings: { profile: 'powerdns' }
    })
  })

  afterAll(() => stopAll(ours, chain))

  it.each([
    ['an ALIAS apex', 'diff.test.', 'A', 'NOERROR', 2],
    ['an ALIAS apex', 'diff.test.', 'AAAA', 'NOERROR', 1],
    ['an ALIAS to a CNAME chain', 'chain.diff.test.', 'A', 'NOERROR', 2],
    ['an ALIAS to a CNAME chain', 'chain.diff.test.', 'AAAA', 'NOERROR', 1],
    ['an ALIAS to an NXDOMAIN target', 'gone.diff.test.', 'A', 'SERVFAIL', 0],
    ['an ALIAS to a target without AAAA (NODATA)', 'v4.diff.test.', 'AAAA', 'NOERROR', 0],
    ['a query for the ALIAS type', 'diff.test.', 65401, 'NOERROR', 0]
  ] as const)('%s (%s %s): same RCODE, answer set and TTL ±1 s, over UDP and TCP', async (_what, name, type, rcode, count) => {
    for (const transport of ['udp', 'tcp'] as const) {
      const theirs = await ask(pdns.port, name, type, { transport, timeoutMs: 5000 })
      const mine = await ask(ours.port, name, type, { transport, timeoutMs: 5000 })
      const where = `${name} ${type} ${transport}`
      expect(theirs.header.rcode, `PowerDNS ${where}`).toBe(rcode)
      expect(theirs.answer, `PowerDNS ${where}`).toHaveLength(count)
      expect(mine.header.rcode, where).toBe(theirs.header.rcode)
      expect(answerSet(mine), where).toEqual(answerSet(theirs))
      const ttls = (r: DnsQueryResult) => r.answer.map((x) => x.ttl)
      ttls(mine).forEach((ttl, i) => expect(Math.abs(ttl - ttls(theirs)[i]!), `${where}: ours ${ttl}, PowerDNS ${ttls(theirs)[i]}`).toBeLessThanOrEqual(1))
    }
  })
})
