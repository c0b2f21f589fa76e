import type { GeoFile, GeoRegion } from '@shared/geo'
import type { Zone } from '../../electron/zone'
import { zoneHead, zoneOf } from '../integration/alias-server/support/zones'

/** The Asia-Pacific region of the geo tests (IPv4), and its IPv6 twin. */
export const AP_REGION: GeoRegion = { name: 'ap', prefix: '203.0.113.0/24', A: ['198.51.100.77'] }
export const AP6_REGION: GeoRegion = { name: 'ap6', prefix: '2001:db8:a0::/48', AAAA: ['2001:db8:a0::77'] }

/** The simulated geo CDN the tests share: cdn.example.test. (TTL 30), a default node and `regions`. */
export function geoCdn(...regions: GeoRegion[]): GeoFile {
  return { targets: { 'cdn.example.test.': { ttl: 30, default: { A: ['192.0.2.1'], AAAA: ['2001:db8::1'] }, regions } } }
}

/** example.test. with its apex an ALIAS (TTL 60) to the geo CDN's name. */
export function geoApexZone(): Zone {
  return zoneOf([zoneHead('example.test.', 3600, 60), '@ 60 IN ALIAS cdn.example.test.'].join('\n'))
}
