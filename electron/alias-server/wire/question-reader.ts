/**
 * The hot-path query reader: header, the one question, and the OPT record, read into a reused
 * view without allocating. It validates the whole message (every section must parse and nothing
 * may trail), so anything it accepts is a well-formed query.
 */
import { RR_TYPES } from '@shared/dns-codes'

export const READ_OK = 0
/** No reply at all: shorter than a header, or a response (QR=1). */
export const READ_DROP = 1
export const READ_FORMERR = 2
export const READ_NOTIMP = 3
export const READ_BADVERS = 4
export type ReadStatus = 0 | 1 | 2 | 3 | 4

export interface QueryView {
  id: number
  /** Header octets 2 and 3 as received. */
  flags: number
  opcode: number
  qdcount: number
  /** The question parsed (also set for NOTIMP/BADVERS replies, which echo it). */
  hasQuestion: boolean
  /** Offset just after the question name (the name starts at 12). */
  qnameEnd: number
  /** Offset just after the question (qnameEnd + 4). */
  questionEnd: number
  qtype: number
  qclass: number
  /** FNV-1a over the lower-cased question name, mixed with qtype and qclass. */
  hash: number
  edns: boolean
  ednsVersion: number
  dnssecOk: boolean
  /** The client's advertised UDP payload size (0 without EDNS). */
  udpSize: number
  /** The OPT record's options: their offsets in the message (both 0 without EDNS). */
  optStart: number
  optEnd: number
}

export function createQueryView(): QueryView {
  return {
    id: 0,
    flags: 0,
    opcode: 0,
    qdcount: 0,
    hasQuestion: false,
    qnameEnd: 12,
    questionEnd: 12,
    qtype: 0,
    qclass: 0,
    hash: 0,
    edns: false,
    ednsVersion: 0,
    dnssecOk: false,
    udpSize: 0,
    optStart: 0,
    optEnd: 0
  }
}

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** Offset after a (possibly compressed) name starting at `p`, or -1 when malformed. */
export function skipName(msg: Buffer, p: number, end: number): number {
  let total = 1
  for (;;) {
    if (p >= end) return -1
    const len = msg[p]!
    if (len === 0) return p + 1
    if ((len & 0xc0) === 0xc0) return p + 2 <= end ? p + 2 : -1
    if ((len & 0xc0) !== 0) return -1
    total += len + 1
    if (total > 255) return -1
    p += len + 1
  }
}

/** Reads the question name at 12: no compression, at most 255 octets; sets hash and qnameEnd. */
function readQuestionName(msg: Buffer, v: QueryView, end: number): boolean {
  let p = 12
  let h = FNV_OFFSET
  for (;;) {
    if (p >= end) return false
    const len = msg[p]!
    h = Math.imul(h ^ len, FNV_PRIME)
    if (len === 0) break
    if (len > 63) return false
    if (p + 1 + len > end || p + 1 + len - 12 > 254) return false
    for (let i = p + 1; i <= p + len; i++) {
      let b = msg[i]!
      if (b >= 0x41 && b <= 0x5a) b += 0x20
      h = Math.imul(h ^ b, FNV_PRIME)
    }
    p += len + 1
  }
  v.qnameEnd = p + 1
  v.hash = h
  return true
}

/** Reads `msg` into `v`. Never throws. */
export function readQuery(msg: Buffer, v: QueryView): ReadStatus {
  const end = msg.length
  v.hasQuestion = false
  v.edns = false
  v.ednsVersion = 0
  v.dnssecOk = false
  v.udpSize = 0
  v.optStart = 0
  v.optEnd = 0
  if (end < 12) return READ_DROP
  v.id = (msg[0]! << 8) | msg[1]!
  v.flags = (msg[2]! << 8) | msg[3]!
  if ((v.flags & 0x8000) !== 0) return READ_DROP
  v.opcode = (v.flags >> 11) & 0xf
  v.qdcount = (msg[4]! << 8) | msg[5]!
  const ancount = (msg[6]! << 8) | msg[7]!
  const nscount = (msg[8]! << 8) | msg[9]!
  const arcount = (msg[10]! << 8) | msg[11]!
  const formerr = v.opcode === 0 ? READ_FORMERR : READ_NOTIMP
  if (v.qdcount !== 1) return formerr
  if (!readQuestionName(msg, v, end) || v.qnameEnd + 4 > end) return formerr
  v.qtype = (msg[v.qnameEnd]! << 8) | msg[v.qnameEnd + 1]!
  v.qclass = (msg[v.qnameEnd + 2]! << 8) | msg[v.qnameEnd + 3]!
  v.questionEnd = v.qnameEnd + 4
  v.hash = Math.imul(v.hash ^ v.qtype, FNV_PRIME) ^ (v.qclass << 16)
  let p = v.questionEnd
  const records = ancount + nscount + arcount
  for (let i = 0; i < records; i++) {
    const nameStart = p
    p = skipName(msg, p, end)
    if (p < 0 || p + 10 > end) return formerr
    const type = (msg[p]! << 8) | msg[p + 1]!
    const rdlen = (msg[p + 8]! << 8) | msg[p + 9]!
    const rdata = p + 10
    if (rdata + rdlen > end) return formerr
    if (type === RR_TYPES.OPT) {
      // RFC 6891 §6.1.1: one OPT, owned by the root, in the additional section
      if (v.edns || i < ancount + nscount || msg[nameStart] !== 0) return formerr
      let o = rdata
      while (o < rdata + rdlen) {
        if (o + 4 > rdata + rdlen) return formerr
        o += 4 + ((msg[o + 2]! << 8) | msg[o + 3]!)
      }
      if (o !== rdata + rdlen) return formerr
      v.edns = true
      v.udpSize = (msg[p + 2]! << 8) | msg[p + 3]!
      v.ednsVersion = msg[p + 5]!
      v.dnssecOk = (msg[p + 6]! & 0x80) !== 0
      v.optStart = rdata
      v.optEnd = rdata + rdlen
    }
    p = rdata + rdlen
  }
  if (p !== end) return formerr
  v.hasQuestion = true
  if (v.opcode !== 0) return READ_NOTIMP
  if (v.edns && v.ednsVersion !== 0) return READ_BADVERS
  return READ_OK
}

/** Whether the lower-cased wire name `name` equals the question name in `msg` (case-insensitive). */
export function questionNameEquals(msg: Buffer, qnameEnd: number, name: Buffer): boolean {
  const len = qnameEnd - 12
  if (name.length !== len) return false
  for (let i = 0; i < len; i++) {
    let b = msg[12 + i]!
    if (b >= 0x41 && b <= 0x5a) b += 0x20
    if (b !== name[i]) return false
  }
  return true
}
