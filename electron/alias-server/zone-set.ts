/**
 * The zones the server is authoritative for, compiled for lookups: RRsets by owner and type code
 * with their RDATA already in wire form, the SOA and negative TTL, and the delegation points.
 */
import { ServiceError } from '../api/service-error'
import { buildIndex, isAtOrBelow, typeCode, type WildcardLookup, type Zone, type ZoneIndex, type ZoneRecord } from '../zone'
import { canonical, selfAndAncestors } from './names'
import type { AddressFamily } from '../convert/model'
import { recordRdata, TYPE_AAAA, TYPE_ALIAS, TYPE_NS, TYPE_SOA } from './wire/rdata'

export interface RRset {
  owner: string
  type: number
  /** The smallest TTL of the set (RFC 2181 §5.2). */
  ttl: number
  rdata: Buffer[]
  /** Presentation of each record's RDATA. */
  texts: string[]
  records: ZoneRecord[]
  /** An ALIAS for some address families only (Route 53 aliases each record type on its own); absent: both. */
  families?: AddressFamily[]
}

/** A record as the converter's readers give it: an alias may name the families it covers. */
type ServedRecord = ZoneRecord & { alias?: { families?: AddressFamily[] } }

/** The ALIAS set that answers `qtype` (A or AAAA) at a node, if any: one limited to other families does not. */
export function aliasFor(node: Node, qtype: number): RRset | undefined {
  const alias = node.get(TYPE_ALIAS)
  if (!alias?.families) return alias
  return alias.families.includes(qtype === TYPE_AAAA ? 'AAAA' : 'A') ? alias : undefined
}

export type Node = Map<number, RRset>

export class CompiledZone {
  readonly origin: string
  readonly nodes = new Map<string, Node>()
  readonly soa: RRset
  /** RFC 2308 §5: min(SOA TTL, SOA MINIMUM). */
  readonly negativeTtl: number
  private readonly index: ZoneIndex
  private readonly cuts = new Set<string>()

  constructor(
    zone: Zone,
    readonly kind: 'static' | 'simulated' = 'static'
  ) {
    this.origin = canonical(zone.origin)
    this.index = buildIndex(zone)
    for (const record of zone.records) {
      const owner = canonical(record.name)
      if (!isAtOrBelow(owner, this.origin)) continue
      const code = typeCode(record.type)
      if (code === null) throw new ServiceError('bad-input', `unknown record type ${record.type} at ${owner}`)
      let node = this.nodes.get(owner)
      if (!node) this.nodes.set(owner, (node = new Map()))
      let set = node.get(code)
      if (!set) node.set(code, (set = { owner, type: code, ttl: record.ttl, rdata: [], texts: [], records: [] }))
      set.ttl = Math.min(set.ttl, record.ttl)
      set.rdata.push(recordRdata(record))
      set.texts.push(record.rdata.join(' '))
      set.records.push(record)
      const families = (record as ServedRecord).alias?.families
      if (code === TYPE_ALIAS && families) set.families = [...families]
      if (code === TYPE_NS && owner !== this.origin) this.cuts.add(owner)
    }
    const soa = this.nodes.get(this.origin)?.get(TYPE_SOA)
    if (!soa) throw new ServiceError('bad-input', `zone ${this.origin} has no SOA record at its apex`)
    this.soa = soa
    this.negativeTtl = Math.min(soa.ttl, Number(soa.records[0]!.rdata[6] ?? soa.ttl))
  }

  node(name: string): Node | undefined {
    return this.nodes.get(name)
  }

  /** RFC 4592 view of a name without records of its own. */
  lookupWildcard(name: string): WildcardLookup {
    return this.index.lookupWildcard(name)
  }

  /** The highest delegation point at or above `name` (below the apex), or null. */
  findCut(name: string): string | null {
    if (this.cuts.size === 0) return null
    const chain = selfAndAncestors(name)
    for (let i = chain.length - 1; i >= 0; i--) if (this.cuts.has(chain[i]!)) return chain[i]!
    return null
  }
}

export class ZoneSet {
  private readonly byOrigin = new Map<string, CompiledZone>()

  constructor(zones: CompiledZone[]) {
    for (const zone of zones) {
      if (this.byOrigin.has(zone.origin)) throw new ServiceError('bad-input', `zone ${zone.origin} is given twice`)
      this.byOrigin.set(zone.origin, zone)
    }
  }

  /** The most specific zone that holds `name`, or null. */
  find(name: string): CompiledZone | null {
    for (const candidate of selfAndAncestors(name)) {
      const zone = this.byOrigin.get(candidate)
      if (zone) return zone
    }
    return null
  }

  origins(): string[] {
    return [...this.byOrigin.keys()]
  }
}
