/**
 * A small, pure walker over a DNS message's wire bytes (RFC 1035 §4): it names every field and where it
 * sits, so the hex dump can highlight the field under the cursor. It never throws: a message that ends
 * early or points outside itself yields the fields read so far and a `problem`.
 */
import { className, ednsOptionTitle, opcodeName, rcodeName, typeName } from '@shared/dns-codes'
import { formatIPv4, formatIPv6 } from '@shared/ip-text'
import { labelText } from '@shared/names'
import { readWireName } from '@shared/wire-name-read'

export type WireSection = 'header' | 'question' | 'answer' | 'authority' | 'additional'

export interface WireField {
  /** First byte (inclusive). */
  start: number
  /** One past the last byte. */
  end: number
  section: WireSection
  /** 1-based record number within its section (questions and RRs); absent for the header. */
  record?: number
  /** Short field name as in the RFCs: 'ID', 'FLAGS', 'QNAME', 'TTL', 'RDATA', 'EDNS option'... */
  name: string
  /** What a person reads in the legend, e.g. "Answer 2 · TTL". */
  label: string
  /** The decoded value, e.g. '300 s', 'example.test.', '192.0.2.1'. */
  value: string
}

export interface WireWalk {
  fields: WireField[]
  /** Set when the bytes could not be walked to the end. */
  problem?: string
}


/** Parses a hex string (whitespace allowed) into bytes; odd or non-hex input gives null. */
export function hexToBytes(hex: string): Uint8Array | null {
  const clean = hex.replace(/\s+/g, '')
  if (clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean)) return null
  const out = new Uint8Array(clean.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16)
  return out
}

class Truncated extends Error {}

function u16(bytes: Uint8Array, at: number): number {
  if (at + 2 > bytes.length) throw new Truncated(`the message ends inside a 16-bit field at offset ${at}`)
  return (bytes[at]! << 8) | bytes[at + 1]!
}

function u32(bytes: Uint8Array, at: number): number {
  if (at + 4 > bytes.length) throw new Truncated(`the message ends inside a 32-bit field at offset ${at}`)
  return ((bytes[at]! << 24) >>> 0) + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!)
}

const truncated = (reason: string): Error => new Truncated(reason)

/** Reads a (possibly compressed) name at `at`: the name and the end of its in-place bytes. */
export const readName = (bytes: Uint8Array, at: number): { name: string; end: number } => readWireName(bytes, at, truncated)

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

function rdataValue(bytes: Uint8Array, type: number, start: number, length: number): string {
  const rdata = bytes.subarray(start, start + length)
  try {
    if (type === 1 && length === 4) return formatIPv4(rdata)
    if (type === 28 && length === 16) return formatIPv6(rdata)
    if (type === 2 || type === 5 || type === 12 || type === 39 || type === 65401) return readName(bytes, start).name
    if (type === 15 && length >= 3) return `${u16(bytes, start)} ${readName(bytes, start + 2).name}`
    if (type === 6) {
      const mname = readName(bytes, start)
      const rname = readName(bytes, mname.end)
      return `${mname.name} ${rname.name} serial ${u32(bytes, rname.end)}`
    }
    if (type === 64 || type === 65) return `priority ${u16(bytes, start)} target ${readName(bytes, start + 2).name}`
  } catch {
    // fall through to the octet count
  }
  return `${length} octet${length === 1 ? '' : 's'}${length > 0 && length <= 16 ? ` (${toHex(rdata)})` : ''}`
}

const FLAG_BITS: readonly [string, number][] = [
  ['qr', 0x8000], ['aa', 0x0400], ['tc', 0x0200], ['rd', 0x0100], ['ra', 0x0080], ['z', 0x0040], ['ad', 0x0020], ['cd', 0x0010]
]

function flagsValue(flags: number): string {
  const names = FLAG_BITS.filter(([, bit]) => (flags & bit) !== 0).map(([name]) => name)
  const opcode = opcodeName((flags >> 11) & 0xf)
  const rcode = rcodeName(flags & 0xf)
  return `${names.join(' ') || 'no flags'} · opcode ${opcode} · rcode ${rcode}`
}

const SECTION_LABEL: Record<WireSection, string> = {
  header: 'Header',
  question: 'Question',
  answer: 'Answer',
  authority: 'Authority',
  additional: 'Additional'
}

/** Every field of the message, in byte order. */
export function walkWireFields(bytes: Uint8Array): WireWalk {
  const fields: WireField[] = []
  const add = (start: number, end: number, section: WireSection, name: string, value: string, record?: number, what?: string) => {
    const prefix = record === undefined ? SECTION_LABEL[section] : `${SECTION_LABEL[section]} ${record}`
    fields.push({ start, end, section, name, value, label: `${prefix} · ${what ?? name}`, ...(record !== undefined ? { record } : {}) })
  }
  try {
    if (bytes.length < 12) throw new Truncated(`the message is ${bytes.length} bytes, shorter than the 12-byte header`)
    add(0, 2, 'header', 'ID', String(u16(bytes, 0)))
    add(2, 4, 'header', 'FLAGS', flagsValue(u16(bytes, 2)), undefined, 'flags, opcode and rcode')
    const counts = [u16(bytes, 4), u16(bytes, 6), u16(bytes, 8), u16(bytes, 10)] as const
    add(4, 6, 'header', 'QDCOUNT', String(counts[0]), undefined, 'QDCOUNT (questions)')
    add(6, 8, 'header', 'ANCOUNT', String(counts[1]), undefined, 'ANCOUNT (answers)')
    add(8, 10, 'header', 'NSCOUNT', String(counts[2]), undefined, 'NSCOUNT (authority records)')
    add(10, 12, 'header', 'ARCOUNT', String(counts[3]), undefined, 'ARCOUNT (additional records)')
    let at = 12
    for (let q = 1; q <= counts[0]; q++) {
      const name = readName(bytes, at)
      add(at, name.end, 'question', 'QNAME', name.name, q)
      at = name.end
      const type = u16(bytes, at)
      add(at, at + 2, 'question', 'QTYPE', typeName(type), q)
      add(at + 2, at + 4, 'question', 'QCLASS', className(u16(bytes, at + 2)), q)
      at += 4
    }
    const sections: [WireSection, number][] = [
      ['answer', counts[1]],
      ['authority', counts[2]],
      ['additional', counts[3]]
    ]
    for (const [section, count] of sections) {
      for (let r = 1; r <= count; r++) at = walkRecord(bytes, at, section, r, add)
    }
    if (at < bytes.length) {
      add(at, bytes.length, 'additional', 'TRAILING', `${bytes.length - at} bytes after the last record`, undefined, 'trailing bytes')
    }
    return { fields }
  } catch (error) {
    if (error instanceof Truncated) return { fields, problem: error.message }
    throw error
  }
}

type Add = (start: number, end: number, section: WireSection, name: string, value: string, record?: number, what?: string) => void

function walkRecord(bytes: Uint8Array, start: number, section: WireSection, r: number, add: Add): number {
  const name = readName(bytes, start)
  let at = name.end
  const type = u16(bytes, at)
  const cls = u16(bytes, at + 2)
  const ttl = u32(bytes, at + 4)
  const rdlength = u16(bytes, at + 8)
  if (type === 41) {
    add(start, name.end, section, 'NAME', name.name, r, 'OPT owner (root)')
    add(at, at + 2, section, 'TYPE', 'OPT (EDNS)', r)
    add(at + 2, at + 4, section, 'UDP size', `${cls} bytes`, r, 'OPT UDP payload size')
    const version = (ttl >>> 16) & 0xff
    const dnssecOk = (ttl & 0x8000) !== 0
    add(at + 4, at + 8, section, 'EDNS flags', `extended rcode ${ttl >>> 24} · version ${version}${dnssecOk ? ' · DO' : ''}`, r, 'OPT extended rcode, version, DO')
  } else {
    add(start, name.end, section, 'NAME', name.name, r)
    add(at, at + 2, section, 'TYPE', typeName(type), r)
    add(at + 2, at + 4, section, 'CLASS', className(cls), r)
    add(at + 4, at + 8, section, 'TTL', `${ttl} s`, r)
  }
  add(at + 8, at + 10, section, 'RDLENGTH', `${rdlength}`, r)
  at += 10
  if (at + rdlength > bytes.length) throw new Truncated(`${SECTION_LABEL[section]} ${r}'s RDATA runs past the end of the message`)
  if (type === 41) walkOptions(bytes, at, rdlength, section, r, add)
  else if (rdlength > 0) add(at, at + rdlength, section, 'RDATA', rdataValue(bytes, type, at, rdlength), r)
  return at + rdlength
}

function walkOptions(bytes: Uint8Array, start: number, length: number, section: WireSection, r: number, add: Add): void {
  const end = start + length
  let at = start
  while (at + 4 <= end) {
    const code = u16(bytes, at)
    const optionLength = u16(bytes, at + 2)
    const dataEnd = Math.min(end, at + 4 + optionLength)
    const name = ednsOptionTitle(code) ?? `option ${code}`
    let value = `${optionLength} octet${optionLength === 1 ? '' : 's'}`
    if (code === 15 && optionLength >= 2) value = `EDE code ${u16(bytes, at + 4)}${optionLength > 2 ? ` "${new TextDecoder().decode(bytes.subarray(at + 6, dataEnd))}"` : ''}`
    else if (code === 3) value = `${toHex(bytes.subarray(at + 4, dataEnd))} "${labelText(bytes.subarray(at + 4, dataEnd))}"`
    else if (code === 10) value = toHex(bytes.subarray(at + 4, dataEnd))
    add(at, dataEnd, section, 'EDNS option', value, r, `EDNS option ${name}`)
    at = dataEnd
  }
  if (at < end) add(at, end, section, 'EDNS option', `${end - at} stray octets`, r, 'EDNS options (malformed)')
}

/** The field that covers `offset`, if any. Fields never overlap, so a binary search would do; this is small. */
export function fieldAt(fields: readonly WireField[], offset: number): WireField | undefined {
  return fields.find((f) => offset >= f.start && offset < f.end)
}
