/**
 * The lab's example geography for its simulated CDN: one node per region of the locality presets
 * (documentation prefixes), and a default node for everyone else. The lab's region editor starts from it,
 * and experiment 8 serves it.
 */
import type { GeoFile } from './geo'
import { SUBNET_PRESETS } from './locality'

export const GEO_DEFAULT_A = '192.0.2.1'
/** The node each preset region gets. */
export const GEO_REGION_A: Readonly<Record<'eu' | 'us' | 'ap', string>> = { eu: '192.0.2.101', us: '198.51.100.10', ap: '198.51.100.77' }

export function exampleGeo(target = 'cdn.example.test.', ttl = 30): GeoFile {
  return {
    targets: {
      [target]: {
        ttl,
        default: { A: [GEO_DEFAULT_A], AAAA: ['2001:db8::1'] },
        regions: [
          ...(['eu', 'us', 'ap'] as const).map((name) => ({ name, prefix: SUBNET_PRESETS[name]!, A: [GEO_REGION_A[name]] })),
          { name: 'ap6', prefix: SUBNET_PRESETS.ap6!, AAAA: ['2001:db8:a0::77'] }
        ]
      }
    }
  }
}
