/**
 * Random and mutated DNS queries for the fuzz test, each with what a correct server may do with it.
 * Every packet is built from a `Random`, so a seed replays the same sequence.
 */
import type { Random } from './fuzz-random'

/**
 * - answer: a well-formed query: the server must answer (any RCODE but FORMERR).
 * - error-or-none: malformed: no reply, or an error (not NOERROR/NXDOMAIN) without answer records.
 * - any: no reply, or any well-formed response with the packet's ID.
 * - none: the server must not reply (a response packet, or no room for an ID).
 */
export type Expectation = 'answer' | 'error-or-none' | 'any' | 'none'

export interface FuzzPacket {
  bytes: Buffer
  kind: string
  expect: Expectation
}

export const FUZZ_ORIGIN = 'fuzz.test.'
const NAMES = ['fuzz.test', 'www.fuzz.test', 'nope.fuzz.test', 'a.b.c.fuzz.test', 'FuZz.TeSt', 'x.www.fuzz.test', 'mail.fuzz.test', 'txt.fuzz.test', 'x.wild.fuzz.test', 'a.sub.fuzz.test', 'cdn.example.test', 'example.org', '']
const TYPES = [1, 28, 6, 2, 5, 15, 16, 65, 64, 33, 255, 99, 46, 48, 41, 257]
const ODD_TYPES = [0, 251, 252, 253, 254, 65535, 32768, 12345]

function encodeName(name: string): Buffer {
  const parts: Buffer[] = []
  for (const label of name.split('.').filter((l) => l.length > 0)) {
    const bytes = Buffer.from(label, 'latin1')
    parts.push(Buffer.from([bytes.length]), bytes)
  }
  parts.push(Buffer.from([0]))
  return Buffer.concat(parts)
}

function header(id: number, flags: number, qd: number, an: number, ns: number, ar: number): Buffer {
  const h = Buffer.alloc(12)
  h.writeUInt16BE(id & 0xffff, 0)
  h.writeUInt16BE(flags & 0xffff, 2)
  h.writeUInt16BE(qd, 4)
  h.writeUInt16BE(an, 6)
  h.writeUInt16BE(ns, 8)
  h.writeUInt16BE(ar, 10)
  return h
}

function question(name: Buffer, type: number, klass: number): Buffer {
  const tail = Buffer.alloc(4)
  tail.writeUInt16BE(type, 0)
  tail.writeUInt16BE(klass, 2)
  return Buffer.concat([name, tail])
}

interface OptSpec {
  udpSize?: number
  version?: number
  dnssecOk?: boolean
  options?: Array<{ code: number; data: Buffer }>
  /** Overrides the rdata length field. */
  rdlength?: number
  owner?: Buffer
}

function opt(spec: OptSpec = {}): Buffer {
  const options = Buffer.concat(
    (spec.options ?? []).map((o) => {
      const head = Buffer.alloc(4)
      head.writeUInt16BE(o.code, 0)
      head.writeUInt16BE(o.data.length, 2)
      return Buffer.concat([head, o.data])
    })
  )
  const fixed = Buffer.alloc(10)
  fixed.writeUInt16BE(41, 0)
  fixed.writeUInt16BE(spec.udpSize ?? 1232, 2)
  fixed.writeUInt8(0, 4)
  fixed.writeUInt8(spec.version ?? 0, 5)
  fixed.writeUInt16BE(spec.dnssecOk ? 0x8000 : 0, 6)
  fixed.writeUInt16BE(spec.rdlength ?? options.length, 8)
  return Buffer.concat([spec.owner ?? Buffer.from([0]), fixed, options])
}

function randomOptions(r: Random): Array<{ code: number; data: Buffer }> {
  const out: Array<{ code: number; data: Buffer }> = []
  const count = r.int(0, 3)
  for (let i = 0; i < count; i++) {
    switch (r.int(0, 5)) {
      case 0: // client cookie (8) or client + server cookie (16..40)
        out.push({ code: 10, data: r.bytes(r.pick([8, 16, 24, 40])) })
        break
      case 1: // client subnet, family 1 /24
        out.push({ code: 8, data: Buffer.from([0, 1, 24, 0, 192, 0, 2]) })
        break
      case 2: // NSID request
        out.push({ code: 3, data: Buffer.alloc(0) })
        break
      case 3: // padding
        out.push({ code: 12, data: Buffer.alloc(r.int(0, 64)) })
        break
      case 4: // keepalive / unknown
        out.push({ code: r.pick([11, 15, 65001, 0]), data: r.bytes(r.int(0, 8)) })
        break
      default: // TCP keepalive with a timeout
        out.push({ code: 11, data: Buffer.from([0, 100]) })
    }
  }
  return out
}

/** A well-formed query (standard opcode, one question, optional OPT with valid options). */
export function validQuery(r: Random): Buffer {
  const name = encodeName(r.pick(NAMES))
  const type = r.pick(TYPES.filter((t) => t !== 41))
  const flags = (r.chance(0.7) ? 0x0100 : 0) | (r.chance(0.1) ? 0x0010 : 0) | (r.chance(0.1) ? 0x0020 : 0)
  const withOpt = r.chance(0.7)
  const parts = [header(0, flags, 1, 0, 0, withOpt ? 1 : 0), question(name, type, 1)]
  if (withOpt) parts.push(opt({ udpSize: r.pick([512, 1232, 4096, 65535, 1400]), dnssecOk: r.chance(0.3), options: randomOptions(r).filter((o) => o.code !== 10 || o.data.length === 8) }))
  return Buffer.concat(parts)
}

const isResponse = (bytes: Buffer): boolean => bytes.length >= 3 && (bytes[2]! & 0x80) !== 0

/** Packets too short for an ID, or with QR set, must get nothing back. */
function settle(bytes: Buffer, kind: string, expect: Expectation): FuzzPacket {
  if (bytes.length < 2 || isResponse(bytes)) return { bytes, kind, expect: 'none' }
  if (bytes.length < 12 && expect === 'answer') return { bytes, kind, expect: 'error-or-none' }
  return { bytes, kind, expect }
}

function bitFlips(r: Random): FuzzPacket {
  const bytes = Buffer.from(validQuery(r))
  const flips = r.int(1, 8)
  for (let i = 0; i < flips; i++) {
    // never the ID (it is overwritten) so that every flip changes what the server parses
    const at = r.int(2, bytes.length - 1)
    bytes[at]! ^= 1 << r.int(0, 7)
  }
  return settle(bytes, 'bit-flip', 'any')
}

function truncated(r: Random): FuzzPacket {
  const full = validQuery(r)
  const bytes = full.subarray(0, r.int(0, full.length - 1))
  return settle(Buffer.from(bytes), 'truncated', 'error-or-none')
}

function badCounts(r: Random): FuzzPacket {
  const bytes = Buffer.from(validQuery(r))
  const field = r.pick([4, 4, 6, 8, 10])
  const value = field === 4 ? r.pick([0, 2, 3, 65535]) : r.pick([1, 2, 255, 65535])
  const before = bytes.readUInt16BE(field)
  bytes.writeUInt16BE(value, field)
  // more records announced than present, or a question count other than one: malformed
  const malformed = field === 4 || value > before
  return settle(bytes, `bad-count@${field}=${value}`, malformed ? 'error-or-none' : 'any')
}

function pointerQuery(r: Random): FuzzPacket {
  const variant = r.int(0, 5)
  let name: Buffer
  let kind: string
  switch (variant) {
    case 0: // beyond the end of the packet
      name = Buffer.from([0xc0 | 0x3f, 0xff])
      kind = 'pointer-out-of-range'
      break
    case 1: // to itself (offset 12 is where the name starts)
      name = Buffer.from([0xc0, 12])
      kind = 'pointer-self-loop'
      break
    case 2: // a label, then a pointer back to the start: an endless name
      name = Buffer.from([3, 0x77, 0x77, 0x77, 0xc0, 12])
      kind = 'pointer-label-loop'
      break
    case 3: // two pointers pointing at each other
      name = Buffer.from([0xc0, 14, 0xc0, 12])
      kind = 'pointer-mutual-loop'
      break
    case 4: // forward pointer past the question into nothing
      name = Buffer.from([0xc0, 200])
      kind = 'pointer-forward'
      break
    default: // reserved label types 0x40 and 0x80
      name = Buffer.from([r.pick([0x40, 0x80, 0x7f, 0xbf]), 1, 0x61, 0])
      kind = 'reserved-label-type'
  }
  const bytes = Buffer.concat([header(0, 0x0100, 1, 0, 0, 0), question(name, 1, 1)])
  return settle(bytes, kind, 'error-or-none')
}

function longNames(r: Random): FuzzPacket {
  if (r.chance(0.5)) {
    // 5 labels of 63: 321 octets, over the 255 limit
    const label = Buffer.concat([Buffer.from([63]), Buffer.alloc(63, 0x61)])
    const name = Buffer.concat([label, label, label, label, label, Buffer.from([0])])
    return settle(Buffer.concat([header(0, 0x0100, 1, 0, 0, 0), question(name, 1, 1)]), 'name-too-long', 'error-or-none')
  }
  // a label length running past the end of the packet
  const name = Buffer.from([60, 0x61, 0x62])
  return settle(Buffer.concat([header(0, 0x0100, 1, 0, 0, 0), name]), 'label-past-end', 'error-or-none')
}

function ednsGarbage(r: Random): FuzzPacket {
  const q = question(encodeName(r.pick(NAMES)), r.pick([1, 28, 6]), 1)
  switch (r.int(0, 7)) {
    case 0: // two OPT records (RFC 6891 §6.1.1: FORMERR)
      return settle(Buffer.concat([header(0, 0x0100, 1, 0, 0, 2), q, opt(), opt()]), 'edns-two-opt', 'error-or-none')
    case 1: // OPT owner not the root
      return settle(Buffer.concat([header(0, 0x0100, 1, 0, 0, 1), q, opt({ owner: encodeName('x') })]), 'edns-owner', 'error-or-none')
    case 2: // rdlength past the end of the packet
      return settle(Buffer.concat([header(0, 0x0100, 1, 0, 0, 1), q, opt({ rdlength: r.int(1, 2000) })]), 'edns-rdlength', 'error-or-none')
    case 3: {
      // an option whose length runs past the rdata
      const o = opt({ options: [{ code: 10, data: Buffer.alloc(8) }] })
      o.writeUInt16BE(200, o.length - 10) // the option-length field of the only option
      return settle(Buffer.concat([header(0, 0x0100, 1, 0, 0, 1), q, o]), 'edns-option-overrun', 'error-or-none')
    }
    case 4: // a cookie of an invalid length (RFC 7873 §5.2.2: FORMERR from servers that do cookies; others ignore it)
      return settle(
        Buffer.concat([header(0, 0x0100, 1, 0, 0, 1), q, opt({ options: [{ code: 10, data: r.bytes(r.pick([1, 7, 9, 15, 41])) }] })]),
        'edns-bad-cookie',
        'any'
      )
    case 5: // EDNS version 1: BADVERS
      return settle(Buffer.concat([header(0, 0x0100, 1, 0, 0, 1), q, opt({ version: r.int(1, 255) })]), 'edns-version', 'any')
    case 6: // random option bytes with a consistent length
      return settle(
        Buffer.concat([header(0, 0x0100, 1, 0, 0, 1), q, opt({ udpSize: r.int(0, 65535), options: [{ code: r.int(0, 65535), data: r.bytes(r.int(0, 40)) }] })]),
        'edns-random-option',
        'any'
      )
    default: {
      // OPT rdata that is pure garbage, length consistent
      const data = r.bytes(r.int(1, 30))
      const o = opt({ rdlength: data.length })
      return settle(Buffer.concat([header(0, 0x0100, 1, 0, 0, 1), q, o, data]), 'edns-garbage-rdata', 'any')
    }
  }
}

function oddHeader(r: Random): FuzzPacket {
  const q = question(encodeName(r.pick(NAMES)), r.pick([...TYPES, ...ODD_TYPES]), r.pick([1, 1, 3, 254, 255, r.int(0, 65535)]))
  const opcode = r.int(0, 15)
  const flags = (opcode << 11) | r.int(0, 0x7ff)
  return settle(Buffer.concat([header(0, flags & 0x7fff, 1, 0, 0, 0), q]), `opcode-${opcode}`, 'any')
}

function garbage(r: Random): FuzzPacket {
  const bytes = r.bytes(r.chance(0.05) ? r.int(512, 4096) : r.int(0, 80))
  if (bytes.length > 2) bytes[2]! &= 0x7f // mostly queries, so that the server parses them
  return settle(bytes, 'garbage', 'any')
}

function trailingJunk(r: Random): FuzzPacket {
  return settle(Buffer.concat([validQuery(r), r.bytes(r.int(1, 64))]), 'trailing-junk', 'any')
}

function responsePacket(r: Random): FuzzPacket {
  const bytes = Buffer.from(validQuery(r))
  bytes[2]! |= 0x80
  return settle(bytes, 'qr-set', 'none')
}

const GENERATORS: Array<[number, (r: Random) => FuzzPacket]> = [
  [10, (r) => settle(validQuery(r), 'valid', 'answer')],
  [25, bitFlips],
  [12, truncated],
  [10, badCounts],
  [10, pointerQuery],
  [4, longNames],
  [12, ednsGarbage],
  [6, oddHeader],
  [6, garbage],
  [3, trailingJunk],
  [2, responsePacket]
]
const TOTAL_WEIGHT = GENERATORS.reduce((sum, [w]) => sum + w, 0)

/** One packet; its ID (octets 0-1, when present) is set to `id` so that replies can be matched. */
export function fuzzPacket(r: Random, id: number): FuzzPacket {
  let roll = r.int(0, TOTAL_WEIGHT - 1)
  for (const [weight, make] of GENERATORS) {
    if (roll < weight) {
      const packet = make(r)
      if (packet.bytes.length >= 2) packet.bytes.writeUInt16BE(id & 0xffff, 0)
      return packet
    }
    roll -= weight
  }
  throw new Error('unreachable')
}
