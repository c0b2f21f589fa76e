/**
 * The zone byte path's records laid out as compactZone lays them out: owners sorted (plain
 * string order), each owner's records together in file order, tokens and wire rdata in that order.
 */
import { RR_TYPES } from '@shared/dns-codes'
import type { GrowBytes, GrowU32 } from './byte-buffers'
import type { CompactZoneData } from './compact-zone'
import { sortByBytes } from './owner-sort'
import type { OwnerTable } from './owner-table'

/** What the byte path reads from a zone: the compact form, the record count and the ALIAS/ANAME records. */
export interface ByteZone {
  data: CompactZoneData
  records: number
  aliases: Array<{ name: string; target: string; line: number }>
}

/** Records in file order; record k's tokens are tok[tokStart[k], tokStart[k + 1]), its wire rdata likewise. */
export interface ByteRecords {
  nodes: GrowU32
  /** Index into typeNames. */
  types: GrowU32
  ttls: GrowU32
  tok: GrowBytes
  tokStart: GrowU32
  wire: GrowBytes
  wireStart: GrowU32
  typeNames: string[]
  typeCodes: number[]
}

export function finishBytes(origin: string, table: OwnerTable, records: ByteRecords): CompactZoneData {
  const count = table.count
  const starts = table.starts
  const names = table.names.bytes
  const sorted = sortByBytes(names, starts, count)
  const rank = new Uint32Array(count)
  const ownerStart = new Uint32Array(count + 1)
  const packed = Buffer.allocUnsafe(starts[count]!)
  let packedSize = 0
  for (let i = 0; i < count; i++) {
    const node = sorted[i]!
    rank[node] = i
    for (let b = starts[node]!; b < starts[node + 1]!; b++) packed[packedSize++] = names[b]!
    ownerStart[i + 1] = packedSize
  }

  const n = records.nodes.length
  const nodes = records.nodes.values
  // Counting sort by owner rank keeps each owner's records together and in file order.
  const nodeStart = new Uint32Array(count + 1)
  for (let k = 0; k < n; k++) nodeStart[rank[nodes[k]!]! + 1]!++
  for (let i = 0; i < count; i++) nodeStart[i + 1]! += nodeStart[i]!
  const order = new Uint32Array(n)
  const fill = nodeStart.slice(0, count)
  for (let k = 0; k < n; k++) order[fill[rank[nodes[k]!]!]!++] = k

  const types = new Uint16Array(n)
  const typeIndex = new Uint16Array(n)
  const ttls = new Uint32Array(n)
  const rdataStart = new Uint32Array(n + 1)
  const tokenStart = new Uint32Array(n + 1)
  const rdata = new Uint8Array(records.wire.length)
  const tokens = new Uint8Array(records.tok.length)
  const tokBytes = records.tok.bytes
  const wireBytes = records.wire.bytes
  const tokFrom = records.tokStart.values
  const wireFrom = records.wireStart.values
  const typeOf = records.types.values
  const ttlOf = records.ttls.values
  const cuts = new Set<string>()
  const ns = RR_TYPES.NS
  let size = 0
  let tokenSize = 0
  for (let r = 0; r < n; r++) {
    const k = order[r]!
    const t = typeOf[k]!
    types[r] = records.typeCodes[t]!
    typeIndex[r] = t
    ttls[r] = ttlOf[k]!
    if (types[r] === ns) {
      const owner = table.text(nodes[k]!)
      if (owner !== origin) cuts.add(owner)
    }
    rdataStart[r] = size
    for (let i = wireFrom[k]!; i < wireFrom[k + 1]!; i++) rdata[size++] = wireBytes[i]!
    tokenStart[r] = tokenSize
    for (let i = tokFrom[k]!; i < tokFrom[k + 1]!; i++) tokens[tokenSize++] = tokBytes[i]!
  }
  rdataStart[n] = size
  tokenStart[n] = tokenSize
  return {
    origin,
    ownerText: packed.toString('latin1', 0, packedSize),
    ownerStart,
    nodeStart,
    types,
    typeIndex,
    typeNames: [...records.typeNames],
    ttls,
    rdataStart,
    rdata,
    tokenText: Buffer.from(tokens.buffer, 0, tokenSize).toString('latin1'),
    tokenStart,
    emptyNonTerminals: emptyNonTerminals(table, sorted, origin),
    cuts: [...cuts]
  }
}

/** compact-zone.ts's emptyNonTerminals over the packed octets (owners in sorted order, none with escapes). */
function emptyNonTerminals(table: OwnerTable, sorted: Uint32Array, origin: string): string[] {
  const starts = table.starts
  const bytes = table.names.bytes
  const apex = Uint8Array.from(origin, (c) => c.charCodeAt(0))
  const isApex = (from: number, to: number): boolean => {
    if (to - from !== apex.length) return false
    for (let i = 0; i < apex.length; i++) if (bytes[from + i] !== apex[i]) return false
    return true
  }
  const found = new Set<string>()
  for (let i = 0; i < sorted.length; i++) {
    const node = sorted[i]!
    let from = starts[node]!
    const to = starts[node + 1]!
    let root = to - from === 1 && bytes[from] === 0x2e
    // the parent is the text after the first dot (every owner ends in one); the apex and the root end the walk
    while (!root && !isApex(from, to)) {
      let dot = from
      while (bytes[dot] !== 0x2e) dot++
      if (dot + 1 >= to) root = true
      else from = dot + 1
      if (root ? table.has('.') : table.indexOfRange(from, to) >= 0) break
      const text = root ? '.' : table.names.text(from, to)
      if (found.has(text)) break
      found.add(text)
    }
  }
  return [...found]
}
