import * as packet from 'dns-packet'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DnsQueryResult } from '@shared/dns'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { ParityReport } from '../../support/parity/report'
import type { AllowKey } from '../../support/parity/allow-list'
import { targetZone } from '../../../scripts/peers/inspector-zones'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'
import { startPowerDns, type PowerDnsServer } from '../../../scripts/peers/pdns'
import { startUnbound, type UnboundServer } from '../../../scripts/peers/unbound'
import { ask } from './support/ask'
import { udpRaw, wireQuery } from './support/raw-dns'
import { zoneOf } from './support/zones'

/**
 * Our ALIAS server beside PowerDNS 4.7 (bind backend), both serving the same zone and resolving
 * ALIAS targets through the same local resolver: the Additional section (RFC 1034 §4.3.2 step 6)
 * and the common answer shapes. The table goes to test-results/parity/alias-server-pdns.md.
 */

const ORIGIN = 'add.test.'
const mx = Array.from({ length: 24 }, (_, i) => `mx${String(i).padStart(2, '0')}`)
const ZONE = [
  `$ORIGIN ${ORIGIN}`,
  '$TTL 300',
  '@ 3600 IN SOA ns1 hostmaster 1 7200 900 1209600 120',
  '@ 3600 IN NS ns1',
  '@ 3600 IN NS ns2',
  '@ 3600 IN NS ns.elsewhere.example.',
  'ns1 3600 IN A 192.0.2.53',
  'ns1 3600 IN AAAA 2001:db8::53',
  'ns2 3600 IN A 192.0.2.54',
  '@ 300 IN MX 10 mail',
  '@ 300 IN MX 20 mail.elsewhere.example.',
  '@ 300 IN ALIAS cdn.target.test.',
  'mail 300 IN A 192.0.2.25',
  'mail 300 IN AAAA 2001:db8::25',
  '_sip._tcp 300 IN SRV 10 60 5060 sip',
  '_sip._tcp 300 IN SRV 20 0 5061 sip2.elsewhere.example.',
  'sip 300 IN A 192.0.2.50',
  'www 300 IN ALIAS cdn.target.test.',
  'viaalias 300 IN MX 10 www',
  'plain 300 IN MX 10 nowhere',
  // absolute targets: PowerDNS 4.7 does not complete relative names inside SVCB/HTTPS RDATA
  'svc 300 IN HTTPS 1 web.add.test. alpn=h2',
  'web 300 IN A 192.0.2.80',
  'web 300 IN AAAA 2001:db8::80',
  'self 300 IN SVCB 1 . port=8443',
  'self 300 IN A 192.0.2.81',
  'gone 300 IN HTTPS 0 .',
  'gone 300 IN A 192.0.2.82',
  'chain 300 IN CNAME web',
  'ext 300 IN CNAME www.elsewhere.example.',
  '*.wild 300 IN A 192.0.2.99',
  'deleg 3600 IN NS ns.deleg',
  'ns.deleg 3600 IN A 192.0.2.77',
  ...mx.map((name) => `many 300 IN MX 10 ${name}`),
  ...mx.slice(0, 12).map((name) => `some 300 IN MX 10 ${name}`),
  ...mx.map((name, i) => `${name} 300 IN A 192.0.2.${100 + i}`),
  ''
].join('\n')

let knot: KnotServer
let resolver: UnboundServer
let pdns: PowerDnsServer
let ours: AliasServer
const report = new ParityReport(
  'alias-server-pdns.md',
  'ALIAS server beside PowerDNS 4.7',
  'Same zone on both (test/integration/alias-server/additional.test.ts), ALIAS targets resolved through the same ' +
    'Unbound. Each cell: rcode and flags, then the records of each section (sorted; the OPT record left out).'
)

interface Case {
  name: string
  type: string
  transport?: 'udp' | 'tcp'
  /** No EDNS: the 512-octet limit. */
  noEdns?: boolean
  /** Additional records we must add (independent of PowerDNS). */
  additional: number
  /** The required records alone do not fit: TC. */
  truncated?: boolean
  allow?: AllowKey
}

const cases: Case[] = [
  { name: 'add.test', type: 'NS', additional: 3 },
  { name: 'add.test', type: 'MX', additional: 2 },
  { name: '_sip._tcp.add.test', type: 'SRV', additional: 1 },
  { name: 'add.test', type: 'A', additional: 0 },
  { name: 'www.add.test', type: 'A', additional: 0 },
  { name: 'viaalias.add.test', type: 'MX', additional: 0 },
  { name: 'plain.add.test', type: 'MX', additional: 0 },
  { name: 'svc.add.test', type: 'HTTPS', additional: 2 },
  { name: 'self.add.test', type: 'SVCB', additional: 1 },
  { name: 'gone.add.test', type: 'HTTPS', additional: 0, allow: 'pdns-aliasmode-dot' },
  { name: 'many.add.test', type: 'MX', transport: 'tcp', additional: 24 },
  // 1232 octets hold 23 of the 24 addresses (PowerDNS, compressing the MX names, fits all 24)
  { name: 'many.add.test', type: 'MX', additional: 23, allow: 'pdns-rdata-compression' },
  // 512 octets: the 12 MX records and as many addresses as fit after them
  { name: 'some.add.test', type: 'MX', noEdns: true, additional: 6, allow: 'pdns-rdata-compression' },
  // the 24 MX records alone exceed 512 octets: TC, as PowerDNS
  { name: 'many.add.test', type: 'MX', noEdns: true, additional: 0, truncated: true }
]

function lines(r: DnsQueryResult, section: 'answer' | 'authority' | 'additional'): string[] {
  return r[section].map((x) => `${x.name} ${x.ttl} ${x.type} ${x.data}`).sort()
}

function shown(r: DnsQueryResult): string {
  const flags = Object.entries(r.header.flags).filter(([, on]) => on).map(([f]) => f).join(' ')
  return [`${r.header.rcode} ${flags}`, ...lines(r, 'answer'), '-- additional', ...lines(r, 'additional')].join('\n')
}

beforeAll(async () => {
  knot = await startKnot({ zones: { 'target.test.': targetZone() } })
  resolver = await startUnbound({ stubs: [{ zone: 'target.test.', port: knot.port }] })
  const upstream = `127.0.0.1:${resolver.port}`
  ;[pdns, ours] = await Promise.all([
    startPowerDns({ zones: { [ORIGIN]: ZONE }, resolver: upstream }),
    startAliasServer({ zones: [zoneOf(ZONE)], upstream: { mode: 'recursive', resolver: { transport: 'udp', host: '127.0.0.1', port: resolver.port } } })
  ])
})

/** Answer shapes beyond the Additional section: one row each, every section compared. */
const shapes: Array<{ name: string; type: string; tcp?: boolean; allow?: AllowKey }> = [
  { name: 'nope.add.test', type: 'A' },
  { name: 'web.add.test', type: 'TXT' },
  { name: 'example.org', type: 'A' },
  { name: 'chain.add.test', type: 'A' },
  { name: 'ext.add.test', type: 'A' },
  { name: 'any.wild.add.test', type: 'A' },
  { name: 'host.deleg.add.test', type: 'A' },
  { name: 'www.add.test', type: 'AAAA' },
  { name: 'www.add.test', type: 'TYPE65401', allow: 'alias-record-query' },
  // the question's case is kept in the answer (0x20)
  { name: 'WeB.aDd.TeSt', type: 'A' },
  { name: 'add.test', type: 'SOA', tcp: true }
]

function whole(r: DnsQueryResult): string {
  const flags = Object.entries(r.header.flags).filter(([, on]) => on).map(([f]) => f).join(' ')
  return [`${r.header.rcode} ${flags}`, ...(['answer', 'authority', 'additional'] as const).flatMap((s) => [`-- ${s}`, ...lines(r, s)])].join('\n')
}

describe('answer shapes beside PowerDNS', () => {
  it.each(shapes)('$name $type', async (c) => {
    const options = { transport: c.tcp ? 'tcp' : 'udp' } as const
    const [theirs, mine] = await Promise.all([ask(pdns.port, c.name, c.type, options), ask(ours.port, c.name, c.type, options)])
    const label = `${c.name} ${c.type}${c.tcp ? ' (TCP)' : ''}`
    const row = report.row(label, 'PowerDNS', whole(theirs), whole(mine), c.allow)
    expect(row, `${row.case}\npeer: ${row.theirs}\nours: ${row.ours}`).toMatchObject({ verdict: expect.stringMatching(/^(same|allowed: )/) })
  })
})

/** Malformed and unusual queries in wire form: the reply's rcode (extended with EDNS) and flags, or silence. */
const raw: Array<{ case: string; bytes: () => Buffer; allow?: AllowKey }> = [
  { case: 'EDNS version 1 (BADVERS)', allow: 'pdns-badvers-aa', bytes: () => wireQuery('web.add.test', 'A', 0x1001, { flags: 0, udpPayloadSize: 1232, ednsVersion: 1 } as never) },
  { case: 'QDCOUNT 2', allow: 'pdns-silent-formerr', bytes: () => { const q = wireQuery('web.add.test', 'A', 0x1002); q.writeUInt16BE(2, 4); return q } },
  { case: 'QDCOUNT 0', allow: 'pdns-silent-formerr', bytes: () => { const q = wireQuery('web.add.test', 'A', 0x1003); q.writeUInt16BE(0, 4); return q } },
  { case: 'opcode 5 (UPDATE)', allow: 'notimp-opcodes', bytes: () => { const q = wireQuery('web.add.test', 'SOA', 0x1004); q[2] = 5 << 3; return q } },
  { case: 'opcode 2 (STATUS)', allow: 'notimp-opcodes', bytes: () => { const q = wireQuery('web.add.test', 'A', 0x1005); q[2] = 2 << 3; return q } },
  { case: 'a response (QR set)', bytes: () => { const q = wireQuery('web.add.test', 'A', 0x1006); q[2] = 0x80; return q } },
  { case: 'header only (12 octets)', allow: 'pdns-silent-formerr', bytes: () => wireQuery('web.add.test', 'A', 0x1007).subarray(0, 12) },
  { case: 'AXFR over UDP', allow: 'no-zone-transfers', bytes: () => wireQuery('add.test', 'AXFR', 0x1008) }
]

function replyShape(reply: Buffer | undefined): string {
  if (!reply) return '(no reply)'
  const decoded = packet.decode(reply)
  const opt = decoded.additionals?.find((r) => r.type === 'OPT') as { extendedRcode?: number } | undefined
  const rcode = (reply[3]! & 0x0f) | ((opt?.extendedRcode ?? 0) << 4)
  const flags = ['qr', 'aa', 'tc'].filter((_, i) => reply[2]! & [0x80, 0x04, 0x02][i]!).join(' ')
  return `rcode ${rcode} ${flags} opcode ${(reply[2]! >> 3) & 0x0f} id ${reply.readUInt16BE(0).toString(16)} answers ${decoded.answers?.length ?? 0}`
}

describe('malformed and unusual queries beside PowerDNS', () => {
  it.each(raw)('$case', async (c) => {
    const [theirs, mine] = await Promise.all([udpRaw(pdns.port, c.bytes()), udpRaw(ours.port, c.bytes())])
    const row = report.row(c.case, 'PowerDNS', replyShape(theirs), replyShape(mine), c.allow)
    expect(row, `${row.case}\npeer: ${row.theirs}\nours: ${row.ours}`).toMatchObject({ verdict: expect.stringMatching(/^(same|allowed: )/) })
  })
})

afterAll(async () => {
  if (report.rows.length > 0) report.write()
  await ours?.stop()
  await pdns?.stop()
  await resolver?.stop()
  await knot?.stop()
})

describe('Additional section beside PowerDNS', () => {
  it.each(cases)('$name $type $transport $noEdns', async (c) => {
    const options = { transport: c.transport ?? 'udp', ...(c.noEdns ? { edns: false } : {}), tcpFallback: false } as const
    const [theirs, mine] = await Promise.all([ask(pdns.port, c.name, c.type, options), ask(ours.port, c.name, c.type, options)])
    // independent of PowerDNS: optional records never set TC; the answer is whole or TC is set
    expect(mine.header.flags.tc).toBe(c.truncated ?? false)
    if (!c.truncated) expect(mine.answer.length).toBeGreaterThan(0)
    expect(mine.additional).toHaveLength(c.additional)
    expect(mine.additional.every((r) => r.type === 'A' || r.type === 'AAAA')).toBe(true)
    const label = `${c.name} ${c.type}${c.transport === 'tcp' ? ' (TCP)' : ''}${c.noEdns ? ' (no EDNS, 512 octets)' : ''}`
    const answers = report.row(`${label}: flags and answer`, 'PowerDNS', shown({ ...theirs, additional: [] }), shown({ ...mine, additional: [] }))
    const additional = report.row(`${label}: additional`, 'PowerDNS', lines(theirs, 'additional').join('\n'), lines(mine, 'additional').join('\n'), c.allow)
    for (const row of [answers, additional]) {
      expect(row, `${row.case}\npeer: ${row.theirs}\nours: ${row.ours}`).toMatchObject({ verdict: expect.stringMatching(/^(same|allowed: )/) })
    }
  })
})
