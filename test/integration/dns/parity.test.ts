import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DnsQueryResult } from '@shared/dns'
import { query } from '../../../electron/dns'
import { INSPECT_ORIGIN, zoneText } from '../../fixtures/zones'
import { ParityReport } from '../../support/parity/report'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'
import { fromEngine, fromKdig, kdigJson, sortRecords, type ComparableRecord, type KdigMessage } from './kdig'

/**
 * The engine and `kdig +json` (RFC 8427) ask the same Knot server the same question; both must see
 * the same rcode, flags and records (see kdig.ts for the presentation-format normalisation).
 */

interface Case {
  name: string
  type: string
  rcode: 'NOERROR' | 'NXDOMAIN' | 'REFUSED'
  /** Expected number of answer records (a check that does not depend on kdig). */
  answers: number
  /** Query over TCP on both sides (answers larger than 1232 octets). */
  tcp?: boolean
  aa?: boolean
}

const cases: Case[] = [
  { name: 'inspect.test', type: 'A', rcode: 'NOERROR', answers: 2 },
  { name: 'inspect.test', type: 'AAAA', rcode: 'NOERROR', answers: 1 },
  { name: 'inspect.test', type: 'SOA', rcode: 'NOERROR', answers: 1 },
  { name: 'inspect.test', type: 'NS', rcode: 'NOERROR', answers: 2 },
  { name: 'inspect.test', type: 'MX', rcode: 'NOERROR', answers: 2 },
  { name: 'inspect.test', type: 'TXT', rcode: 'NOERROR', answers: 1 },
  { name: 'inspect.test', type: 'CAA', rcode: 'NOERROR', answers: 2 },
  { name: 'inspect.test', type: 'DNSKEY', rcode: 'NOERROR', answers: 1 },
  { name: 'inspect.test', type: 'HTTPS', rcode: 'NOERROR', answers: 1 },
  { name: 'www.inspect.test', type: 'AAAA', rcode: 'NOERROR', answers: 1 },
  { name: 'alias.inspect.test', type: 'A', rcode: 'NOERROR', answers: 3 },
  { name: 'alias.inspect.test', type: 'CNAME', rcode: 'NOERROR', answers: 1 },
  { name: 'external.inspect.test', type: 'A', rcode: 'NOERROR', answers: 1 },
  { name: 'txt.inspect.test', type: 'TXT', rcode: 'NOERROR', answers: 4 },
  { name: '_sip._tcp.inspect.test', type: 'SRV', rcode: 'NOERROR', answers: 2 },
  { name: 'naptr.inspect.test', type: 'NAPTR', rcode: 'NOERROR', answers: 2 },
  { name: 'sub.inspect.test', type: 'DS', rcode: 'NOERROR', answers: 1 },
  { name: 'svc.inspect.test', type: 'HTTPS', rcode: 'NOERROR', answers: 1 },
  { name: 'svc2.inspect.test', type: 'HTTPS', rcode: 'NOERROR', answers: 1 },
  { name: '_dns.svc.inspect.test', type: 'SVCB', rcode: 'NOERROR', answers: 1 },
  { name: '_8443._https.svc.inspect.test', type: 'SVCB', rcode: 'NOERROR', answers: 1 },
  { name: 'unknown.inspect.test', type: 'TYPE65534', rcode: 'NOERROR', answers: 1 },
  { name: 'big.inspect.test', type: 'TXT', rcode: 'NOERROR', answers: 12, tcp: true },
  // referral: not authoritative, NS in authority, glue in additional
  { name: 'host.sub.inspect.test', type: 'A', rcode: 'NOERROR', answers: 0, aa: false },
  // NODATA: the name exists, the type does not
  { name: 'www.inspect.test', type: 'MX', rcode: 'NOERROR', answers: 0 },
  { name: 'unknown.inspect.test', type: 'A', rcode: 'NOERROR', answers: 0 },
  // NXDOMAIN
  { name: 'nope.inspect.test', type: 'A', rcode: 'NXDOMAIN', answers: 0 },
  { name: 'deep.nope.inspect.test', type: 'TXT', rcode: 'NXDOMAIN', answers: 0 },
  // outside every zone Knot serves
  { name: 'example.org', type: 'A', rcode: 'REFUSED', answers: 0, aa: false }
]

let knot: KnotServer
const report = new ParityReport(
  'engine-kdig.md',
  'Query engine beside kdig +json (meaning of every record)',
  'Same question to the same Knot server (test/fixtures/zones/inspect.test.zone). Each cell: rcode and flags, then the ' +
    'answer, authority and additional records after the normalisation that test/integration/dns/kdig.ts documents ' +
    '(presentation spellings that mean the same RDATA compare equal). Produced by test/integration/dns/parity.test.ts.'
)

function summary(rcode: number, flags: Record<string, boolean>, sections: ComparableRecord[][]): string {
  const on = Object.entries(flags).filter(([, v]) => v).map(([k]) => k).join(' ')
  const names = ['answer', 'authority', 'additional']
  return [`RCODE ${rcode} ${on}`, ...sections.flatMap((records, i) => [
    `-- ${names[i]}`,
    ...sortRecords(records).map((r) => `${r.name} ${r.ttl} ${r.type} ${r.data}`)
  ])].join('\n')
}

beforeAll(async () => {
  knot = await startKnot({ zones: { [INSPECT_ORIGIN]: zoneText('inspect.test') } })
})

afterAll(async () => {
  if (report.rows.length > 0) report.write()
  await knot?.stop()
})

const flagsOf = (m: KdigMessage) => ({
  qr: m.QR === 1,
  aa: m.AA === 1,
  tc: m.TC === 1,
  rd: m.RD === 1,
  ra: m.RA === 1,
  ad: m.AD === 1,
  cd: m.CD === 1
})

const withoutOpt = (records: KdigMessage['answerRRs']) => (records ?? []).filter((r) => r.TYPE !== 41)

describe('engine vs kdig +json against the same Knot server', () => {
  it.each(cases)('$name $type → $rcode ($answers answers)', async (c) => {
    const transport = c.tcp ? 'tcp' : 'udp'
    const [engine, reference]: [DnsQueryResult, KdigMessage] = await Promise.all([
      query({
        name: c.name,
        type: c.type,
        resolver: { transport, host: knot.host, port: knot.port },
        options: { timeoutMs: 2000, deadlineMs: 5000 }
      }),
      kdigJson(knot.port, c.name, c.type, { tcp: c.tcp })
    ])

    // independent expectations
    expect(engine.header.rcode).toBe(c.rcode)
    expect(engine.answer).toHaveLength(c.answers)
    expect(engine.header.flags.aa).toBe(c.aa ?? true)
    expect(engine.transport).toBe(transport)

    // parity with kdig, as one row of the report
    const row = report.row(
      `${c.name} ${c.type}${c.tcp ? ' (TCP)' : ''}`,
      'kdig',
      summary(reference.RCODE, flagsOf(reference), [reference.answerRRs, reference.authorityRRs, reference.additionalRRs].map((rrs) => withoutOpt(rrs).map(fromKdig))),
      summary(engine.header.rcodeCode, engine.header.flags, [engine.answer, engine.authority, engine.additional].map((rrs) => rrs.map(fromEngine)))
    )
    expect(row.verdict, `peer: ${row.theirs}\nours: ${row.ours}`).toBe('same')
    expect(engine.header.rcodeCode).toBe(reference.RCODE)
    expect(engine.header.flags).toEqual(flagsOf(reference))
    expect(engine.question.name.toLowerCase()).toBe(reference.QNAME.toLowerCase())
    expect(engine.question.typeCode).toBe(reference.QTYPE)
    expect(sortRecords(engine.answer.map(fromEngine))).toEqual(sortRecords(withoutOpt(reference.answerRRs).map(fromKdig)))
    expect(sortRecords(engine.authority.map(fromEngine))).toEqual(
      sortRecords(withoutOpt(reference.authorityRRs).map(fromKdig))
    )
    expect(sortRecords(engine.additional.map(fromEngine))).toEqual(
      sortRecords(withoutOpt(reference.additionalRRs).map(fromKdig))
    )
    // RDATAHEX as kdig's: the exact octets, names uncompressed
    const hexes = (records: Array<{ name?: string; NAME?: string; rdataHex?: string; RDATAHEX?: string }>) =>
      records.map((r) => `${r.name ?? r.NAME} ${r.rdataHex ?? r.RDATAHEX ?? ''}`).sort()
    expect(hexes([...engine.answer, ...engine.authority, ...engine.additional])).toEqual(
      hexes([reference.answerRRs, reference.authorityRRs, reference.additionalRRs].flatMap(withoutOpt))
    )
    // the OPT record is reported as `edns`, never as an additional record
    expect(engine.additional.some((r) => r.typeCode === 41)).toBe(false)
    if (c.rcode !== 'REFUSED') expect(engine.edns?.udpSize).toBeGreaterThan(0)
  })

  it('NODATA and NXDOMAIN carry the zone SOA in authority with the negative TTL', async () => {
    for (const name of ['www.inspect.test', 'nope.inspect.test']) {
      const result = await query({
        name,
        type: 'MX',
        resolver: { transport: 'udp', host: knot.host, port: knot.port }
      })
      expect(result.answer).toEqual([])
      expect(result.authority).toHaveLength(1)
      expect(result.authority[0]).toMatchObject({ name: 'inspect.test.', type: 'SOA', ttl: 300 })
      expect(result.authority[0]!.data).toBe('ns1.inspect.test. hostmaster.inspect.test. 2024010101 7200 900 1209600 300')
    }
  })

  it('renders tricky RDATA exactly (escapes, RFC 3597, SVCB params)', async () => {
    const ask = (name: string, type: string) =>
      query({ name, type, resolver: { transport: 'udp', host: knot.host, port: knot.port } })
    const unknown = await ask('unknown.inspect.test', 'TYPE65534')
    expect(unknown.answer[0]).toMatchObject({ type: 'TYPE65534', typeCode: 65534, data: '\\# 4 C0000201' })
    const svc2 = await ask('svc2.inspect.test', 'HTTPS')
    expect(svc2.answer[0]!.data).toMatch(/^1 www\.inspect\.test\. mandatory=alpn,port alpn="?h2"? port=8443 ipv4hint=192\.0\.2\.80 ipv6hint=2001:db8::80$/)
    const alias = await ask('svc.inspect.test', 'HTTPS')
    expect(alias.answer[0]!.data).toBe('0 www.inspect.test.')
    const txt = await ask('txt.inspect.test', 'TXT')
    const datas = txt.answer.map((r) => r.data)
    expect(datas).toContain('""')
    expect(datas).toContain('"hello world"')
  })
})
