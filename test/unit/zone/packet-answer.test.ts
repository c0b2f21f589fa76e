import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as dnsPacket from 'dns-packet'
import { describe, expect, it } from 'vitest'
import { decodeSvcbRdata, toDnsPacketName, toPacketAnswer, type PacketAnswer, type ZoneRecord } from '../../../electron/zone'
import { recordsOf, zoneWith } from './zone-test-helpers'

/** Encodes the answers in a response with dns-packet and decodes it back. */
function wireRoundTrip(answers: PacketAnswer[]): dnsPacket.Answer[] {
  const buf = dnsPacket.encode({ type: 'response', id: 1, flags: dnsPacket.AUTHORITATIVE_ANSWER, answers: answers as dnsPacket.Answer[] })
  return dnsPacket.decode(buf).answers ?? []
}

const one = (body: string): ZoneRecord =>
  body.includes(' SOA ')
    ? recordsOf(`$ORIGIN a.example.test.\n$TTL 3600\n${body.replace(/^a /, '@ ')}`)[0]
    : recordsOf(zoneWith(body)).at(-1)!
const DNSKEY = 'AwEAAagAIKlVZrpC6Ia7gEzahOR+9W29euxhJhVVLOyQbSEW0O8gcCjFFVQUTf6v58fLjwBd0YI0EzrAcQqBGCzh/RStIoO8g0NfnfL2MTJRkxoXbfDaUeVPQuYEhg37NZWAJQ9VnMVDxP/VHL496M/QZxkjf5/Efucp2gaDX6RS6CXpoY68LsvPVjR0ZSwzz1apAzvN9dlzEheX7ICJBBtuA6G3LQpzW5hOA2hzCTMjJPJ8LbqF6dsV6DoBQzgul0sGIcGOYl7OyQdXfZ57relSQageu+ipAdTTJ25AsRTAoub8ONGcLmqrAmRLKBP1dfwhYB4N7knNnulqQxA+Uk1ihz0='

// [zone line, decoded type, expected decoded data]
const cases: [string, string, unknown][] = [
  ['a A 192.0.2.1', 'A', '192.0.2.1'],
  ['a AAAA 2001:db8::1', 'AAAA', '2001:db8::1'],
  ['a NS ns.example.net.', 'NS', 'ns.example.net'],
  ['a CNAME target', 'CNAME', 'target.example.test'],
  ['a PTR host.example.net.', 'PTR', 'host.example.net'],
  ['a MX 10 mail', 'MX', { preference: 10, exchange: 'mail.example.test' }],
  ['a TXT "v=spf1 -all" "caf\\195\\169" "\\000"', 'TXT', [Buffer.from('v=spf1 -all'), Buffer.from('café'), Buffer.from([0])]],
  [
    'a SOA ns1 john\\.doe 7 1h 15m 1w 60',
    'SOA',
    { mname: 'ns1.a.example.test', rname: 'john\\.doe.a.example.test', serial: 7, refresh: 3600, retry: 900, expire: 604800, minimum: 60 }
  ],
  ['a SRV 10 5 5060 sip', 'SRV', { priority: 10, weight: 5, port: 5060, target: 'sip.example.test' }],
  ['a CAA 128 issue "ca.example.net; a=b"', 'CAA', { flags: 128, tag: 'issue', value: 'ca.example.net; a=b', issuerCritical: true }],
  [
    'a NAPTR 100 10 "u" "E2U+sip" "!^.*$!sip:x@example.test!" .',
    'NAPTR',
    { order: 100, preference: 10, flags: 'u', services: 'E2U+sip', regexp: '!^.*$!sip:x@example.test!', replacement: '.' }
  ],
  [
    'a DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118',
    'DS',
    { keyTag: 60485, algorithm: 5, digestType: 1, digest: Buffer.from('2BB183AF5F22588179A53B0A98631FAD1A292118', 'hex') }
  ],
  [`a DNSKEY 257 3 8 ${DNSKEY}`, 'DNSKEY', { flags: 257, algorithm: 8, key: Buffer.from(DNSKEY, 'base64') }],
  ['a ALIAS cdn.example.net.', 'UNKNOWN_65401', Buffer.from('0363646e076578616d706c65036e657400', 'hex')],
  ['a ANAME cdn.example.net.', 'UNKNOWN_65401', Buffer.from('0363646e076578616d706c65036e657400', 'hex')],
  ['a TYPE65534 \\# 4 DEADBEEF', 'UNKNOWN_65534', Buffer.from('deadbeef', 'hex')],
  ['a TYPE65000 \\# 0', 'UNKNOWN_65000', Buffer.alloc(0)]
]

describe('toPacketAnswer', () => {
  it.each(cases)('%s encodes and decodes with dns-packet', (line, type, data) => {
    const record = one(line)
    const [decoded] = wireRoundTrip([toPacketAnswer(record)])
    expect(decoded).toMatchObject({ name: 'a.example.test', type, class: 'IN', ttl: 3600 })
    expect((decoded as { data: unknown }).data).toEqual(data)
  })

  it.each([
    ['HTTPS', 'a HTTPS 1 . alpn=h2,h3 port=443 ipv4hint=192.0.2.1 ipv6hint=2001:db8::1 ech=AEj+DQ==', 65],
    ['SVCB', 'a SVCB 0 svc.example.net.', 64],
    ['SVCB with mandatory and a generic key', 'a SVCB 2 t mandatory=key65000 key65000="x y" no-default-alpn alpn=h3', 64]
  ])('%s goes out as its RFC 9460 wire form', (_, line, code) => {
    const record = one(line)
    const [decoded] = wireRoundTrip([toPacketAnswer(record)])
    expect(decoded.type).toBe(`UNKNOWN_${code}`)
    expect(decodeSvcbRdata((decoded as { data: Buffer }).data)).toEqual(record.rdata)
  })

  it('every record of a realistic zone survives a dns-packet round trip', () => {
    const records = recordsOf(readFileSync(join(__dirname, '../../fixtures/zones/alias-demo.zone'), 'utf8'))
    const decoded = wireRoundTrip(records.map((r) => toPacketAnswer(r)))
    expect(decoded).toHaveLength(records.length)
    decoded.forEach((d, i) => expect((d as { ttl?: number }).ttl).toBe(records[i].ttl))
  })

  it('uses the queried owner for wildcard synthesis and 0x20 case', () => {
    const record = one('*.apps A 192.0.2.9')
    const [decoded] = wireRoundTrip([toPacketAnswer(record, 'Foo.APPS.example.test.')])
    expect(decoded.name).toBe('Foo.APPS.example.test')
    expect(toPacketAnswer(record).name).toBe('*.apps.example.test')
  })

  it('refuses names dns-packet would mangle instead of emitting a different name', () => {
    expect(() => toPacketAnswer(one('a CNAME x\\.y'))).toThrow('a label contains a dot')
    expect(() => toDnsPacketName('b\\200.example.')).toThrow('cannot encode')
    expect(toDnsPacketName('.')).toBe('.')
  })
})
