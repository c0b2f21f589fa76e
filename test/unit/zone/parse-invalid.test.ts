import { describe, expect, it } from 'vitest'
import { parseZone, ZoneParseError } from '../../../electron/zone'
import { zoneWith } from './zone-test-helpers'

interface InvalidCase {
  name: string
  /** Appended to the 4-line header (so its first line is line 5) unless `raw`. */
  text: string
  raw?: boolean
  line: number
  column: number
  message: string
}

const long63 = 'a'.repeat(63)
const cases: InvalidCase[] = [
  { name: 'TTL with a bad unit', text: 'www 300x IN A 192.0.2.1', line: 5, column: 5, message: '"300x" is not a TTL (expected seconds or units like 1h30m)' },
  { name: 'TTL above 2^31-1', text: 'www 2147483648 A 192.0.2.1', line: 5, column: 5, message: 'more than 2147483647' },
  { name: '$TTL with a bad value', text: '$TTL 1y', line: 5, column: 6, message: '"1y" is not a TTL' },
  { name: 'IPv4 octet out of range', text: 'www A 192.0.2.256', line: 5, column: 7, message: '"192.0.2.256" is not an IPv4 address' },
  { name: 'IPv4 with a leading zero', text: 'www A 192.0.2.01', line: 5, column: 7, message: 'is not an IPv4 address' },
  { name: 'bad IPv6', text: 'www AAAA 2001:db8::g', line: 5, column: 10, message: '"2001:db8::g" is not an IPv6 address' },
  { name: 'IPv6 with two ::', text: 'www AAAA 1::2::3', line: 5, column: 10, message: 'is not an IPv6 address' },
  { name: 'label longer than 63 octets', text: `${long63}b A 192.0.2.1`, line: 5, column: 1, message: 'is 64 octets long (max 63)' },
  {
    name: 'name longer than 255 octets',
    text: `x CNAME ${[long63, long63, long63, long63].join('.')}.`,
    line: 5,
    column: 9,
    message: 'octets long in wire form (max 255)'
  },
  { name: 'owner with a \\DDD escape above 255', text: 'a\\256b A 192.0.2.1', line: 5, column: 2, message: 'is not a valid escape' },
  { name: 'rdata name with an empty label', text: 'x CNAME a\\.x..b', line: 5, column: 9, message: '"a\\.x..b" has an empty label' },
  { name: 'escaped label longer than 63 octets', text: `x NS ${'\\065'.repeat(64)}.`, line: 5, column: 6, message: `label "${'A'.repeat(64)}" is 64 octets long (max 63)` },
  { name: 'escaped non-ASCII owner that is too long', text: `${'\\ü'.repeat(32)} A 192.0.2.1`, line: 5, column: 1, message: 'is 64 octets long (max 63)' },
  { name: 'empty label', text: 'a..b A 192.0.2.1', line: 5, column: 1, message: 'has an empty label' },
  { name: 'MX preference out of range', text: '@ MX 70000 mail', line: 5, column: 6, message: '"70000" is not a valid MX preference (expected 0-65535)' },
  { name: 'SRV port out of range', text: '_s._tcp SRV 1 1 65536 host', line: 5, column: 17, message: '"65536" is not a valid port' },
  { name: 'missing MX field', text: '@ MX 10', line: 5, column: 6, message: 'MX takes 2 fields (preference exchange), found 1' },
  { name: 'extra A field', text: 'www A 192.0.2.1 192.0.2.2', line: 5, column: 17, message: 'A takes 1 field (IPv4 address), found 2' },
  { name: 'no rdata at all', text: 'www CNAME', line: 5, column: 5, message: 'CNAME takes 1 field (target name), found 0' },
  { name: 'unknown type mnemonic', text: 'www FOO bar', line: 5, column: 5, message: '"FOO" is not a supported record type' },
  { name: 'unsupported class', text: 'www CH A 192.0.2.1', line: 5, column: 5, message: 'class CH is not supported (only IN)' },
  { name: 'missing type', text: 'www 300 IN', line: 5, column: 9, message: 'the record type is missing' },
  { name: 'meta type', text: 'www TYPE255 \\# 0', line: 5, column: 5, message: 'TYPE255 (ANY) cannot appear in zone data' },
  { name: 'unterminated quote', text: 'www TXT "abc', line: 5, column: 9, message: 'unterminated quoted string' },
  { name: 'unclosed parenthesis', text: '\n@ SOA ( ns1 hostmaster\n 1 2 3 4 5', line: 6, column: 7, message: '"(" is never closed' },
  { name: 'closing parenthesis without an opening one', text: 'www A 192.0.2.1 )', line: 5, column: 17, message: '")" without a matching "("' },
  { name: 'nested parentheses', text: 'www TXT ( ( "a" ) )', line: 5, column: 11, message: 'nested "("' },
  { name: 'bad \\DDD escape', text: 'www TXT "a\\256"', line: 5, column: 11, message: '"\\256" is not a valid escape' },
  { name: 'short \\DDD escape', text: 'w\\12x A 192.0.2.1', line: 5, column: 2, message: 'is not a valid escape' },
  { name: '$INCLUDE is refused', text: '$INCLUDE other.zone', line: 5, column: 1, message: '$INCLUDE is not supported' },
  { name: '$GENERATE is refused', text: '$GENERATE 1-10 host$ A 192.0.2.$', line: 5, column: 1, message: '$GENERATE is not supported' },
  { name: 'unknown directive', text: '$FOO bar', line: 5, column: 1, message: 'unknown directive "$FOO"' },
  { name: '$ORIGIN without argument', text: '$ORIGIN', line: 5, column: 1, message: '$ORIGIN takes exactly one argument' },
  {
    name: 'leading blank on the first record',
    raw: true,
    text: '$ORIGIN example.test.\n  A 192.0.2.1',
    line: 2,
    column: 3,
    message: 'there is no previous record'
  },
  { name: 'relative name without an origin', raw: true, text: '; no origin\nwww 300 A 192.0.2.1', line: 2, column: 1, message: 'relative name "www" needs an origin' },
  { name: 'quoted owner', text: '"www" A 192.0.2.1', line: 5, column: 1, message: 'an owner name cannot be a quoted string' },
  { name: 'quoted name in rdata', text: 'www CNAME "x"', line: 5, column: 11, message: 'target cannot be a quoted string' },
  { name: 'RFC 3597 length mismatch', text: 'x TYPE65534 \\# 3 ABCD', line: 5, column: 18, message: 'RFC 3597 length says 3 octets but the hex holds 2' },
  { name: 'RFC 3597 bad hex', text: 'x TYPE65534 \\# 2 ABZZ', line: 5, column: 18, message: '"ABZZ" is not hex' },
  { name: 'unknown type without \\#', text: 'x TYPE65534 abc', line: 5, column: 13, message: 'write its data as \\# <length> <hex>' },
  { name: 'RFC 3597 data that is not valid for the type', text: 'x A \\# 3 C00002', line: 5, column: 5, message: 'RFC 3597 data is not valid A rdata' },
  { name: 'DS digest of the wrong length', text: 'sub DS 1 8 2 ABCD', line: 5, column: 14, message: 'a digest of type 2 is 32 octets, this one is 2' },
  { name: 'DS digest not hex', text: 'sub DS 1 8 1 XYZ', line: 5, column: 14, message: 'even number of hex digits' },
  { name: 'DNSKEY protocol other than 3', text: '@ DNSKEY 256 4 8 AwEAAQ==', line: 5, column: 14, message: 'DNSKEY protocol must be 3' },
  { name: 'DNSKEY key not base64', text: '@ DNSKEY 256 3 8 not*base64', line: 5, column: 18, message: 'not valid base64' },
  { name: 'CAA bad tag', text: '@ CAA 0 is-sue "x"', line: 5, column: 9, message: '"is-sue" is not a CAA tag' },
  { name: 'CAA flags out of range', text: '@ CAA 256 issue "x"', line: 5, column: 7, message: '"256" is not a valid CAA flags (expected 0-255)' },
  { name: 'TXT string over 255 octets', text: `t TXT "${'x'.repeat(256)}"`, line: 5, column: 7, message: 'a TXT string is 256 octets long (max 255)' },
  { name: 'TXT with a stray quote', text: 't TXT ab"cd"', line: 5, column: 7, message: 'unexpected quote' },
  { name: 'NAPTR regexp and replacement together', text: 'n NAPTR 1 1 "u" "E2U+sip" "!x!y!" host', line: 5, column: 27, message: 'NAPTR regexp and replacement exclude each other' },
  { name: 'SOA with a bad serial', text: 'x SOA a b 4294967296 1 2 3 4', line: 5, column: 11, message: 'is not a valid SOA serial' },
  { name: 'SOA with a bad timer', text: 'x SOA a b 1 2x 2 3 4', line: 5, column: 13, message: 'SOA refresh: "2x" is not a TTL' },
  { name: 'SVCB key without its value', text: 's SVCB 1 . alpn', line: 5, column: 12, message: 'alpn needs a value' },
  { name: 'SVCB key twice', text: 's SVCB 1 . port=1 port=2', line: 5, column: 19, message: 'SvcParamKey port appears twice' },
  { name: 'SVCB unknown key', text: 's SVCB 1 . color=blue', line: 5, column: 12, message: '"color" is not an SvcParamKey' },
  { name: 'SVCB key65535', text: 's SVCB 1 . key65535', line: 5, column: 12, message: '"key65535" is not an SvcParamKey' },
  { name: 'SVCB mandatory names a missing key', text: 's SVCB 1 . mandatory=port alpn=h2', line: 5, column: 12, message: 'mandatory lists port, which the record does not have' },
  { name: 'SVCB mandatory lists itself', text: 's SVCB 1 . mandatory=mandatory', line: 5, column: 12, message: 'mandatory must not list itself' },
  { name: 'SVCB no-default-alpn with a value', text: 's SVCB 1 . alpn=h2 no-default-alpn=x', line: 5, column: 20, message: 'no-default-alpn takes no value' },
  { name: 'SVCB no-default-alpn without alpn', text: 's SVCB 1 . no-default-alpn', line: 5, column: 12, message: 'no-default-alpn needs an alpn param too' },
  { name: 'SVCB AliasMode with params', text: 's HTTPS 0 target alpn=h2', line: 5, column: 18, message: 'AliasMode (priority 0) takes no SvcParams' },
  { name: 'SVCB bad ipv4hint', text: 's SVCB 1 . ipv4hint=192.0.2.1,300.1.1.1', line: 5, column: 12, message: '"300.1.1.1" is not an IPv4 address' },
  { name: 'SVCB empty alpn item', text: 's SVCB 1 . alpn=h2,,h3', line: 5, column: 12, message: 'empty item' },
  { name: 'SVCB quoted param', text: 's SVCB 1 . "alpn=h2"', line: 5, column: 12, message: 'an SvcParam must be key=value' }
]

describe('parseZone: invalid input', () => {
  it.each(cases)('$name', ({ text, raw, line, column, message }) => {
    const { zone, errors } = parseZone(raw ? text : zoneWith(text))
    expect(zone).toBeUndefined()
    expect(errors.length).toBeGreaterThan(0)
    const first = errors[0]
    expect(first).toBeInstanceOf(ZoneParseError)
    expect({ line: first.line, column: first.column }).toEqual({ line, column })
    expect(first.message).toContain(message)
    expect(first.message.startsWith(`line ${line}, column ${column}: `)).toBe(true)
  })

  it('reports every bad line, in order, not just the first', () => {
    const { errors } = parseZone(zoneWith('a 300x A 192.0.2.1\nb A 192.0.2.300\nok A 192.0.2.1\nc MX x mail\nd FOO 1'))
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [5, 3],
      [6, 5],
      [8, 6],
      [9, 3]
    ])
  })

  it('reports two problems in one record', () => {
    const { errors } = parseZone(zoneWith('_s._tcp SRV 70000 1 99999 host'))
    expect(errors.map((e) => e.column)).toEqual([13, 21])
  })

  it('stops at the error cap and says so', () => {
    const body = Array.from({ length: 10 }, (_, i) => `h${i} A 192.0.2.${300 + i}`).join('\n')
    const { errors } = parseZone(zoneWith(body), { maxErrors: 3 })
    expect(errors).toHaveLength(4)
    expect(errors[3].message).toContain('too many errors (more than 3)')
  })

  it('refuses bad options', () => {
    expect(parseZone('', { origin: 'a..b' }).errors[0].message).toContain('the origin option "a..b" is not a domain name')
    expect(parseZone('', { origin: 'x.', defaultTtl: -1 }).errors[0].message).toContain('the defaultTtl option -1 is not a TTL')
  })

  it('without any origin says so', () => {
    expect(parseZone('; nothing here\n').errors.map((e) => e.message)).toEqual([
      'line 1, column 1: cannot tell the zone origin: add a $ORIGIN line or an SOA record with an absolute owner'
    ])
  })

  it('a record with no TTL anywhere is refused', () => {
    const { errors } = parseZone('$ORIGIN example.test.\nwww A 192.0.2.1')
    expect(errors[0].message).toBe('line 2, column 5: this record has no TTL: give it one or add a $TTL line before it')
  })

  it('errors serialise to JSON with their position', () => {
    const { errors } = parseZone(zoneWith('www 300x A 192.0.2.1'))
    expect(JSON.parse(JSON.stringify(errors[0]))).toEqual({
      line: 5,
      column: 5,
      message: 'line 5, column 5: "300x" is not a TTL (expected seconds or units like 1h30m)'
    })
  })
})
