/** Presentation-format helpers shared by the RDATA formatters. */

/** A quoted <character-string>: `"` and `\` escaped, non-printable octets as `\DDD`. */
export function quoteString(b: Buffer): string {
  return `"${escapeString(b)}"`
}

export function escapeString(b: Buffer): string {
  let out = ''
  for (const c of b) {
    if (c === 0x22 || c === 0x5c) out += `\\${String.fromCharCode(c)}`
    else if (c >= 0x20 && c < 0x7f) out += String.fromCharCode(c)
    else out += `\\${c.toString().padStart(3, '0')}`
  }
  return out
}

const HEX_UPPER = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'))

/** Upper-case hex; short data (addresses) by table, cheaper than toString('hex') and toUpperCase. */
export function hexUpper(b: Buffer): string {
  if (b.length > 32) return b.toString('hex').toUpperCase()
  let out = ''
  for (let i = 0; i < b.length; i++) out += HEX_UPPER[b[i] as number]
  return out
}

const B32HEX = '0123456789abcdefghijklmnopqrstuv'

/** RFC 4648 base32hex without padding, lower case (as NSEC3 owner labels). */
export function base32hex(b: Buffer): string {
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of b) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += B32HEX[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += B32HEX[(value << (5 - bits)) & 31]
  return out
}

/** RRSIG time: YYYYMMDDHHmmSS in UTC (serial arithmetic ignored: shown as a 32-bit epoch). */
export function sigTime(seconds: number): string {
  const d = new Date(seconds * 1000)
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  return (
    p(d.getUTCFullYear(), 4) + p(d.getUTCMonth() + 1) + p(d.getUTCDate()) +
    p(d.getUTCHours()) + p(d.getUTCMinutes()) + p(d.getUTCSeconds())
  )
}

/** NSEC/NSEC3/CSYNC type bitmap → list of type codes. Throws on a malformed window. */
export function decodeTypeBitmap(b: Buffer): number[] {
  const types: number[] = []
  let i = 0
  let lastWindow = -1
  while (i < b.length) {
    if (i + 2 > b.length) throw new Error('truncated type bitmap window')
    const window = b[i] as number
    const len = b[i + 1] as number
    if (window <= lastWindow) throw new Error('type bitmap windows out of order')
    if (len < 1 || len > 32 || i + 2 + len > b.length) throw new Error('bad type bitmap length')
    lastWindow = window
    for (let j = 0; j < len; j++) {
      const octet = b[i + 2 + j] as number
      for (let bit = 0; bit < 8; bit++) {
        if (octet & (0x80 >> bit)) types.push(window * 256 + j * 8 + bit)
      }
    }
    i += 2 + len
  }
  return types
}

/** RFC 3597 generic form: `\# len HEX` (upper case, as dig prints it). */
export function genericRdata(b: Buffer): string {
  return b.length === 0 ? '\\# 0' : `\\# ${b.length} ${hexUpper(b)}`
}
