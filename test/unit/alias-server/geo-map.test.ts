import { describe, expect, it } from 'vitest'
import { geoFileSchema, parsePrefix } from '@shared/geo'
import { GeoMap } from '../../../electron/alias-server/geo/geo-map'
import { GeoFileError, parseGeoText } from '../../../electron/alias-server/geo/load-geo-file'
import { readEcsData, fromSource } from '../../../electron/alias-server/geo/client-subnet'
import { AP_REGION, geoCdn } from '../../support/geo-cdn'

const FILE = geoCdn(
  AP_REGION,
  { name: 'ap-east', prefix: '203.0.113.128/25', A: ['198.51.100.78'] },
  { name: 'eu6', prefix: '2001:db8:e0::/48', AAAA: ['2001:db8:e0::77'] }
)
const geo = new GeoMap(geoFileSchema.parse(FILE))

describe('GeoMap.choose', () => {
  it('answers the region whose prefix holds the client, the longest prefix first, with its length as scope', () => {
    expect(geo.choose('cdn.example.test.', 'A', '203.0.113.9')).toMatchObject({ region: 'ap', addresses: ['198.51.100.77'], scope: 24 })
    expect(geo.choose('cdn.example.test.', 'A', '203.0.113.200/32')).toMatchObject({ region: 'ap-east', scope: 25 })
    expect(geo.choose('cdn.example.test.', 'AAAA', '2001:db8:e0:5::/56')).toMatchObject({ region: 'eu6', addresses: ['2001:db8:e0::77'], scope: 48 })
  })

  it('falls back to the default set outside every region, for a subnet wider than the region, and for a family the region lacks', () => {
    expect(geo.choose('cdn.example.test.', 'A', '198.18.0.1')).toEqual({ region: 'default', addresses: ['192.0.2.1'], ttl: 30, scope: 32 })
    expect(geo.choose('cdn.example.test.', 'A', '203.0.112.0/23')?.region).toBe('default')
    expect(geo.choose('cdn.example.test.', 'AAAA', '203.0.113.9')).toMatchObject({ region: 'default', addresses: ['2001:db8::1'] })
    expect(geo.choose('other.example.test.', 'A', '203.0.113.9')).toBeNull()
  })
})

describe('geo file validation', () => {
  it('names the path of every mistake', () => {
    const bad = '{"targets":{"cdn":{"default":{"A":["1.2.3"]},"regions":[{"name":"x","prefix":"10.0.0.0/40"}]}}}'
    expect(() => parseGeoText(bad, 'geo.json')).toThrow(GeoFileError)
    let message = ''
    try {
      parseGeoText(bad, 'geo.json')
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('targets.cdn.default.A.0: is not an IPv4 address')
    expect(message).toContain('targets.cdn.regions.0.prefix: is not a prefix')
    expect(message).toContain('"cdn" is not an absolute name')
  })

  it('reports JSON syntax errors with the file name, and refuses unknown fields and an empty target list', () => {
    expect(() => parseGeoText('{"targets": ', 'g.json')).toThrow(/^g\.json: not JSON/)
    expect(() => parseGeoText('{"targets":{}}', 'g.json')).toThrow(/name at least one target/)
    expect(() => parseGeoText('{"targets":{"a.test.":{"default":{"MX":[]}}}}', 'g.json')).toThrow(/MX/)
  })

  it('accepts the README example and fills the defaults', () => {
    const parsed = parseGeoText(JSON.stringify(FILE), 'g.json')
    expect(parsed.targets['cdn.example.test.']!.regions).toHaveLength(3)
    expect(parseGeoText('{"targets":{"a.test.":{"default":{"A":["192.0.2.9"]}}}}', 'g').targets['a.test.']).toEqual({ ttl: 30, default: { A: ['192.0.2.9'] }, regions: [] })
  })

  it('parses prefixes strictly', () => {
    expect(parsePrefix('203.0.113.0/24')).toMatchObject({ family: 4, length: 24 })
    expect(parsePrefix('2001:db8::/129')).toBeNull()
    expect(parsePrefix('203.0.113.0')).toBeNull()
    expect(parsePrefix('203.0.113.0/0x')).toBeNull()
  })
})

describe('client subnet', () => {
  it('reads ECS option data, clearing bits past the source prefix, and refuses malformed data', () => {
    const data = Buffer.from([0, 1, 24, 0, 203, 0, 113])
    expect(readEcsData(data)).toMatchObject({ subnet: '203.0.113.0/24', family: 1, ecs: true })
    expect(readEcsData(Buffer.from([0, 1, 20, 0, 203, 0, 127]))?.subnet).toBe('203.0.112.0/20')
    expect(readEcsData(Buffer.from([0, 1, 33, 0, 1, 2, 3, 4, 5]))).toBeNull()
    expect(readEcsData(Buffer.from([0, 3, 8, 0, 1]))).toBeNull()
    expect(readEcsData(Buffer.from([0, 1, 24, 0, 203]))).toBeNull()
  })

  it('uses the whole source address otherwise, unwrapping IPv4-mapped IPv6', () => {
    expect(fromSource('127.0.0.1').subnet).toBe('127.0.0.1/32')
    expect(fromSource('::ffff:203.0.113.5').subnet).toBe('203.0.113.5/32')
    expect(fromSource('::1').subnet).toBe('::1/128')
  })
})
