/**
 * A zone in a compact, transferable form: typed arrays and one rdata buffer instead of an object per
 * record. A 200,000-record zone parsed into ZoneRecord objects and Maps of Maps took about 490 MB;
 * in this form the record data is a few MB, and it crosses from the loading worker to the server
 * as transferred buffers, not as a copied object graph. Records are grouped by owner.
 */
import { RR_TYPES } from '@shared/dns-codes'
import { isAtOrBelow, joinCanonical, splitCanonical, typeCode, type Zone, type ZoneRecord } from '../zone'
import { canonicalName } from '../dns/names'
import { wireRdata } from './compact-rdata'

export { wireRdata }

export interface CompactZoneData {
  origin: string
  /** Owner names (canonical), sorted (plain string order), packed: owner i is ownerText[ownerStart[i], ownerStart[i + 1]). */
  ownerText: string
  ownerStart: Uint32Array
  /** Node i's records are [nodeStart[i], nodeStart[i + 1]). */
  nodeStart: Uint32Array
  types: Uint16Array
  /** Index into typeNames per record. */
  typeIndex: Uint16Array
  typeNames: string[]
  ttls: Uint32Array
  /** Record r's wire rdata is rdata[rdataStart[r], rdataStart[r + 1]). */
  rdataStart: Uint32Array
  rdata: Uint8Array
  /** Record r's presentation tokens, joined by TOKEN_SEPARATOR: tokenText[tokenStart[r], tokenStart[r + 1]). */
  tokenText: string
  tokenStart: Uint32Array
  /** Names without records but with descendants that have some (RFC 4592 empty non-terminals). */
  emptyNonTerminals: string[]
  /** Delegation points (NS below the apex). */
  cuts: string[]
  /** Owners whose ALIAS covers some address families only (Route 53's per-type aliases, from the converter's readers). */
  aliasFamilies?: Record<string, Array<'A' | 'AAAA'>>
}

export const TOKEN_SEPARATOR = '\u0000'

/** Zone names from the parser are canonical already (checked without allocating); records built in code may not be. */
function canonicalFast(name: string): string {
  const n = name.length
  if (n === 0 || name.charCodeAt(n - 1) !== 0x2e) return canonicalName(name)
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i)
    if ((c >= 0x41 && c <= 0x5a) || c === 0x5c) return canonicalName(name)
    if (c >= 0x80) return name === name.toLowerCase() ? name : canonicalName(name)
  }
  return name
}

/** Buffers to transfer (not copy) when posting `data` between threads. */
export function transferList(data: CompactZoneData): ArrayBuffer[] {
  return [data.ownerStart, data.nodeStart, data.types, data.typeIndex, data.ttls, data.rdataStart, data.rdata, data.tokenStart].map((a) => a.buffer as ArrayBuffer)
}

/**
 * Takes a parsed zone's records one at a time in file order and lays them out: owners sorted, each owner's
 * records together in file order, rdata in one buffer.
 */
class CompactBuilder {
  readonly origin: string
  private readonly nodeOf = new Map<string, number>()
  private readonly firstSeen: string[] = []
  private readonly outside = new Set<string>()
  private readonly typeNames: string[] = []
  private readonly typeNameIndex = new Map<string, number>()
  private readonly typeCodes: number[] = []
  private readonly keptNodes: number[] = []
  private readonly keptTypes: number[] = []
  private readonly keptTtls: number[] = []
  private readonly keptTokens: string[] = []
  /** Wire rdata in file order: record k's is wire[wireStart[k], wireStart[k + 1]). */
  private wire = new Uint8Array(1 << 16)
  private readonly wireStart: number[] = [0]
  private lastName: string | undefined
  private lastNode = -1
  private aliasFamilies: Record<string, Array<'A' | 'AAAA'>> | undefined

  constructor(origin: string) {
    this.origin = canonicalFast(origin)
  }

  /** Adds one record and returns its owner's node; a record outside the zone is left out (-1). Throws on a type without a code. */
  add(record: ZoneRecord): number {
    let node = record.name === this.lastName ? this.lastNode : undefined
    if (node === undefined) node = this.nodeFor(record.name)
    this.lastName = record.name
    this.lastNode = node
    if (node < 0) return -1
    let typeIndex = this.typeNameIndex.get(record.type)
    if (typeIndex === undefined) {
      const code = typeCode(record.type)
      if (code === null) throw new Error(`unknown record type ${record.type} at ${this.firstSeen[node]}`)
      typeIndex = this.typeNames.length
      this.typeNameIndex.set(record.type, typeIndex)
      this.typeNames.push(record.type)
      this.typeCodes.push(code)
    }
    const code = this.typeCodes[typeIndex]!
    this.keptNodes.push(node)
    this.keptTypes.push(typeIndex)
    this.keptTtls.push(record.ttl)
    this.keptTokens.push(record.rdata.length === 1 ? record.rdata[0]! : record.rdata.join(TOKEN_SEPARATOR))
    this.pushWire(wireRdata(code, record))
    const families = (record as ZoneRecord & { alias?: { families?: Array<'A' | 'AAAA'> } }).alias?.families
    if (code === RR_TYPES.ALIAS && families) (this.aliasFamilies ??= {})[this.firstSeen[node]!] = [...families]
    return node
  }

  private nodeFor(name: string): number {
    const owner = canonicalFast(name)
    const known = this.nodeOf.get(owner)
    if (known !== undefined) return known
    if (this.outside.has(owner) || !isAtOrBelow(owner, this.origin)) {
      this.outside.add(owner)
      return -1
    }
    const node = this.firstSeen.length
    this.nodeOf.set(owner, node)
    this.firstSeen.push(owner)
    return node
  }

  private pushWire(bytes: Uint8Array): void {
    const at = this.wireStart[this.wireStart.length - 1]!
    if (at + bytes.length > this.wire.length) {
      const grown = new Uint8Array(Math.max(this.wire.length * 2, at + bytes.length))
      grown.set(this.wire.subarray(0, at))
      this.wire = grown
    }
    // Most rdata is a few octets: a plain loop beats a native call per record.
    if (bytes.length <= 32) for (let i = 0; i < bytes.length; i++) this.wire[at + i] = bytes[i]!
    else this.wire.set(bytes, at)
    this.wireStart.push(at + bytes.length)
  }

  finish(): CompactZoneData {
    const { origin, nodeOf, firstSeen, keptNodes, keptTypes, keptTtls, keptTokens, wireStart } = this
    // Owners sorted, so the server finds a name by binary search over one string instead of a Map of them.
    const owners = [...firstSeen].sort()
    const rank = new Uint32Array(firstSeen.length)
    owners.forEach((owner, i) => (rank[nodeOf.get(owner)!] = i))
    const ownerStart = new Uint32Array(owners.length + 1)
    for (let i = 0; i < owners.length; i++) ownerStart[i + 1] = ownerStart[i]! + owners[i]!.length
    // Counting sort by node keeps each owner's records together and in file order.
    const nodeStart = new Uint32Array(owners.length + 1)
    for (const node of keptNodes) nodeStart[rank[node]! + 1]!++
    for (let i = 0; i < owners.length; i++) nodeStart[i + 1]! += nodeStart[i]!
    const order = new Uint32Array(keptNodes.length)
    const fill = nodeStart.slice(0, owners.length)
    for (let k = 0; k < keptNodes.length; k++) order[fill[rank[keptNodes[k]!]!]!++] = k

    const n = order.length
    const types = new Uint16Array(n)
    const typeIndex = new Uint16Array(n)
    const ttls = new Uint32Array(n)
    const rdataStart = new Uint32Array(n + 1)
    const tokenStart = new Uint32Array(n + 1)
    const tokens = new Array<string>(n)
    const rdata = new Uint8Array(wireStart[n] ?? 0)
    const cuts = new Set<string>()
    let size = 0
    let tokenSize = 0
    for (let r = 0; r < n; r++) {
      const k = order[r]!
      types[r] = this.typeCodes[keptTypes[k]!]!
      if (types[r] === RR_TYPES.NS && firstSeen[keptNodes[k]!] !== origin) cuts.add(firstSeen[keptNodes[k]!]!)
      typeIndex[r] = keptTypes[k]!
      ttls[r] = keptTtls[k]!
      tokens[r] = keptTokens[k]!
      tokenStart[r] = tokenSize
      tokenSize += tokens[r]!.length
      const from = wireStart[k]!
      const length = wireStart[k + 1]! - from
      if (length <= 32) for (let i = 0; i < length; i++) rdata[size + i] = this.wire[from + i]!
      else rdata.set(this.wire.subarray(from, from + length), size)
      rdataStart[r] = size
      size += length
    }
    rdataStart[n] = size
    tokenStart[n] = tokenSize
    return {
      origin,
      ownerText: owners.join(''),
      ownerStart,
      nodeStart,
      types,
      typeIndex,
      typeNames: [...this.typeNames],
      ttls,
      rdataStart,
      rdata,
      tokenText: tokens.join(''),
      tokenStart,
      emptyNonTerminals: emptyNonTerminals(owners, origin, nodeOf),
      cuts: [...cuts],
      ...(this.aliasFamilies ? { aliasFamilies: this.aliasFamilies } : {})
    }
  }
}

function emptyNonTerminals(owners: readonly string[], origin: string, nodeOf: ReadonlyMap<string, number>): string[] {
  const originDepth = splitCanonical(origin).length
  const found = new Set<string>()
  for (const owner of owners) {
    if (!owner.includes('\\')) {
      // Without escapes the parent is the text after the first dot: no label arrays per owner.
      let name = owner
      while (name !== origin && name !== '.') {
        const dot = name.indexOf('.')
        name = dot + 1 >= name.length ? '.' : name.slice(dot + 1)
        if (nodeOf.has(name) || found.has(name)) break
        found.add(name)
      }
      continue
    }
    const labels = splitCanonical(owner)
    for (let i = 1; i <= labels.length - originDepth; i++) {
      const ancestor = joinCanonical(labels.slice(i))
      if (nodeOf.has(ancestor) || found.has(ancestor)) break
      found.add(ancestor)
    }
  }
  return [...found]
}

export function compactZone(zone: Zone): CompactZoneData {
  const builder = new CompactBuilder(zone.origin)
  for (const record of zone.records) builder.add(record)
  return builder.finish()
}
