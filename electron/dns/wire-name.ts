import { ServiceError } from '@shared/errors'
import { isPlainOctet, labelText } from '@shared/names'
import { MAX_NAME_WIRE, readWireName } from '@shared/wire-name-read'

export interface NameRead {
  /** Presentation form, absolute, with `\.`/`\DDD` escapes where needed. */
  name: string
  /** Offset just after the name's in-place bytes (after the first pointer, if any). */
  end: number
}

export function malformed(reason: string): ServiceError {
  return new ServiceError('malformed', `malformed DNS message: ${reason}`)
}

/** Escapes a label as master files do (labelText), plain labels straight from the buffer. */
export function escapeLabel(buf: Buffer, start: number, end: number): string {
  for (let i = start; i < end; i++) if (!isPlainOctet(buf[i] as number)) return labelText(buf, start, end)
  return buf.toString('latin1', start, end)
}

// readName only ever reads Buffers
const bufferLabel = (bytes: Uint8Array, start: number, end: number): string => escapeLabel(bytes as Buffer, start, end)

/** Reads a (possibly compressed) domain name; `limit` bounds the in-place bytes (e.g. the end of the RDATA). */
export function readName(buf: Buffer, offset: number, limit: number = buf.length, allowCompression = true): NameRead {
  return readWireName(buf, offset, malformed, limit, allowCompression, bufferLabel)
}

/** One label of a presentation-form name. */
export interface PresentationLabel {
  /** The label as typed, escapes included. */
  text: string
  /** Its octets, escapes decoded; characters beyond ASCII as UTF-8. */
  octets: Uint8Array
  /** Whether the label held any escape. */
  escaped: boolean
}

/** A bad escape in a name: `kind` lets each reader word it its own way. */
export class NameEscapeError extends Error {
  constructor(
    readonly kind: 'digits' | 'range' | 'dangling',
    message: string
  ) {
    super(message)
  }
}

const encoder = new TextEncoder()

/** Pushes the UTF-8 octets of the character at `i`; returns the index of its last UTF-16 unit. */
function pushChar(text: string, i: number, out: number[]): number {
  const cp = text.codePointAt(i)!
  if (cp < 0x80) out.push(cp)
  else out.push(...encoder.encode(String.fromCodePoint(cp)))
  return cp > 0xffff ? i + 1 : i
}

/**
 * The one reader of presentation-form names (RFC 1035 §5.1): the octets of each label, split on
 * unescaped dots; `\\DDD` is the octet with that decimal value, `\\X` the character X itself, other
 * characters their UTF-8. The dot that ends an absolute name is dropped; empty labels are returned for
 * the caller to refuse. `ends`, when given, receives where each label's text ends. Throws NameEscapeError.
 */
export function decodeLabels(text: string, ends?: number[]): Uint8Array[] {
  const labels: Uint8Array[] = []
  if (text === '.' || text === '') return labels
  let octets: number[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x2e) {
      labels.push(Uint8Array.from(octets))
      ends?.push(i)
      octets = []
      start = i + 1
    } else if (c < 0x80 && c !== 0x5c) octets.push(c)
    else if (c !== 0x5c) i = pushChar(text, i, octets)
    else {
      const d = text.charCodeAt(i + 1)
      if (d >= 0x30 && d <= 0x39) {
        const digits = text.slice(i + 1, i + 4)
        if (!/^\d{3}$/.test(digits)) throw new NameEscapeError('digits', `bad escape \\${digits} in name "${text}" (\\DDD needs three digits)`)
        if (Number(digits) > 255) throw new NameEscapeError('range', `bad escape \\${digits} in name "${text}" (above 255)`)
        octets.push(Number(digits))
        i += 3
      } else if (i + 1 < text.length) i = pushChar(text, i + 1, octets)
      else throw new NameEscapeError('dangling', `dangling backslash at the end of name "${text}"`)
    }
  }
  // "a." ends with the root; "a" and "a\\." end with a label of their own
  if (start < text.length) {
    labels.push(Uint8Array.from(octets))
    ends?.push(text.length)
  }
  return labels
}

/** decodeLabels, with each label's text as typed. */
export function parsePresentationLabels(text: string): PresentationLabel[] {
  const ends: number[] = []
  return decodeLabels(text, ends).map((octets, i) => {
    const labelText = text.slice(i === 0 ? 0 : ends[i - 1]! + 1, ends[i])
    return { text: labelText, octets, escaped: labelText.includes('\\') }
  })
}

/** Whether the last dot ends the name, rather than being an escaped `\.` inside the last label. */
export function endsWithDot(name: string): boolean {
  if (!name.endsWith('.')) return false
  let backslashes = 0
  for (let i = name.length - 2; i >= 0 && name[i] === '\\'; i--) backslashes++
  return backslashes % 2 === 0
}

/** Encodes a presentation-form name (`\.` and `\DDD` escapes allowed) without compression. */
/** ASCII without escapes (nearly every name in a zone): labels copied straight, same errors. */
function encodePlainName(text: string): Buffer | undefined {
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x80 || c === 0x5c) return undefined
  }
  if (n === 0 || text === '.') return Buffer.from([0])
  const end = text.charCodeAt(n - 1) === 0x2e ? n - 1 : n
  const out = Buffer.allocUnsafe(end + 2)
  let labelStart = 0
  let pos = 0
  for (let i = 0; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== 0x2e) continue
    const len = i - labelStart
    if (len === 0) throw new Error(`empty label in name "${text}"`)
    if (len > 63) throw new Error(`label longer than 63 octets in name "${text}"`)
    out[pos] = len
    out.write(text.slice(labelStart, i), pos + 1, 'latin1')
    pos += len + 1
    labelStart = i + 1
  }
  out[pos] = 0
  if (out.length > MAX_NAME_WIRE) throw new Error(`name "${text}" is longer than 255 octets`)
  return out
}

export function encodeName(text: string): Buffer {
  const plain = encodePlainName(text)
  if (plain) return plain
  const out: number[] = []
  for (const label of parsePresentationLabels(text)) {
    if (label.octets.length === 0) throw new Error(`empty label in name "${text}"`)
    if (label.octets.length > 63) throw new Error(`label longer than 63 octets in name "${text}"`)
    out.push(label.octets.length, ...label.octets)
  }
  out.push(0)
  if (out.length > MAX_NAME_WIRE) throw new Error(`name "${text}" is longer than 255 octets`)
  return Buffer.from(out)
}
