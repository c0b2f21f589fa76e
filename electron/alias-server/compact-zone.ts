/**
 * A zone in a compact, transferable form: typed arrays and one rdata buffer instead of an object per
 * record. A 200,000-record zone parsed into ZoneRecord objects and Maps of Maps took about 490 MB;
 * in this form the record data is a few MB, and it crosses from the loading worker to the server
 * as transferred buffers, not as a copied object graph. Records are grouped by owner.
 */
import { isAtOrBelow, joinCanonical, splitCanonical, typeCode, type Zone, type ZoneRecord } from '../zone'
import { canonical } from './names'
import { encodeName } from '../dns/wire-name'
import { decodeEscapes, unquote } from '../zone/char-strings'
import { addressRdata, recordRdata, TYPE_A, TYPE_AAAA, TYPE_ALIAS, TYPE_CNAME, TYPE_NS } from './wire/rdata'

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
}

export const TOKEN_SEPARATOR = '\u0000'

/** Zone names from the parser are canonical already; records built in code may not be. */
const canonicalFast = (name: string): string => (name.endsWith('.') && name === name.toLowerCase() && !name.includes('\\') ? name : canonical(name))

const TYPE_PTR = 12
const TYPE_MX = 15
const TYPE_TXT = 16

/** The common types encoded directly; the rest (and anything unexpected) through dns-packet. */
function fastRdata(code: number, t: string[]): Uint8Array | undefined {
  switch (code) {
    case TYPE_A:
    case TYPE_AAAA:
      return t.length === 1 ? addressRdata(code, t[0]!) : undefined
    case TYPE_NS:
    case TYPE_CNAME:
    case TYPE_PTR:
    case TYPE_ALIAS:
      return t.length === 1 ? encodeName(t[0]!) : undefined
    case TYPE_MX: {
      if (t.length !== 2 || !/^\d+$/.test(t[0]!)) return undefined
      const name = encodeName(t[1]!)
      const out = Buffer.allocUnsafe(2 + name.length)
      out.writeUInt16BE(Number(t[0]), 0)
      name.copy(out, 2)
      return out
    }
    case TYPE_TXT: {
      if (t.some((x) => x.startsWith('\\#'))) return undefined
      const strings = t.map((x) => decodeEscapes(unquote(x)))
      if (strings.some((b) => b.length > 255)) return undefined
      const out = Buffer.allocUnsafe(strings.reduce((n, b) => n + 1 + b.length, 0))
      let at = 0
      for (const b of strings) {
        out[at++] = b.length
        out.set(b, at)
        at += b.length
      }
      return out
    }
    default:
      return undefined
  }
}

export function wireRdata(code: number, record: ZoneRecord): Uint8Array {
  try {
    const fast = fastRdata(code, record.rdata)
    if (fast) return fast
  } catch {
    // not in the plain form: the general encoder says why
  }
  return recordRdata(record)
}

/** Buffers to transfer (not copy) when posting `data` between threads. */
export function transferList(data: CompactZoneData): ArrayBuffer[] {
  return [data.ownerStart, data.nodeStart, data.types, data.typeIndex, data.ttls, data.rdataStart, data.rdata, data.tokenStart].map((a) => a.buffer as ArrayBuffer)
}

export function compactZone(zone: Zone): CompactZoneData {
  const origin = canonicalFast(zone.origin)
  const nodeOf = new Map<string, number>()
  const firstSeen: string[] = []
  const typeNames: string[] = []
  const typeNameIndex = new Map<string, number>()
  const kept: { node: number; record: ZoneRecord; code: number }[] = []
  for (const record of zone.records) {
    const owner = canonicalFast(record.name)
    if (!isAtOrBelow(owner, origin)) continue
    const code = typeCode(record.type)
    if (code === null) throw new Error(`unknown record type ${record.type} at ${owner}`)
    let node = nodeOf.get(owner)
    if (node === undefined) {
      node = firstSeen.length
      nodeOf.set(owner, node)
      firstSeen.push(owner)
    }
    if (!typeNameIndex.has(record.type)) {
      typeNameIndex.set(record.type, typeNames.length)
      typeNames.push(record.type)
    }
    kept.push({ node, record, code })
  }
  // Owners sorted, so the server finds a name by binary search over one string instead of a Map of them.
  const owners = [...firstSeen].sort()
  const rank = new Uint32Array(firstSeen.length)
  owners.forEach((owner, i) => (rank[nodeOf.get(owner)!] = i))
  const ownerStart = new Uint32Array(owners.length + 1)
  for (let i = 0; i < owners.length; i++) ownerStart[i + 1] = ownerStart[i]! + owners[i]!.length
  // Counting sort by node keeps each owner's records together and in file order.
  const nodeStart = new Uint32Array(owners.length + 1)
  for (const k of kept) nodeStart[rank[k.node]! + 1]!++
  for (let i = 0; i < owners.length; i++) nodeStart[i + 1]! += nodeStart[i]!
  const order = new Array<(typeof kept)[number]>(kept.length)
  const fill = nodeStart.slice(0, owners.length)
  for (const k of kept) order[fill[rank[k.node]!]!++] = k

  const n = order.length
  const types = new Uint16Array(n)
  const typeIndex = new Uint16Array(n)
  const ttls = new Uint32Array(n)
  const rdataStart = new Uint32Array(n + 1)
  const tokenStart = new Uint32Array(n + 1)
  const tokens = new Array<string>(n)
  const parts: Uint8Array[] = new Array(n)
  const cuts = new Set<string>()
  let size = 0
  let tokenSize = 0
  for (let r = 0; r < n; r++) {
    const { record, code, node } = order[r]!
    types[r] = code
    typeIndex[r] = typeNameIndex.get(record.type)!
    ttls[r] = record.ttl
    tokens[r] = record.rdata.join(TOKEN_SEPARATOR)
    tokenStart[r] = tokenSize
    tokenSize += tokens[r]!.length
    const wire = wireRdata(code, record)
    parts[r] = wire
    rdataStart[r] = size
    size += wire.length
    if (code === TYPE_NS && firstSeen[node] !== origin) cuts.add(firstSeen[node]!)
  }
  rdataStart[n] = size
  tokenStart[n] = tokenSize
  const rdata = new Uint8Array(size)
  for (let r = 0; r < n; r++) rdata.set(parts[r]!, rdataStart[r]!)

  const originDepth = splitCanonical(origin).length
  const emptyNonTerminals = new Set<string>()
  for (const owner of owners) {
    const labels = splitCanonical(owner)
    for (let i = 1; i <= labels.length - originDepth; i++) {
      const ancestor = joinCanonical(labels.slice(i))
      if (nodeOf.has(ancestor) || emptyNonTerminals.has(ancestor)) break
      emptyNonTerminals.add(ancestor)
    }
  }
  return {
    origin,
    ownerText: owners.join(''),
    ownerStart,
    nodeStart,
    types,
    typeIndex,
    typeNames,
    ttls,
    rdataStart,
    rdata,
    tokenText: tokens.join(''),
    tokenStart,
    emptyNonTerminals: [...emptyNonTerminals],
    cuts: [...cuts]
  }
}
