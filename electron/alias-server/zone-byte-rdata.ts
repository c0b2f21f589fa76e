/**
 * The zone byte path's readers for names and the common rdata, straight from the file's octets: each
 * writes the presentation text the parser would give (to `tok`) and the wire form (to `wire`), and
 * returns false on anything it does not accept exactly as parseName, parseIPv4, parseIPv6 +
 * formatIPv6 and the parser's TXT reader do for plain strings (the caller then gives up, or lets the parser read the record).
 */
import type { GrowBytes } from './byte-buffers'

const MAX_LABEL = 63
const MAX_NAME = 255
const DOT = 0x2e

/**
 * parseName + labelsToText over octets, for names of the octets a label shows as they are (letters, digits,
 * '-', '_', '*', '/') in non-empty labels: lower-cased, made absolute with `origin` (its canonical text; '.'
 * for the root). Appends the text to `out`.
 */
export function writeName(src: Uint8Array, a: number, b: number, origin: Uint8Array | null, out: GrowBytes): boolean {
  if (b - a > MAX_NAME || a === b) return false
  const from = out.length
  const bytes = out.reserve(b - a + 1 + (origin?.length ?? 0))
  let at = from
  let label = 0
  for (let i = a; i < b; i++) {
    let c = src[i]!
    if (c === DOT) {
      if (label === 0) return false
      label = 0
    } else {
      if (c >= 0x41 && c <= 0x5a) c += 0x20
      else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2a || c === 0x2f)) return false
      if (++label > MAX_LABEL) return false
    }
    bytes[at++] = c
  }
  if (src[b - 1] !== DOT) {
    if (!origin) return false
    bytes[at++] = DOT
    if (!(origin.length === 1 && origin[0] === DOT)) for (let i = 0; i < origin.length; i++) bytes[at++] = origin[i]!
  }
  // Without escapes one character is one octet: the wire form is the text plus the root label.
  if (at - from + 1 > MAX_NAME) return false
  out.length = at
  return true
}

/** Whether text[from, to) (canonical, plain) is the apex or below it. */
export function inZone(text: Uint8Array, from: number, to: number, apex: Uint8Array): boolean {
  const n = apex.length
  if (n === 1) return true
  if (to - from < n || (to - from > n && text[to - n - 1] !== 0x2e)) return false
  for (let i = 0; i < n; i++) if (text[to - n + i] !== apex[i]) return false
  return true
}

/** The wire form of a name writeName wrote (text[from, to), canonical, ending in a dot). */
function writeNameWire(text: Uint8Array, from: number, to: number, wire: GrowBytes): void {
  const bytes = wire.reserve(to - from + 1)
  let at = wire.length
  let lengthAt = at++
  for (let i = from; i < to; i++) {
    const c = text[i]!
    if (c === DOT) {
      bytes[lengthAt] = at - lengthAt - 1
      lengthAt = at++
    } else bytes[at++] = c
  }
  bytes[lengthAt] = 0
  wire.length = at
}

/** A name in rdata: text and wire. */
export function nameRdata(src: Uint8Array, a: number, b: number, origin: Uint8Array | null, tok: GrowBytes, wire: GrowBytes): boolean {
  const from = tok.length
  if (!writeName(src, a, b, origin, tok)) return false
  writeNameWire(tok.bytes, from, tok.length, wire)
  return true
}

/** parseIPv4: four decimal parts without leading zeros; the token itself is the text. */
export function ipv4Rdata(src: Uint8Array, a: number, b: number, tok: GrowBytes, wire: GrowBytes): boolean {
  if (b - a < 7 || b - a > 15) return false
  const out = wire.reserve(4)
  let i = a
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (src[i] !== DOT) return false
      i++
    }
    const start = i
    let value = 0
    while (i < b && i - start < 4) {
      const c = src[i]! - 0x30
      if (c < 0 || c > 9) break
      value = value * 10 + c
      i++
    }
    const digits = i - start
    if (digits === 0 || digits > 3 || value > 255 || (digits > 1 && src[start] === 0x30)) return false
    out[wire.length + part] = value
  }
  if (i !== b) return false
  wire.length += 4
  tok.append(src, a, b)
  return true
}

const hexValue = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1)
const groups = new Uint16Array(8)
const parsed = new Uint16Array(8)

/** parseIPv6 for hex groups (no embedded IPv4), then formatIPv6's RFC 5952 text. */
export function ipv6Rdata(src: Uint8Array, a: number, b: number, tok: GrowBytes, wire: GrowBytes): boolean {
  if (a === b) return false
  let count = 0
  let gap = -1
  let i = a
  if (b - a >= 2 && src[a] === 0x3a && src[a + 1] === 0x3a) {
    gap = 0
    i = a + 2
  }
  while (i < b) {
    if (count === 8) return false
    const start = i
    let value = 0
    while (i < b && i - start < 5) {
      const h = hexValue(src[i]!)
      if (h < 0) break
      value = value * 16 + h
      i++
    }
    if (i === start || i - start > 4) return false
    groups[count++] = value
    if (i === b) break
    if (src[i] !== 0x3a) return false
    i++
    if (i < b && src[i] === 0x3a) {
      if (gap >= 0) return false
      gap = count
      i++
    } else if (i === b) return false
  }
  if (gap < 0 ? count !== 8 : count > 7) return false
  parsed.fill(0)
  const right = gap < 0 ? 0 : count - gap
  for (let g = 0; g < count; g++) parsed[gap < 0 || g < gap ? g : 8 - right + (g - gap)] = groups[g]!
  const out = wire.reserve(16)
  for (let g = 0; g < 8; g++) {
    out[wire.length + g * 2] = parsed[g]! >> 8
    out[wire.length + g * 2 + 1] = parsed[g]! & 0xff
  }
  wire.length += 16
  formatIPv6(tok)
  return true
}

function writeHex(value: number, tok: GrowBytes): void {
  for (let shift = 12; shift >= 0; shift -= 4) {
    const digit = (value >> shift) & 15
    if (digit === 0 && shift > 0 && value >> shift === 0) continue
    tok.push(digit < 10 ? 0x30 + digit : 0x57 + digit)
  }
}

/** formatIPv6 of `parsed`: the longest run (>= 2, the first of equals) of zero groups as '::'. */
function formatIPv6(tok: GrowBytes): void {
  let bestStart = -1
  let bestLen = 0
  for (let i = 0; i < 8; ) {
    if (parsed[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && parsed[j] === 0) j++
    if (j - i > bestLen) {
      bestStart = i
      bestLen = j - i
    }
    i = j
  }
  if (bestLen < 2) bestStart = 8
  for (let i = 0; i < bestStart; i++) {
    if (i > 0) tok.push(0x3a)
    writeHex(parsed[i]!, tok)
  }
  if (bestStart === 8) return
  tok.push(0x3a)
  tok.push(0x3a)
  for (let i = bestStart + bestLen; i < 8; i++) {
    if (i > bestStart + bestLen) tok.push(0x3a)
    writeHex(parsed[i]!, tok)
  }
}

/** /^\d+$/ and at most `max`: the value, or -1. */
export function uint(src: Uint8Array, a: number, b: number, max: number): number {
  if (a === b) return -1
  let value = 0
  for (let i = a; i < b; i++) {
    const c = src[i]! - 0x30
    if (c < 0 || c > 9) return -1
    value = value * 10 + c
    if (value > max) return -1
  }
  return value
}

/** Appends the decimal text of a non-negative integer. */
export function writeDecimal(value: number, tok: GrowBytes): void {
  const text = String(value)
  for (let i = 0; i < text.length; i++) tok.push(text.charCodeAt(i))
}

/** One TXT character-string: printable ASCII without '"' or '\', at most 255 octets; text "…", wire length + octets. */
export function txtString(src: Uint8Array, a: number, b: number, tok: GrowBytes, wire: GrowBytes): boolean {
  if (b - a > 255) return false
  for (let i = a; i < b; i++) {
    const c = src[i]!
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false
  }
  tok.push(0x22)
  tok.append(src, a, b)
  tok.push(0x22)
  wire.push(b - a)
  wire.append(src, a, b)
  return true
}
