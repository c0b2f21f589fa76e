import { describe, expect, it } from 'vitest'
import { parseZone } from '../../../electron/zone'
import { brief, type Brief, HEADER_LINES, recordsOf, zoneWith } from './zone-test-helpers'

const r = (name: string, type: string, ttl: number, ...rdata: string[]): Brief => ({ name, type, ttl, rdata })

interface ValidCase {
  name: string
  /** Appended to the standard header unless `raw`. */
  text: string
  raw?: boolean
  options?: Parameters<typeof parseZone>[1]
  /** Records after the header (or all records when `raw`). */
  want: Brief[]
}

const DNSKEY_B64 = 'AwEAAagAIKlVZrpC6Ia7gEzahOR+9W29euxhJhVVLOyQbSEW0O8gcCjFFVQUTf6v58fLjwBd0YI0EzrAcQqBGCzh/RStIoO8g0NfnfL2MTJRkxoXbfDaUeVPQuYEhg37NZWAJQ9VnMVDxP/VHL496M/QZxkjf5/Efucp2gaDX6RS6CXpoY68LsvPVjR0ZSwzz1apAzvN9dlzEheX7ICJBBtuA6G3LQpzW5hOA2hzCTMjJPJ8LbqF6dsV6DoBQzgul0sGIcGOYl7OyQdXfZ57relSQageu+ipAdTTJ25AsRTAoub8ONGcLmqrAmRLKBP1dfwhYB4N7knNnulqQxA+Uk1ihz0='

const cases: ValidCase[] = [
  { name: 'relative owner gets the origin', text: 'www A 192.0.2.1', want: [r('www.example.test.', 'A', 3600, '192.0.2.1')] },
  { name: '@ is the origin', text: '@ 60 A 192.0.2.1', want: [r('example.test.', 'A', 60, '192.0.2.1')] },
  { name: 'absolute owner is lower-cased', text: 'WWW.Example.TEST. A 192.0.2.1', want: [r('www.example.test.', 'A', 3600, '192.0.2.1')] },
  {
    name: 'leading blank inherits the previous owner',
    text: 'host A 192.0.2.1\n\tAAAA 2001:DB8:0:0::1\n  300 TXT x',
    want: [r('host.example.test.', 'A', 3600, '192.0.2.1'), r('host.example.test.', 'AAAA', 3600, '2001:db8::1'), r('host.example.test.', 'TXT', 300, '"x"')]
  },
  {
    name: 'TTL and class in either order, TTL units',
    text: 'a 300 IN A 192.0.2.1\nb IN 300 A 192.0.2.2\nc in A 192.0.2.3\nd 1h30m A 192.0.2.4\ne 1W2D a 192.0.2.5\nf 0 A 192.0.2.6',
    want: [
      r('a.example.test.', 'A', 300, '192.0.2.1'),
      r('b.example.test.', 'A', 300, '192.0.2.2'),
      r('c.example.test.', 'A', 3600, '192.0.2.3'),
      r('d.example.test.', 'A', 5400, '192.0.2.4'),
      r('e.example.test.', 'A', 777600, '192.0.2.5'),
      r('f.example.test.', 'A', 0, '192.0.2.6')
    ]
  },
  {
    name: 'parentheses span lines, comments inside them',
    text: 'txt TXT ( "one" ; first part\n  ; a whole comment line\n  "two" ) ; trailing',
    want: [r('txt.example.test.', 'TXT', 3600, '"one"', '"two"')]
  },
  {
    name: 'quoted strings with \\" \\\\ and \\DDD escapes',
    text: 't TXT "say \\"hi\\"" "back\\\\slash" "\\065\\066;(x)" unquoted\\032word "caf\\195\\169" "\\255"',
    want: [r('t.example.test.', 'TXT', 3600, '"say \\"hi\\""', '"back\\\\slash"', '"AB;(x)"', '"unquoted word"', '"café"', '"\\255"')]
  },
  { name: 'CLASS1 is IN (RFC 3597)', text: 'g CLASS1 A 192.0.2.1', want: [r('g.example.test.', 'A', 3600, '192.0.2.1')] },
  { name: 'empty TXT string', text: 'e TXT ""', want: [r('e.example.test.', 'TXT', 3600, '""')] },
  {
    name: '$ORIGIN changes later relative names, and may itself be relative',
    text: '$ORIGIN sub.example.test.\nx A 192.0.2.1\n$ORIGIN deeper\ny A 192.0.2.2',
    want: [r('x.sub.example.test.', 'A', 3600, '192.0.2.1'), r('y.deeper.sub.example.test.', 'A', 3600, '192.0.2.2')]
  },
  { name: '$TTL changes the default', text: '$TTL 5m\nx A 192.0.2.1', want: [r('x.example.test.', 'A', 300, '192.0.2.1')] },
  {
    name: 'escaped names',
    text: 'a\\.b A 192.0.2.1\n\\065bc A 192.0.2.2\nsp\\032ace A 192.0.2.3',
    want: [r('a\\.b.example.test.', 'A', 3600, '192.0.2.1'), r('abc.example.test.', 'A', 3600, '192.0.2.2'), r('sp\\032ace.example.test.', 'A', 3600, '192.0.2.3')]
  },
  { name: 'NS', text: 'sub NS ns.other.test.', want: [r('sub.example.test.', 'NS', 3600, 'ns.other.test.')] },
  { name: 'CNAME to a relative name', text: 'www CNAME Web', want: [r('www.example.test.', 'CNAME', 3600, 'web.example.test.')] },
  { name: 'MX', text: '@ MX 10 mail\n@ MX 0 .', want: [r('example.test.', 'MX', 3600, '10', 'mail.example.test.'), r('example.test.', 'MX', 3600, '0', '.')] },
  { name: 'SRV', text: '_sip._udp SRV 10 60 5060 sip', want: [r('_sip._udp.example.test.', 'SRV', 3600, '10', '60', '5060', 'sip.example.test.')] },
  {
    name: 'CAA',
    text: '@ CAA 0 issue "ca.example.net; account=1"\n@ CAA 128 ISSUEWILD ";"',
    want: [r('example.test.', 'CAA', 3600, '0', 'issue', '"ca.example.net; account=1"'), r('example.test.', 'CAA', 3600, '128', 'issuewild', '";"')]
  },
  { name: 'PTR', text: '1 PTR host.example.test.', want: [r('1.example.test.', 'PTR', 3600, 'host.example.test.')] },
  {
    name: 'NAPTR',
    text: 'n NAPTR 100 10 "S" "SIP+D2U" "" _sip._udp\nm NAPTR 100 10 "u" "E2U+sip" "!^.*$!sip:info@example.test!" .',
    want: [
      r('n.example.test.', 'NAPTR', 3600, '100', '10', '"S"', '"SIP+D2U"', '""', '_sip._udp.example.test.'),
      r('m.example.test.', 'NAPTR', 3600, '100', '10', '"u"', '"E2U+sip"', '"!^.*$!sip:info@example.test!"', '.')
    ]
  },
  {
    name: 'DS with a digest split over lines',
    text: 'sub DS 60485 5 1 ( 2BB183AF5F22588179A53B0A\n 98631FAD1A292118 )',
    want: [r('sub.example.test.', 'DS', 3600, '60485', '5', '1', '2BB183AF5F22588179A53B0A98631FAD1A292118')]
  },
  {
    name: 'DNSKEY with the key split over lines',
    text: `@ DNSKEY 257 3 8 (\n ${DNSKEY_B64.slice(0, 100)}\n ${DNSKEY_B64.slice(100)} )`,
    want: [r('example.test.', 'DNSKEY', 3600, '257', '3', '8', DNSKEY_B64)]
  },
  {
    name: 'HTTPS and SVCB params are canonicalised (sorted, one spelling)',
    text: '@ HTTPS 1 . port=443 ALPN="h3,h2" ipv6hint=2001:DB8::1 no-default-alpn\n_x SVCB 0 Target\n_y SVCB 2 t key65000="a b" key7=/q{?dns} ech=AEj+DQ==',
    want: [
      r('example.test.', 'HTTPS', 3600, '1', '.', 'alpn=h3,h2', 'no-default-alpn', 'port=443', 'ipv6hint=2001:db8::1'),
      r('_x.example.test.', 'SVCB', 3600, '0', 'target.example.test.'),
      r('_y.example.test.', 'SVCB', 3600, '2', 't.example.test.', 'ech=AEj+DQ==', 'dohpath=/q{?dns}', 'key65000="a b"')
    ]
  },
  {
    name: 'ALIAS and ANAME take one target name',
    text: '@ ALIAS cdn.example.net.\napi ANAME cdn',
    want: [r('example.test.', 'ALIAS', 3600, 'cdn.example.net.'), r('api.example.test.', 'ANAME', 3600, 'cdn.example.test.')]
  },
  { name: 'ALIAS beside A and AAAA is allowed', text: '@ ALIAS cdn.example.net.\n@ A 192.0.2.1\n@ AAAA ::1', want: [r('example.test.', 'ALIAS', 3600, 'cdn.example.net.'), r('example.test.', 'A', 3600, '192.0.2.1'), r('example.test.', 'AAAA', 3600, '::1')] },
  {
    name: 'RFC 3597 generic data for an unknown type',
    text: 'x TYPE65534 \\# 4 ( DEAD\n beef )\ny type65000 \\# 0',
    want: [r('x.example.test.', 'TYPE65534', 3600, '\\#', '4', 'DEADBEEF'), r('y.example.test.', 'TYPE65000', 3600, '\\#', '0')]
  },
  {
    name: 'RFC 3597 data for known types becomes presentation',
    text: 'a TYPE1 \\# 4 C0000201\nb A \\# 4 C0000202\nm MX \\# 8 000A046D61696C00\nt TXT \\# 6 0568656C6C6F\nal TYPE65401 \\# 5 0363646E00',
    want: [
      r('a.example.test.', 'A', 3600, '192.0.2.1'),
      r('b.example.test.', 'A', 3600, '192.0.2.2'),
      r('m.example.test.', 'MX', 3600, '10', 'mail.'),
      r('t.example.test.', 'TXT', 3600, '"hello"'),
      r('al.example.test.', 'ALIAS', 3600, 'cdn.')
    ]
  },
  {
    name: 'HTTPS in RFC 3597 form becomes presentation',
    text: 'h HTTPS \\# 9 0001 00 0003 0002 01BB',
    want: [r('h.example.test.', 'HTTPS', 3600, '1', '.', 'port=443')]
  },
  {
    name: 'comments, blank lines, CRLF and a BOM are ignored',
    text: '; comment\r\n\r\n   ; indented comment\r\nw A 192.0.2.1 ; trailing\r\n',
    want: [r('w.example.test.', 'A', 3600, '192.0.2.1')]
  },
  {
    name: 'wildcard owner',
    text: '*.apps A 192.0.2.9',
    want: [r('*.apps.example.test.', 'A', 3600, '192.0.2.9')]
  },
  {
    name: 'origin and defaultTtl from the options',
    raw: true,
    text: '@ SOA ns1 hostmaster 1 2 3 4 5\nwww A 192.0.2.1',
    options: { origin: 'Opt.Example', defaultTtl: 120 },
    want: [r('opt.example.', 'SOA', 120, 'ns1.opt.example.', 'hostmaster.opt.example.', '1', '2', '3', '4', '5'), r('www.opt.example.', 'A', 120, '192.0.2.1')]
  },
  {
    name: 'without $TTL: the last explicit TTL carries on (RFC 1035), the SOA minimum before that',
    raw: true,
    text: 'example.test. SOA ns1.example.test. h.example.test. 1 2 3 4 1d\nexample.test. NS ns1.example.test.\na.example.test. 90 A 192.0.2.1\nb.example.test. A 192.0.2.2',
    want: [
      r('example.test.', 'SOA', 86400, 'ns1.example.test.', 'h.example.test.', '1', '2', '3', '4', '86400'),
      r('example.test.', 'NS', 86400, 'ns1.example.test.'),
      r('a.example.test.', 'A', 90, '192.0.2.1'),
      r('b.example.test.', 'A', 90, '192.0.2.2')
    ]
  },
  {
    name: 'SOA timers accept units; the origin comes from the SOA when there is no $ORIGIN',
    raw: true,
    text: 'zone.test. 1h SOA ns.zone.test. admin\\.ops.zone.test. 4294967295 2h 15m 2w 5m',
    want: [r('zone.test.', 'SOA', 3600, 'ns.zone.test.', 'admin\\.ops.zone.test.', '4294967295', '7200', '900', '1209600', '300')]
  }
]

describe('parseZone: valid input', () => {
  it.each(cases)('$name', ({ text, raw, options, want }) => {
    const records = recordsOf(raw ? `\uFEFF${text}` : zoneWith(text), options)
    const got = (raw ? records : records.filter((rec) => rec.line > HEADER_LINES)).map(brief)
    expect(got).toEqual(want)
  })

  it('records keep the line and column of their first token', () => {
    const records = recordsOf(zoneWith('www A 192.0.2.1\n   TXT ( "a"\n "b" )'))
    expect(records.slice(-2).map((x) => [x.line, x.column, x.class])).toEqual([
      [5, 1, 'IN'],
      [6, 4, 'IN']
    ])
  })

  it('the zone origin is the first $ORIGIN, lower-case with a trailing dot', () => {
    const { zone } = parseZone('$ORIGIN Example.TEST.\n@ 1 SOA a b 1 2 3 4 5\n$ORIGIN other.example.test.\nx 1 A 192.0.2.1')
    expect(zone?.origin).toBe('example.test.')
    expect(zone?.records[1].name).toBe('x.other.example.test.')
  })
})
