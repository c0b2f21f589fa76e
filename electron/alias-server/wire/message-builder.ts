/**
 * Builds a complete response (ID 0, question lower-case) from records whose RDATA is already in
 * wire form. Owner names are compressed against the question and earlier owners, so an owner equal
 * to the query name becomes a pointer to offset 12 and takes the client's case once the question is
 * patched in. RDATA names are never compressed (always allowed, RFC 3597 §4).
 */
import { EDNS_OPTIONS, RR_TYPES } from '@shared/dns-codes'
import { nameToWire } from '../../dns/names'

/** Where a record's TTL comes from when it counts down: a target cache entry and a cap. */
export interface TtlSource {
  readonly version: number
  /** `addressTtl`: the address set's own TTL (`ttl` is the lowest along the chain). */
  readonly data: { readonly ttl: number; readonly addressTtl?: number; readonly fetchedAt: number } | null
}

export interface DynamicTtl {
  source: TtlSource
  /** The smallest in-zone TTL on the way (ALIAS, CNAMEs), or the zone's negative TTL. */
  cap: number
}

export interface WireRecord {
  /** Canonical owner name. */
  owner: string
  type: number
  ttl: number
  rdata: Buffer
  /** Presentation of the RDATA, for the query log. */
  text: string
  dynamic?: DynamicTtl
}

export interface Ede {
  code: number
  text: string
}

export interface MessageParts {
  /** Canonical question name and its (lower-case) wire form. */
  qname: string
  qnameWire: Buffer
  qtype: number
  qclass: number
  aa: boolean
  /** Up to 12 bits; the upper 8 travel in the OPT record. */
  rcode: number
  answer: WireRecord[]
  authority: WireRecord[]
  additional: WireRecord[]
  /** Optional Additional records after `additional`: a response may end before any of their RRsets. */
  extra?: WireRecord[]
  /** null: the query had no EDNS. */
  opt: { udpSize: number; dnssecOk: boolean; ede: Ede[]; /** Raw EDNS options after the EDEs (e.g. ECS). */ options?: Array<{ code: number; data: Buffer }> } | null
}

export interface BuiltMessage {
  wire: Buffer
  questionEnd: number
  /** Offset of the OPT record (always last), or -1. */
  optStart: number
  /** Offsets of TTL fields that count down, with where their value comes from. */
  dynamic: Array<{ offset: number; ttl: DynamicTtl }>
  /** Offset of the first record's TTL (answer, else authority), or -1. */
  firstTtl: number
  /** Where the message may end to leave out optional records: after `count` of them (whole RRsets). */
  extraCuts: Array<{ end: number; count: number }>
}

export function buildMessage(parts: MessageParts): BuiltMessage {
  const edeBytes = (parts.opt?.ede ?? []).map((e) => Buffer.from(e.text.slice(0, 300), 'utf8'))
  let size = 12 + parts.qnameWire.length + 4
  const extra = parts.extra ?? []
  for (const r of [...parts.answer, ...parts.authority, ...parts.additional, ...extra]) size += 256 + 10 + r.rdata.length
  size += 11 + edeBytes.reduce((n, b) => n + 6 + b.length, 0) + (parts.opt?.options ?? []).reduce((n, o) => n + 4 + o.data.length, 0)
  const out = Buffer.alloc(size)
  out[2] = 0x80 | (parts.aa ? 0x04 : 0)
  out[3] = parts.rcode & 0x0f
  out.writeUInt16BE(1, 4)
  out.writeUInt16BE(parts.answer.length, 6)
  out.writeUInt16BE(parts.authority.length, 8)
  out.writeUInt16BE(parts.additional.length + extra.length + (parts.opt ? 1 : 0), 10)
  parts.qnameWire.copy(out, 12)
  let p = 12 + parts.qnameWire.length
  out.writeUInt16BE(parts.qtype, p)
  out.writeUInt16BE(parts.qclass, p + 2)
  p += 4
  const questionEnd = p

  const suffixes = new Map<string, number>()
  const remember = (wire: Buffer, at: number): void => {
    for (let i = 0; wire[i] !== 0 && at + i < 0x3fff; i += wire[i]! + 1) {
      const key = wire.toString('latin1', i)
      if (!suffixes.has(key)) suffixes.set(key, at + i)
    }
  }
  remember(parts.qnameWire, 12)
  const dynamic: BuiltMessage['dynamic'] = []
  let firstTtl = -1

  const writeRecord = (r: WireRecord): void => {
    const wire = nameToWire(r.owner)
    let i = 0
    let pointer = -1
    for (; wire[i] !== 0; i += wire[i]! + 1) {
      const found = suffixes.get(wire.toString('latin1', i))
      if (found !== undefined) {
        pointer = found
        break
      }
    }
    const start = p
    wire.copy(out, p, 0, i)
    p += i
    if (pointer >= 0) {
      out.writeUInt16BE(0xc000 | pointer, p)
      p += 2
    } else {
      out[p++] = 0
    }
    remember(wire.subarray(0, wire.length), start)
    out.writeUInt16BE(r.type, p)
    out.writeUInt16BE(1, p + 2)
    out.writeUInt32BE(r.ttl >>> 0, p + 4)
    if (firstTtl < 0) firstTtl = p + 4
    if (r.dynamic) dynamic.push({ offset: p + 4, ttl: r.dynamic })
    out.writeUInt16BE(r.rdata.length, p + 8)
    r.rdata.copy(out, p + 10)
    p += 10 + r.rdata.length
  }
  for (const r of parts.answer) writeRecord(r)
  for (const r of parts.authority) writeRecord(r)
  const recordsBeforeAdditional = parts.answer.length + parts.authority.length
  for (const r of parts.additional) writeRecord(r)
  const extraCuts: BuiltMessage['extraCuts'] = []
  extra.forEach((r, i) => {
    const previous = extra[i - 1]
    if (!previous || previous.owner !== r.owner || previous.type !== r.type) extraCuts.push({ end: p, count: i })
    writeRecord(r)
  })
  if (extra.length > 0) extraCuts.push({ end: p, count: extra.length })
  if (recordsBeforeAdditional === 0) firstTtl = -1

  let optStart = -1
  if (parts.opt) {
    optStart = p
    out[p] = 0
    out.writeUInt16BE(RR_TYPES.OPT, p + 1)
    out.writeUInt16BE(parts.opt.udpSize, p + 3)
    out[p + 5] = (parts.rcode >> 4) & 0xff
    out[p + 6] = 0
    out.writeUInt16BE(parts.opt.dnssecOk ? 0x8000 : 0, p + 7)
    const rdlenAt = p + 9
    p += 11
    parts.opt.ede.forEach((e, k) => {
      const text = edeBytes[k]!
      out.writeUInt16BE(EDNS_OPTIONS.EDE, p)
      out.writeUInt16BE(2 + text.length, p + 2)
      out.writeUInt16BE(e.code, p + 4)
      text.copy(out, p + 6)
      p += 6 + text.length
    })
    for (const o of parts.opt.options ?? []) {
      out.writeUInt16BE(o.code, p)
      out.writeUInt16BE(o.data.length, p + 2)
      o.data.copy(out, p + 4)
      p += 4 + o.data.length
    }
    out.writeUInt16BE(p - rdlenAt - 2, rdlenAt)
  }
  return { wire: Buffer.from(out.subarray(0, p)), questionEnd, optStart, dynamic, firstTtl, extraCuts }
}

/**
 * Which cut of `built.extraCuts` gives the longest form that fits `limit` by leaving out optional
 * Additional RRsets (no TC: RFC 2181 §9), or -1 when even the required records do not fit.
 */
export function fittingCut(built: BuiltMessage, limit: number): number {
  const optLength = built.optStart >= 0 ? built.wire.length - built.optStart : 0
  for (let i = built.extraCuts.length - 1; i >= 0; i--) if (built.extraCuts[i]!.end + optLength <= limit) return i
  return -1
}

/** The response ending at cut `index`, the OPT record (if any) after it. */
export function cutAt(built: BuiltMessage, additionalCount: number, index: number): Buffer {
  const cut = built.extraCuts[index]!
  const opt = built.optStart >= 0 ? built.wire.subarray(built.optStart) : Buffer.alloc(0)
  const out = Buffer.concat([built.wire.subarray(0, cut.end), opt])
  out.writeUInt16BE(additionalCount + cut.count + (opt.length > 0 ? 1 : 0), 10)
  return out
}

/** The TC variant of a built response: header with TC, the question, the OPT record; nothing else. */
export function truncatedOf(wire: Buffer, questionEnd: number, optStart: number): Buffer {
  const opt = optStart >= 0 ? wire.subarray(optStart) : Buffer.alloc(0)
  const out = Buffer.alloc(questionEnd + opt.length)
  wire.copy(out, 0, 0, questionEnd)
  opt.copy(out, questionEnd)
  out[2] = out[2]! | 0x02
  out.writeUInt16BE(0, 6)
  out.writeUInt16BE(0, 8)
  out.writeUInt16BE(optStart >= 0 ? 1 : 0, 10)
  return out
}
