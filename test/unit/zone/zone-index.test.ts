import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildIndex, parseZone, type WildcardLookup } from '../../../electron/zone'
import { zoneWith } from './zone-test-helpers'

const fixture = parseZone(readFileSync(join(__dirname, '../../fixtures/zones/alias-demo.zone'), 'utf8')).zone!
const index = buildIndex(fixture)

describe('ZoneIndex', () => {
  it('get is case-insensitive and takes names with or without the trailing dot', () => {
    expect(index.get('CDN.Example.Test', 'a').map((r) => r.rdata[0])).toEqual(['198.51.100.7', '198.51.100.8'])
    expect(index.get('cdn.example.test.').map((r) => r.type)).toEqual(['A', 'A', 'AAAA'])
    expect(index.get('nope.example.test.')).toEqual([])
  })

  it('get returns a copy the caller may change', () => {
    index.get('cdn.example.test.').length = 0
    expect(index.get('cdn.example.test.')).toHaveLength(3)
  })

  it('apex holds ALIAS and its static fallback together', () => {
    expect(index.get('example.test.', 'ALIAS')[0].rdata).toEqual(['cdn.example.test.'])
    expect(index.get('EXAMPLE.TEST', 'A')[0].rdata).toEqual(['192.0.2.10'])
  })

  it('hasName is true only for owners', () => {
    expect(index.hasName('WWW.example.test')).toBe(true)
    expect(index.hasName('sub.example.test.')).toBe(false)
  })

  it('namesUnder lists descendants in canonical order', () => {
    expect(index.namesUnder('sub.example.test.')).toEqual(['deep.sub.example.test.'])
    expect(index.namesUnder('apps.example.test')).toEqual(['*.apps.example.test.'])
    // RFC 4034 §6.1: compare from the rightmost label, octet by octet ('_' < 'a', '*' < letters).
    expect(index.namesUnder('example.test.')).toEqual([
      '_svc.example.test.',
      '_https._tcp.example.test.',
      'api.example.test.',
      '*.apps.example.test.',
      'cdn.example.test.',
      'mail.example.test.',
      'ns1.example.test.',
      'opaque.example.test.',
      'deep.sub.example.test.',
      'svc-host.example.test.',
      'www.example.test.'
    ])
  })

  const lookups: [string, string, WildcardLookup][] = [
    ['a name with records', 'www.example.test', { exists: true, emptyNonTerminal: false, closestEncloser: 'www.example.test.', wildcardOwner: null }],
    ['an empty non-terminal', 'sub.example.test.', { exists: false, emptyNonTerminal: true, closestEncloser: 'sub.example.test.', wildcardOwner: null }],
    ['a wildcard match', 'foo.apps.example.test.', { exists: false, emptyNonTerminal: false, closestEncloser: 'apps.example.test.', wildcardOwner: '*.apps.example.test.' }],
    [
      'a wildcard match two labels deep',
      'a.b.APPS.example.test.',
      { exists: false, emptyNonTerminal: false, closestEncloser: 'apps.example.test.', wildcardOwner: '*.apps.example.test.' }
    ],
    ['the wildcard owner itself', '*.apps.example.test.', { exists: true, emptyNonTerminal: false, closestEncloser: '*.apps.example.test.', wildcardOwner: null }],
    [
      'no wildcard below an existing name (closest encloser blocks it)',
      'x.deep.sub.example.test.',
      { exists: false, emptyNonTerminal: false, closestEncloser: 'deep.sub.example.test.', wildcardOwner: null }
    ],
    ['no wildcard at the apex', 'nothing.example.test.', { exists: false, emptyNonTerminal: false, closestEncloser: 'example.test.', wildcardOwner: null }],
    ['outside the zone', 'www.example.net.', { exists: false, emptyNonTerminal: false, closestEncloser: null, wildcardOwner: null }]
  ]

  it.each(lookups)('lookupWildcard: %s', (_, name, want) => {
    expect(index.lookupWildcard(name)).toEqual(want)
  })

  it('an ENT blocks the wildcard above it (RFC 4592 §2.2.2)', () => {
    const zone = parseZone(zoneWith('* TXT "w"\nb.ent A 192.0.2.1')).zone!
    const idx = buildIndex(zone)
    expect(idx.lookupWildcard('x.ent.example.test.').wildcardOwner).toBeNull()
    expect(idx.lookupWildcard('x.example.test.').wildcardOwner).toBe('*.example.test.')
  })

  it('no synthesis below a delegation', () => {
    const zone = parseZone(zoneWith('child NS ns.other.net.\n*.child TXT "below the cut"')).zone!
    expect(buildIndex(zone).lookupWildcard('x.child.example.test.').wildcardOwner).toBeNull()
  })
})
