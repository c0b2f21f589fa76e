/**
 * The zones the server is authoritative for, ready for lookups. Each zone is kept in its compact
 * form (compact-zone.ts); a name's RRsets are built from it when the name is first asked for and
 * kept in a bounded cache, so memory grows with the names being queried, not with the zone.
 */
import { RR_TYPES } from '@shared/dns-codes'
import { ServiceError } from '@shared/errors'
import { isAtOrBelow, joinCanonical, splitCanonical, type WildcardLookup, type Zone, type ZoneRecord } from '../zone'
import { compactZone, TOKEN_SEPARATOR, type CompactZoneData } from './compact-zone'
import { selfAndAncestors } from '../dns/names'
import type { AddressFamily } from '../convert/model'

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

/** The ALIAS set that answers `qtype` (A or AAAA) at a node, if any: one limited to other families does not. */
export function aliasFor(node: Node, qtype: number): RRset | undefined {
  const alias = node.get(RR_TYPES.ALIAS)
  if (!alias?.families) return alias
  return alias.families.includes(qtype === RR_TYPES.AAAA ? 'AAAA' : 'A') ? alias : undefined
}

export type Node = Map<number, RRset>

/** Names whose RRsets stay built; past it the cache starts over (the hot path has its own answer cache). */
const MAX_BUILT_NODES = 20_000

const isCompact = (z: Zone | CompactZoneData): z is CompactZoneData => 'nodeStart' in z

export class CompiledZone {
  readonly origin: string
  readonly soa: RRset
  /** RFC 2308 §5: min(SOA TTL, SOA MINIMUM). */
  readonly negativeTtl: number
  readonly data: CompactZoneData
  /** Names with no records but with descendants that have some (RFC 4592 empty non-terminals). */
  private readonly emptyNonTerminals: Set<string>
  private readonly cuts: Set<string>
  private readonly built = new Map<string, Node>()
  /** RRsets added or replaced after compiling (the signing keys, a bumped SOA), kept across rebuilds of the node. */
  private readonly overlay = new Map<string, RRset[]>()

  constructor(
    zone: Zone | CompactZoneData,
    readonly kind: 'static' | 'simulated' = 'static'
  ) {
    let data: CompactZoneData
    try {
      data = isCompact(zone) ? zone : compactZone(zone)
    } catch (error) {
      throw new ServiceError('bad-input', error instanceof Error ? error.message : String(error))
    }
    // Nothing here walks the records: a zone from the worker is ready to serve as it arrives.
    this.data = data
    this.origin = data.origin
    this.emptyNonTerminals = new Set(data.emptyNonTerminals)
    this.cuts = new Set(data.cuts)
    const soa = this.node(this.origin)?.get(RR_TYPES.SOA)
    if (!soa) throw new ServiceError('bad-input', `zone ${this.origin} has no SOA record at its apex`)
    this.soa = soa
    this.negativeTtl = Math.min(soa.ttl, Number(soa.records[0]!.rdata[6] ?? soa.ttl))
  }

  /** Record count (for limits and status). */
  get size(): number {
    return this.data.types.length
  }

  node(name: string): Node | undefined {
    const cached = this.built.get(name)
    if (cached) return cached
    const i = this.indexOf(name)
    if (i < 0) return undefined
    if (this.built.size >= MAX_BUILT_NODES) this.built.clear()
    const node = this.build(name, i)
    for (const set of this.overlay.get(name) ?? []) node.set(set.type, set)
    this.built.set(name, node)
    return node
  }

  /** Adds (or replaces) an RRset at a name that owns records. */
  setRRset(set: RRset): void {
    const sets = (this.overlay.get(set.owner) ?? []).filter((s) => s.type !== set.type)
    sets.push(set)
    this.overlay.set(set.owner, sets)
    this.built.get(set.owner)?.set(set.type, set)
  }

  /** Every name that owns records, in the compact form's order. */
  *names(): Iterable<string> {
    for (let i = 0; i < this.data.ownerStart.length - 1; i++) yield this.owner(i)
  }

  private owner(i: number): string {
    return this.data.ownerText.slice(this.data.ownerStart[i], this.data.ownerStart[i + 1])
  }

  /** Binary search over the sorted owners; -1 when the name owns nothing. */
  private indexOf(name: string): number {
    let lo = 0
    let hi = this.data.ownerStart.length - 2
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const owner = this.owner(mid)
      if (owner === name) return mid
      if (owner < name) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  private build(owner: string, i: number): Node {
    const d = this.data
    const node: Node = new Map()
    for (let r = d.nodeStart[i]!; r < d.nodeStart[i + 1]!; r++) {
      const code = d.types[r]!
      let set = node.get(code)
      if (!set) node.set(code, (set = { owner, type: code, ttl: d.ttls[r]!, rdata: [], texts: [], records: [] }))
      const tokens = d.tokenText.slice(d.tokenStart[r], d.tokenStart[r + 1]).split(TOKEN_SEPARATOR)
      set.ttl = Math.min(set.ttl, d.ttls[r]!)
      set.rdata.push(Buffer.from(d.rdata.buffer, d.rdata.byteOffset + d.rdataStart[r]!, d.rdataStart[r + 1]! - d.rdataStart[r]!))
      set.texts.push(tokens.join(' '))
      set.records.push({ name: owner, type: d.typeNames[d.typeIndex[r]!]!, ttl: d.ttls[r]!, class: 'IN', rdata: tokens, line: 0, column: 0 })
    }
    const families = d.aliasFamilies?.[owner]
    const alias = node.get(RR_TYPES.ALIAS)
    if (alias && families) alias.families = [...families]
    return node
  }

  private exists(name: string): boolean {
    return this.emptyNonTerminals.has(name) || name === this.origin || this.indexOf(name) >= 0
  }

  /** RFC 4592 view of a name without records of its own. */
  lookupWildcard(name: string): WildcardLookup {
    if (!isAtOrBelow(name, this.origin)) return { exists: false, emptyNonTerminal: false, closestEncloser: null, wildcardOwner: null }
    if (this.exists(name)) {
      const exists = this.indexOf(name) >= 0
      return { exists, emptyNonTerminal: !exists, closestEncloser: name, wildcardOwner: null }
    }
    const encloser = this.closestEncloser(name)
    // Below a zone cut the answer is a referral, never a synthesised record (RFC 4592 §2.2.2).
    const wildcard = joinCanonical(['*', ...splitCanonical(encloser)])
    return { exists: false, emptyNonTerminal: false, closestEncloser: encloser, wildcardOwner: this.findCut(name) === null && this.indexOf(wildcard) >= 0 ? wildcard : null }
  }

  /** The nearest existing ancestor of `name` (RFC 4592 closest encloser); the apex at the latest. */
  closestEncloser(name: string): string {
    for (const candidate of selfAndAncestors(name).slice(1)) if (this.exists(candidate)) return candidate
    return this.origin
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
}
