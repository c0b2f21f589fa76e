import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GrowBytes } from '../../../electron/alias-server/byte-buffers'
import { byteCompactZone } from '../../../electron/alias-server/zone-byte-path'
import { ipv6Rdata } from '../../../electron/alias-server/zone-byte-rdata'
import { formatIPv6, parseIPv6 } from '../../../shared/ip-text'
import { prng } from '../../support/prng'
import { FIXTURES, full, generated, generatedPlain } from './zone-generated'

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8')

describe('the zone byte path', () => {
  it('gives what the full parser gives, for every fixture zone it reads', () => {
    let read = 0
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.zone'))) {
      const text = readFileSync(join(FIXTURES, file), 'utf8')
      const byBytes = byteCompactZone(bytes(text))
      if (byBytes) expect(byBytes, file).toEqual(full(text))
      if (byBytes) read++
    }
    expect(read).toBeGreaterThanOrEqual(2)
  })

  it('agrees with the full parser on 150 plain generated zones, and reads most of them', () => {
    let read = 0
    for (let seed = 1; seed <= 150; seed++) {
      const text = generatedPlain(seed)
      const expected = full(text)
      const byBytes = byteCompactZone(bytes(text))
      if (expected.errors) {
        expect(byBytes, `seed ${seed}: the byte path read a zone the parser refuses: ${expected.errors[0]?.reason}`).toBeUndefined()
        continue
      }
      if (!byBytes) continue
      expect(byBytes, `seed ${seed}`).toEqual(expected)
      expect(Buffer.from(byBytes.data.rdata).equals(Buffer.from(expected.data!.rdata)), `seed ${seed}`).toBe(true)
      read++
    }
    expect(read).toBeGreaterThan(100)
  }, 120_000)

  it('reads the plain generated zones with CRLF line ends as with LF, and as the full parser does', () => {
    let read = 0
    for (let seed = 1; seed <= 40; seed++) {
      const text = generatedPlain(seed).replaceAll('\n', '\r\n')
      const expected = full(text)
      const byBytes = byteCompactZone(bytes(text))
      expect(byBytes, `seed ${seed}`).toEqual(byteCompactZone(bytes(generatedPlain(seed))))
      if (!byBytes) continue
      expect(byBytes, `seed ${seed}`).toEqual(expected)
      read++
    }
    expect(read).toBeGreaterThan(25)
  }, 120_000)

  it('never reads a generated zone (escapes, wildcards, every type, CRLF) otherwise than the full parser', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const text = generated(seed)
      const expected = full(text)
      const byBytes = byteCompactZone(bytes(text))
      if (byBytes || !expected.errors) expect(byBytes ?? expected, `seed ${seed}`).toEqual(expected)
      else expect(byBytes, `seed ${seed}: the byte path read a zone the parser refuses`).toBeUndefined()
    }
  }, 120_000)

  it.each([
    ['the SOA and other types through the parser\'s own per-record code', '_sip._tcp 300 SRV 0 1 443 www\n@ CAA 0 issue "letsencrypt.org"\n@ HTTPS 1 . alpn=h2,h3 ipv4hint=192.0.2.10\nwww IN 60 NAPTR 100 10 "S" "SIP+D2T" "" _sip._tcp'],
    ['records its readers refuse, likewise', 'v6 AAAA ::ffff:192.0.2.1\nmx MX 10 @\nalias ALIAS @\nc CLASS1 A 192.0.2.1'],
    ['rdata with escapes and embedded quotes, likewise', 'www TXT "v=DKIM1\\; k=rsa\\; p=MIGf" "a\\"b" "\\\\" x\\ y\\;z "caf\\195\\169"\n_s SVCB 1 svc alpn="h2,http/1.1" port=8443\nopaque TYPE65534 \\# 4 DEADBEEF'],
    ['CRLF line ends', 'www A 192.0.2.1\r\n  TXT ( "a" ; comment\r\n "b" )\r\n\r\nmail MX 10 www\r\n']
  ])('reads %s, as the full parser does', (_, lines) => {
    const text = `$ORIGIN e.test.\n$TTL 60\n@ SOA ns1 hostmaster 1 3600 600 86400 60\n@ NS ns1\n${lines}\n`
    const byBytes = byteCompactZone(bytes(text))
    expect(byBytes).toBeDefined()
    expect(byBytes).toEqual(full(text))
  })

  it('orders 5,000 random owners as the parser does (prefixes of each other, digits, case, - and _)', () => {
    const rand = prng(7)
    const chars = 'ab09-_Z'
    const lines = ['$ORIGIN sort.test.', '$TTL 60', '@ SOA ns1 h 1 1 1 1 1', '@ NS ns1']
    for (let i = 0; i < 5000; i++) {
      const labels = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => Array.from({ length: 1 + Math.floor(rand() * 6) }, () => chars[Math.floor(rand() * chars.length)]).join(''))
      lines.push(`${labels.join('.')} A 192.0.2.${i % 256}`)
    }
    const text = lines.join('\n')
    const byBytes = byteCompactZone(bytes(text))
    expect(byBytes).toBeDefined()
    expect(byBytes).toEqual(full(text))
  })

  it('reads IPv6 addresses exactly as parseIPv6 and formatIPv6 do, and refuses what they refuse', () => {
    const rand = prng(3)
    const group = (): string => (rand() < 0.4 ? '0' : Math.floor(rand() * 0x10000).toString(16)).padStart(rand() < 0.2 ? 4 : 1, '0')
    for (let i = 0; i < 3000; i++) {
      const groups = Array.from({ length: 8 }, group)
      let text = groups.join(':')
      if (rand() < 0.4) {
        const from = Math.floor(rand() * 8)
        text = `${groups.slice(0, from).join(':')}::${groups.slice(from + 1 + Math.floor(rand() * (7 - from))).join(':')}`
      }
      if (rand() < 0.1) text = text.replace(/:/, rand() < 0.5 ? ':::' : '::') + (rand() < 0.5 ? ':' : 'g')
      if (rand() < 0.3) text = text.toUpperCase()
      const tok = new GrowBytes(8)
      const wire = new GrowBytes(8)
      const src = bytes(text)
      const parsed = parseIPv6(text)
      expect(ipv6Rdata(src, 0, src.length, tok, wire), text).toBe(parsed !== null)
      if (parsed) {
        expect(tok.text(0, tok.length), text).toBe(formatIPv6(parsed))
        expect(Buffer.from(wire.bytes.subarray(0, wire.length)).equals(Buffer.from(parsed)), text).toBe(true)
      }
    }
  })

  it.each([
    ['a bad address', 'www A 192.0.2.256'],
    ['a TTL past 2^31 - 1', 'www 2147483648 A 192.0.2.1'],
    ['a bad TTL', 'www 1x A 192.0.2.1'],
    ['an unknown type', 'www FOO bar'],
    ['$INCLUDE', '$INCLUDE other.zone'],
    ['an unknown directive', '$FOO 1'],
    ['a bad escape', 'www TXT "\\999"'],
    ['a "(" never closed', 'www TXT ( "a"'],
    ['a stray ")"', 'www A 192.0.2.1 )'],
    ['an unterminated string', 'www TXT "open'],
    ['an owner with an escape', 'w\\.w A 192.0.2.1'],
    ['an escaped $ORIGIN', '$ORIGIN a\\.b.e.test.\nwww A 192.0.2.1'],
    ['an escape at the end of a line', 'www TXT a\\'],
    ['text past U+00FF from an escape', 'www TXT "\\226\\130\\172"'],
    ['a CNAME beside other data', 'www CNAME x.example.\nwww A 192.0.2.1'],
    ['two ALIAS records at one name', '@ ALIAS a.example.\n@ ALIAS b.example.'],
    ['a CNAME at the apex', '@ CNAME x.example.'],
    ['a second SOA', '@ SOA ns1 h 2 1 1 1 1'],
    ['an owner outside the zone', 'www.elsewhere. A 192.0.2.1'],
    ['an owner that only ends like the zone', 'xe.test. A 192.0.2.1'],
    ['a class other than IN', 'www CH A 192.0.2.1'],
    ['a quoted owner', '"www" A 192.0.2.1'],
    ['a raw control character in a name', 'w\u0001w A 192.0.2.1'],
    ['a NUL in a name', 'w\u0000w A 192.0.2.1'],
    ['a non-ASCII name', 'café A 192.0.2.1'],
    ['a lone CR, a line end to the parser', 'www A 192.0.2.1\rmail A 192.0.2.2'],
    ['a lone CR in a comment', '; comment\rwww A 192.0.2.1'],
    ['a lone CR in a string', 'www TXT "a\rb"'],
    ['non-ASCII in a string', 'www TXT "café"'],
    ['a label over 63 octets', `${'a'.repeat(64)} A 192.0.2.1`]
  ])('gives up on %s', (_, line) => {
    const text = `$ORIGIN e.test.\n$TTL 60\n@ SOA ns1 hostmaster 1 3600 600 86400 60\n@ NS ns1\n${line}\n`
    expect(byteCompactZone(bytes(text))).toBeUndefined()
  })

  it('gives up without an SOA, and without a TTL to give a record', () => {
    expect(byteCompactZone(bytes('$ORIGIN e.test.\n$TTL 60\n@ NS ns1\n'))).toBeUndefined()
    expect(byteCompactZone(bytes('$ORIGIN e.test.\nwww A 192.0.2.1\n@ 60 SOA ns1 h 1 1 1 1 1\n'))).toBeUndefined()
  })

  it('reads the plain zone around those lines', () => {
    const text = '$ORIGIN e.test.\n$TTL 60\n@ SOA ns1 hostmaster 1 3600 600 86400 60\n@ NS ns1\nwww A 192.0.2.1\n'
    expect(byteCompactZone(bytes(text))).toEqual(full(text))
  })
})
