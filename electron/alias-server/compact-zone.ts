/**
 * A zone in a compact, transferable form: typed arrays and one rdata buffer instead of an object per
 * record. A 200,000-record zone parsed into ZoneRecord objects and Maps of Maps took about 490 MB;
 * in this form the record data is a few MB, and it crosses from the loading worker to the server
 * as transferred buffers, not as a copied object graph. Records are grouped by owner.
 */
import { isAtOrBelow, joinCanonical, splitCanonical, typeCode, type Zone, type ZoneRecord } from '../zone'
import { parseIPv4, parseIPv6 } from '@shared/ip-text'
import { canonicalName } from '../dns/names'
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

const isDigits = (text: string): boolean => {
  if (text.length === 0) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return false
  }
  return true
}

const TYPE_PTR = 12
const TYPE_MX = 15
const TYPE_TXT = 16

/** The common types encoded directly; the rest (and anything unexpected) through dns-packet. */
function fastRdata(code: number, t: string[]): Uint8Array | undefined {
  switch (code) {
    case TYPE_A:
    case TYPE_AAAA:
      // Parser output is a plain literal: parse it directly; anything else takes the general path.
      return t.length === 1 ? ((code === TYPE_A ? parseIPv4(t[0]!) : parseIPv6(t[0]!)) ?? addressRdata(code, t[0]!)) : undefined
    case TYPE_NS:
    case TYPE_CNAME:
    case TYPE_PTR:
    case TYPE_ALIAS:
      return t.length === 1 ? encodeName(t[0]!) : undefined
    case TYPE_MX: {
      if (t.length !== 2 || !isDigits(t[0]!)) return undefined
      const name = encodeName(t[1]!)
      const out = Buffer.allocUnsafe(2 + name.length)
      out.writeUInt16BE(Number(t[0]), 0)
      name.copy(out, 2)
      return out
    }
    case TYPE_TXT: {
      const strings: Uint8Array[] = []
      let length = 0
      for (const x of t) {
        if (x.startsWith('\\#')) return undefined
        const b = decodeEscapes(unquote(x))
        if (b.length > 255) return undefined
        strings.push(b)
        length += 1 + b.length
      }
      const out = Buffer.allocUnsafe(length)
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
  const typeCodes: number[] = []
  const keptRecords: ZoneRecord[] = []
  const keptNodes: number[] = []
  const keptTypes: number[] = []
  const outside = new Set<string>()
  let lastName: string | undefined
  let lastNode = -1
  let aliasFamilies: Record<string, Array<'A' | 'AAAA'>> | undefined
  for (const record of zone.records) {
    let node = record.name === lastName ? lastNode : undefined
    if (node === undefined) {
      const owner = canonicalFast(record.name)
      node = nodeOf.get(owner)
      if (node !== undefined) {
        // known owner
      } else if (outside.has(owner) || !isAtOrBelow(owner, origin)) {
        outside.add(owner)
        node = -1
      } else {
        node = firstSeen.length
        nodeOf.set(owner, node)
        firstSeen.push(owner)
      }
    }
    lastName = record.name
    lastNode = node
    if (node < 0) continue
    let typeIndex = typeNameIndex.get(record.type)
    if (typeIndex === undefined) {
      const code = typeCode(record.type)
      if (code === null) throw new Error(`unknown record type ${record.type} at ${firstSeen[node]}`)
      typeIndex = typeNames.length
      typeNameIndex.set(record.type, typeIndex)
      typeNames.push(record.type)
      typeCodes.push(code)
    }
    keptRecords.push(record)
    keptNodes.push(node)
    keptTypes.push(typeIndex)
    const families = (record as ZoneRecord & { alias?: { families?: Array<'A' | 'AAAA'> } }).alias?.families
    if (typeCodes[typeIndex] === TYPE_ALIAS && families) (aliasFamilies ??= {})[firstSeen[node]!] = [...families]
  }
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
  const order = new Uint32Array(keptRecords.length)
  const fill = nodeStart.slice(0, owners.length)
  for (let k = 0; k < keptNodes.length; k++) order[fill[rank[keptNodes[k]!]!]!++] = k

  const n = order.length
  const types = new Uint16Array(n)
  const typeIndex = new Uint16Array(n)
  const ttls = new Uint32Array(n)
  const rdataStart = new Uint32Array(n + 1)
  const tokenStart = new Uint32Array(n + 1)
  const tokens = new Array<string>(n)
  let rdata = new Uint8Array(Math.max(64, n * 16))
  const cuts = new Set<string>()
  let size = 0
  let tokenSize = 0
  for (let r = 0; r < n; r++) {
    const k = order[r]!
    const record = keptRecords[k]!
    const node = keptNodes[k]!
    const code = typeCodes[keptTypes[k]!]!
    types[r] = code
    typeIndex[r] = keptTypes[k]!
    ttls[r] = record.ttl
    tokens[r] = record.rdata.length === 1 ? record.rdata[0]! : record.rdata.join(TOKEN_SEPARATOR)
    tokenStart[r] = tokenSize
    tokenSize += tokens[r]!.length
    const wire = wireRdata(code, record)
    if (size + wire.length > rdata.length) {
      const grown = new Uint8Array(Math.max(rdata.length * 2, size + wire.length))
      grown.set(rdata.subarray(0, size))
      rdata = grown
    }
    // Most rdata is a few octets: a plain loop beats a native call per record.
    if (wire.length <= 32) for (let i = 0; i < wire.length; i++) rdata[size + i] = wire[i]!
    else rdata.set(wire, size)
    rdataStart[r] = size
    size += wire.length
    if (code === TYPE_NS && firstSeen[node] !== origin) cuts.add(firstSeen[node]!)
  }
  rdataStart[n] = size
  tokenStart[n] = tokenSize
  rdata = rdata.slice(0, size)

  const originDepth = splitCanonical(origin).length
  const emptyNonTerminals = new Set<string>()
  for (const owner of owners) {
    if (!owner.includes('\\')) {
      // Without escapes the parent is the text after the first dot: no label arrays per owner.
      let name = owner
      while (name !== origin && name !== '.') {
        const dot = name.indexOf('.')
        name = dot + 1 >= name.length ? '.' : name.slice(dot + 1)
        if (nodeOf.has(name) || emptyNonTerminals.has(name)) break
        emptyNonTerminals.add(name)
      }
      continue
    }
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
    cuts: [...cuts],
    ...(aliasFamilies ? { aliasFamilies } : {})
  }
}
