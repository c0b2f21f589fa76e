import { ServiceError } from '../api/service-error'

export interface NameRead {
  /** Presentation form, absolute, with `\.`/`\DDD` escapes where needed. */
  name: string
  /** Offset just after the name's in-place bytes (after the first pointer, if any). */
  end: number
}

export function malformed(reason: string): ServiceError {
  return new ServiceError('malformed', `malformed DNS message: ${reason}`)
}

const MAX_NAME_WIRE = 255

// Byte is safe to print as is: letters, digits, '-', '_', '*', '/'.
const PLAIN = new Uint8Array(256)
for (let c = 0; c < 256; c++) {
  PLAIN[c] =
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
    c === 0x2d || c === 0x5f || c === 0x2a || c === 0x2f
      ? 1
      : 0
}

/** Escapes a label as master files do: `\.` for specials, `\DDD` for non-printable octets. */
export function escapeLabel(buf: Buffer, start: number, end: number): string {
  let plain = true
  for (let i = start; i < end; i++) {
    if (!PLAIN[buf[i] as number]) {
      plain = false
      break
    }
  }
  if (plain) return buf.toString('latin1', start, end)
  let out = ''
  for (let i = start; i < end; i++) {
    const c = buf[i] as number
    if (PLAIN[c]) out += String.fromCharCode(c)
    else if (c > 0x20 && c < 0x7f) {
      // . ; \ " ( ) @ $ are special in master files; other printable ASCII is fine as is
      out += '.;\\"()@$'.includes(String.fromCharCode(c)) ? `\\${String.fromCharCode(c)}` : String.fromCharCode(c)
    } else out += `\\${c.toString().padStart(3, '0')}`
  }
  return out
}

/**
 * Reads a (possibly compressed) domain name. `limit` bounds the in-place bytes (e.g. the end of
 * the RDATA). Pointers must point strictly before the run they interrupt, so loops are impossible;
 * the total length is capped at 255 octets.
 */
export function readName(
  buf: Buffer,
  offset: number,
  limit: number = buf.length,
  allowCompression = true
): NameRead {
  let pos = offset
  let runStart = offset
  let bound = Math.min(limit, buf.length)
  let end = -1
  let wire = 1
  let out = ''
  for (;;) {
    if (pos >= bound) throw malformed(`name at offset ${offset} runs past the end of its data`)
    const len = buf[pos] as number
    if (len === 0) {
      if (end < 0) end = pos + 1
      break
    }
    const kind = len & 0xc0
    if (kind === 0xc0) {
      if (!allowCompression) throw malformed(`compressed name at offset ${offset} where compression is not allowed`)
      if (pos + 1 >= bound) throw malformed(`truncated compression pointer at offset ${pos}`)
      const ptr = ((len & 0x3f) << 8) | (buf[pos + 1] as number)
      if (end < 0) end = pos + 2
      if (ptr >= runStart) {
        throw malformed(`compression pointer at offset ${pos} to ${ptr} does not point backwards (loop)`)
      }
      pos = ptr
      runStart = ptr
      bound = buf.length
      continue
    }
    if (kind !== 0) throw malformed(`unsupported label type 0x${len.toString(16)} at offset ${pos}`)
    if (pos + 1 + len > bound) throw malformed(`label at offset ${pos} runs past the end of its data`)
    wire += len + 1
    if (wire > MAX_NAME_WIRE) throw malformed(`name at offset ${offset} is longer than 255 octets`)
    out += `${escapeLabel(buf, pos + 1, pos + 1 + len)}.`
    pos += 1 + len
  }
  return { name: out === '' ? '.' : out, end }
}

/** Encodes a presentation-form name (`\.` and `\DDD` escapes allowed) without compression. */
export function encodeName(text: string): Buffer {
  if (text === '.' || text === '') return Buffer.from([0])
  const labels: number[][] = [[]]
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    const current = labels[labels.length - 1] as number[]
    if (ch === '\\') {
      const digits = text.slice(i + 1, i + 4)
      if (/^\d{3}$/.test(digits)) {
        const v = Number(digits)
        if (v > 255) throw new Error(`bad escape \\${digits} in name "${text}"`)
        current.push(v)
        i += 3
      } else if (i + 1 < text.length) {
        current.push(...Buffer.from(text[++i] as string))
      } else throw new Error(`dangling backslash in name "${text}"`)
    } else if (ch === '.') {
      if (current.length === 0) throw new Error(`empty label in name "${text}"`)
      labels.push([])
    } else current.push(...Buffer.from(ch))
  }
  if ((labels[labels.length - 1] as number[]).length === 0) labels.pop()
  const out: number[] = []
  for (const label of labels) {
    if (label.length > 63) throw new Error(`label longer than 63 octets in name "${text}"`)
    out.push(label.length, ...label)
  }
  out.push(0)
  if (out.length > MAX_NAME_WIRE) throw new Error(`name "${text}" is longer than 255 octets`)
  return Buffer.from(out)
}
