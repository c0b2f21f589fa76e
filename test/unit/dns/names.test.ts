import { describe, expect, it } from 'vitest'
import { namesEqual, normalizeName, randomizeCase, toUnicodeName } from '../../../electron/dns/names'
import { typeName } from '@shared/dns-codes'
import { parseQueryType } from '../../../electron/dns/rr-types'
import { badInput } from './helpers'


describe('normalizeName', () => {
  it('makes names absolute and counts wire octets', () => {
    expect(normalizeName('example.com')).toEqual({ ascii: 'example.com.', unicode: 'example.com.', wireLength: 13 })
    expect(normalizeName('example.com.').ascii).toBe('example.com.')
    expect(normalizeName('.')).toEqual({ ascii: '.', unicode: '.', wireLength: 1 })
  })

  it('converts IDN labels to A-labels (UTS 46, non-transitional) and shows both forms', () => {
    const n = normalizeName('München.Example')
    expect(n.ascii).toBe('xn--mnchen-3ya.Example.')
    expect(n.unicode).toBe('münchen.Example.')
    expect(normalizeName('faß.de').ascii).toBe('xn--fa-hia.de.')
    expect(normalizeName('xn--mnchen-3ya.de').unicode).toBe('münchen.de.')
  })

  it('treats ideographic full stops as separators', () => {
    expect(normalizeName('例え。テスト').ascii).toBe('xn--r8jz45g.xn--zckzah.')
    expect(normalizeName('example．com').ascii).toBe('example.com.')
  })

  it('keeps numeric labels as labels (no IPv4 parsing) and allows service/wildcard/RFC 2317 labels', () => {
    expect(normalizeName('1.2.3.4').ascii).toBe('1.2.3.4.')
    expect(normalizeName('_443._tcp.example').ascii).toBe('_443._tcp.example.')
    expect(normalizeName('*.example').ascii).toBe('*.example.')
    expect(normalizeName('0/25.2.0.192.in-addr.arpa').ascii).toBe('0/25.2.0.192.in-addr.arpa.')
  })

  it('names the offending label and the reason', () => {
    const long = 'x'.repeat(70)
    expect(badInput(() => normalizeName(`a.${long}.com`))).toBe(
      `label 2 ("${'x'.repeat(20)}…") is 70 octets; at most 63 are allowed`
    )
    expect(badInput(() => normalizeName('a..b'))).toMatch(/^label 2 is empty/)
    expect(badInput(() => normalizeName('.a'))).toMatch(/^label 1 is empty/)
    expect(badInput(() => normalizeName('exa mple.com'))).toBe(
      `label 1 ("exa mple") contains (U+0020), which is not allowed in a name`
    )
    expect(badInput(() => normalizeName('a.b@c'))).toMatch(/label 2 \("b@c"\) contains '@'/)
    expect(badInput(() => normalizeName('  '))).toBe('the name is empty')
    expect(badInput(() => normalizeName('a*.example'))).toMatch(/label 1/)
  })

  it('rejects names over 255 octets on the wire', () => {
    const name = Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.')
    expect(badInput(() => normalizeName(name))).toBe('the name is 306 octets on the wire; at most 255 are allowed')
    // 4 × 63-octet labels = 4 × 64 + 1 = 257
    expect(badInput(() => normalizeName(Array(4).fill('b'.repeat(63)).join('.')))).toMatch(/257 octets/)
    expect(normalizeName([...Array(3).fill('b'.repeat(63)), 'c'.repeat(61)].join('.')).wireLength).toBe(255)
  })

  it('rejects IDN labels whose A-label exceeds 63 octets', () => {
    expect(badInput(() => normalizeName(`${'ü'.repeat(60)}.de`))).toMatch(/^label 1 \(".*"\) is \d+ octets/)
  })

  it('rejects labels UTS 46 cannot map', () => {
    expect(badInput(() => normalizeName('a.\u00ad\u200b'))).toMatch(/label 2/)
  })
})

describe('toUnicodeName / randomizeCase / namesEqual', () => {
  it('leaves labels that are not valid punycode as they are', () => {
    expect(toUnicodeName('xn--zz.example.')).toBe('xn--zz.example.')
  })

  it('0x20 keeps the name equal ignoring case, and does change case', () => {
    const name = 'abcdefghijklmnopqrstuvwxyz.example.'
    const variants = new Set(Array.from({ length: 10 }, () => randomizeCase(name)))
    for (const v of variants) expect(namesEqual(v, name, false)).toBe(true)
    expect(variants.size).toBeGreaterThan(1)
    expect(randomizeCase('123-_.')).toBe('123-_.')
  })

  it('compares case-insensitively for ASCII only, exactly under 0x20', () => {
    expect(namesEqual('ExAmple.', 'example.', false)).toBe(true)
    expect(namesEqual('ExAmple.', 'example.', true)).toBe(false)
    expect(namesEqual('example.', 'example.com.', false)).toBe(false)
  })
})

describe('query types', () => {
  it('parses mnemonics, TYPEnnn and numbers', () => {
    expect(parseQueryType('a')).toBe(1)
    expect(parseQueryType('HTTPS')).toBe(65)
    expect(parseQueryType('svcb')).toBe(64)
    expect(parseQueryType('ALIAS')).toBe(65401)
    expect(parseQueryType('TYPE65534')).toBe(65534)
    expect(parseQueryType('65534')).toBe(65534)
    expect(parseQueryType(28)).toBe(28)
  })

  it('rejects unknown and non-queryable types', () => {
    expect(badInput(() => parseQueryType('FOO'))).toMatch(/unknown record type "FOO"/)
    expect(badInput(() => parseQueryType('TYPE70000'))).toMatch(/unknown record type/)
    expect(badInput(() => parseQueryType('AXFR'))).toMatch(/zone transfers/)
    expect(badInput(() => parseQueryType(41))).toMatch(/OPT/)
  })

  it('names unknown types RFC 3597 style', () => {
    expect(typeName(65534)).toBe('TYPE65534')
    expect(typeName(65401)).toBe('ALIAS')
    expect(typeName(65)).toBe('HTTPS')
  })
})
