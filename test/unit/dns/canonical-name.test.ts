import { describe, expect, it } from 'vitest'
import { canonicalName, displayName, isAtOrBelow, sameName, selfAndAncestors, typedName } from '../../../electron/dns/names'

describe('canonicalName', () => {
  it.each([
    ['Example.COM', 'example.com.'],
    ['example.com.', 'example.com.'],
    ['', '.'],
    ['.', '.'],
    ['A\\065.test', 'aa.test.'],
    ['a\\.', 'a\\..'],
    ['sp\\032ace.test.', 'sp\\032ace.test.']
  ])('%s → %s', (input, canonical) => {
    expect(canonicalName(input)).toBe(canonical)
  })

  it('compares names whatever their case and final dot', () => {
    expect(sameName('WWW.example.com', 'www.Example.com.')).toBe(true)
    expect(sameName('www.example.com', 'www.example.net')).toBe(false)
  })
})

describe('typedName', () => {
  it('keeps U-labels as typed, lower-cased, and drops blanks', () => {
    expect(typedName(' München.DE ')).toBe('münchen.de.')
    expect(typedName(' WWW.Example ')).toBe('www.example.')
  })
})

describe('ancestors', () => {
  it('tests and lists ancestors on label boundaries', () => {
    expect(isAtOrBelow('a.example.com.', 'example.com.')).toBe(true)
    expect(isAtOrBelow('aexample.com.', 'example.com.')).toBe(false)
    expect(selfAndAncestors('a.b.')).toEqual(['a.b.', 'b.', '.'])
    expect(displayName('a.b.')).toBe('a.b')
  })
})
