import { describe, expect, it } from 'vitest'
import { normalizeName } from '../../../electron/dns/names'
import { encodeName, parsePresentationLabels, readName } from '../../../electron/dns/wire-name'
import { badInput } from './helpers'


describe('RFC 1035 §5.1 escapes in names', () => {
  it('splits labels on unescaped dots only and decodes \\DDD and \\X', () => {
    const labels = parsePresentationLabels('esc\\.dot.sp\\032ace.a\\\\b.example.')
    expect(labels.map((l) => Buffer.from(l.octets).toString('latin1'))).toEqual(['esc.dot', 'sp ace', 'a\\b', 'example'])
    expect(labels.map((l) => l.escaped)).toEqual([true, true, true, false])
    expect(parsePresentationLabels('a\\.')).toHaveLength(1)
    expect(parsePresentationLabels('.')).toEqual([])
  })

  it('names a bad escape', () => {
    expect(() => parsePresentationLabels('a\\25x.example')).toThrow(/\\DDD needs three digits/)
    expect(() => parsePresentationLabels('a\\256.example')).toThrow(/above 255/)
    expect(() => parsePresentationLabels('example\\')).toThrow(/dangling backslash/)
  })

  it('accepts escaped names as query input and shows them the way dig does', () => {
    expect(normalizeName('esc\\.dot.example')).toEqual({ ascii: 'esc\\.dot.example.', unicode: 'esc\\.dot.example.', wireLength: 17 })
    expect(normalizeName('sp\\032ace.example').ascii).toBe('sp\\032ace.example.')
    // \046 is a dot: shown as dig shows it, \.
    expect(normalizeName('esc\\046dot.example').ascii).toBe('esc\\.dot.example.')
    expect(normalizeName('\\000\\255.example').ascii).toBe('\\000\\255.example.')
    // an escaped letter is just the letter
    expect(normalizeName('\\a\\b.example').ascii).toBe('ab.example.')
  })

  it('round-trips through the wire: encodeName then readName gives the same text', () => {
    for (const text of ['esc\\.dot.example.', 'sp\\032ace.example.', 'q\\"uote\\;semi.example.', '\\000\\255.example.']) {
      expect(readName(encodeName(text), 0).name).toBe(text)
    }
  })

  it('still refuses what an escape would be needed for, and says how to write it', () => {
    expect(badInput(() => normalizeName('sp ace\\.x.example'))).toBe(
      'label 1 ("sp ace\\.x") contains (U+0020), which is not allowed in a name; write it as \\032'
    )
    expect(badInput(() => normalizeName(`${'a'.repeat(60)}\\.\\.\\.\\..example`))).toMatch(/label 1 .* is 64 octets/)
    expect(badInput(() => normalizeName('a\\999.example'))).toMatch(/above 255/)
  })
})
