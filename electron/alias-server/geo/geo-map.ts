/**
 * The geo CDN's lookup: the longest region prefix that holds the client's subnet wins, else the
 * default set. A subnet shorter than a region's prefix does not fall inside it (RFC 7871 §7.2.1:
 * the answer may not be narrower than what the client revealed).
 */
import { parsePrefix, type GeoChoice, type GeoFile, type GeoTarget, type ParsedPrefix } from '@shared/geo'
import { canonicalName } from '../../dns/names'

interface Region {
  name: string
  prefix: ParsedPrefix
  a: string[] | undefined
  aaaa: string[] | undefined
}

interface Target {
  ttl: number
  a: string[]
  aaaa: string[]
  regions: Region[]
}

function inside(client: ParsedPrefix, region: ParsedPrefix): boolean {
  if (client.family !== region.family || client.length < region.length) return false
  const full = region.length >> 3
  for (let i = 0; i < full; i++) if (client.bytes[i] !== region.bytes[i]) return false
  const rest = region.length & 7
  if (rest === 0) return true
  const mask = (0xff << (8 - rest)) & 0xff
  return ((client.bytes[full] ?? 0) & mask) === ((region.bytes[full] ?? 0) & mask)
}

function compile(t: GeoTarget): Target {
  const regions = t.regions
    .map((r) => ({ name: r.name, prefix: parsePrefix(r.prefix)!, a: r.A, aaaa: r.AAAA }))
    .sort((x, y) => y.prefix.length - x.prefix.length)
  return { ttl: t.ttl, a: t.default.A ?? [], aaaa: t.default.AAAA ?? [], regions }
}

export class GeoMap {
  private readonly targets = new Map<string, Target>()

  constructor(readonly file: GeoFile) {
    for (const [name, t] of Object.entries(file.targets)) this.targets.set(canonicalName(name), compile(t))
  }

  has(name: string): boolean {
    return this.targets.has(name)
  }

  /** `client` is a subnet ('203.0.113.0/24') or an address; null when `name` is not a geo target. */
  choose(name: string, type: 'A' | 'AAAA', client: string): GeoChoice | null {
    const t = this.targets.get(name)
    if (!t) return null
    const subnet = parsePrefix(client.includes('/') ? client : `${client}/${client.includes(':') ? 128 : 32}`)
    if (subnet) {
      for (const r of t.regions) {
        const set = type === 'A' ? r.a : r.aaaa
        if (set && inside(subnet, r.prefix)) return { region: r.name, addresses: [...set], ttl: t.ttl, scope: r.prefix.length }
      }
    }
    // the default holds only for this subnet: a wider scope could cover a region
    return { region: 'default', addresses: [...(type === 'A' ? t.a : t.aaaa)], ttl: t.ttl, scope: subnet?.length ?? 0 }
  }
}
