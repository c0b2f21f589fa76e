/** The hand-written IPv4/IPv6 parsers and the plain-name encoder keep the strict rules of the generic ones. */
import { describe, expect, it } from 'vitest'
import { formatIPv6, parseIPv4, parseIPv6 } from '@shared/ip-text'
import { encodeName } from '../../../electron/dns/wire-name'

const hex = (b: Uint8Array | null): string | null => (b ? Buffer.from(b).toString('hex') : null)

describe('parseIPv4', () => {
  it('takes dotted quads and refuses leading zeros, big parts and stray characters', () => {
    expect(Array.from(parseIPv4('10.0.255.1')!)).toEqual([10, 0, 255, 1])
    expect(Array.from(parseIPv4('0.0.0.0')!)).toEqual([0, 0, 0, 0])
    for (const bad of ['010.0.0.1', '1.2.3.256', '1.2.3', '1.2.3.4.5', '1.2.3.4 ', '1..2.3', '1.2.3.', 'a.b.c.d', '', '1.2.3.1234']) {
      expect(parseIPv4(bad), bad).toBeNull()
    }
  })
})

describe('parseIPv6', () => {
  it('expands "::" wherever it stands and accepts an embedded IPv4 tail', () => {
    expect(hex(parseIPv6('::'))).toBe('0'.repeat(32))
    expect(hex(parseIPv6('::1'))).toBe('0'.repeat(31) + '1')
    expect(hex(parseIPv6('1::'))).toBe('0001' + '0'.repeat(28))
    expect(hex(parseIPv6('2001:DB8::a:b'))).toBe('20010db8' + '0'.repeat(16) + '000a000b')
    expect(hex(parseIPv6('1:2:3:4:5:6:7:8'))).toBe('00010002000300040005000600070008')
    expect(hex(parseIPv6('::ffff:1.2.3.4'))).toBe('0'.repeat(20) + 'ffff01020304')
  })

  it('refuses empty groups, a second "::", too many or too long groups and other characters', () => {
    for (const bad of ['', ':', ':1', '1:', '1:::2', '::1::2', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::8', '12345::', 'g::1', '1::2%eth0', '1:2:3:4:5:6:7', '::1.2.3']) {
      expect(parseIPv6(bad), bad).toBeNull()
    }
  })

  it('formats per RFC 5952 and reads its own output back', () => {
    for (const text of ['::', '::1', '2001:db8::1', '1:0:0:2::3', '1:0:2:0:3:0:4:0', 'ffff::', '1:2:3:4:5:6:7:8']) {
      const bytes = parseIPv6(text)!
      expect(formatIPv6(bytes)).toBe(text)
    }
    expect(formatIPv6(parseIPv6('1:0:0:2:0:0:0:3')!)).toBe('1:0:0:2::3')
  })
})

describe('encodeName', () => {
  it('encodes plain and escaped names alike and keeps its errors', () => {
    expect(encodeName('mail.Big.test.').toString('hex')).toBe(Buffer.from('\x04mail\x03Big\x04test\x00', 'latin1').toString('hex'))
    expect(encodeName('a').toString('hex')).toBe('016100')
    expect(encodeName('.').toString('hex')).toBe('00')
    expect(encodeName('a\\.b.').toString('hex')).toBe('03612e6200')
    expect(() => encodeName('a..b.')).toThrow('empty label in name "a..b."')
    expect(() => encodeName(`${'x'.repeat(64)}.`)).toThrow('label longer than 63 octets')
    expect(() => encodeName(`${Array(64).fill('abc').join('.')}.`)).toThrow('longer than 255 octets')
  })
})
