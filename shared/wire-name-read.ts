/**
 * The one reader of a (possibly compressed) domain name on the wire (RFC 1035 §4.1.4), for the codec
 * and the renderer's hex dump alike. Pointers must point strictly before the run they interrupt, so loops
 * are impossible; the total length is capped at 255 octets. Each caller says how to fail and how to
 * write a label.
 */
import { labelText } from './names'

type LabelText = (bytes: Uint8Array, start: number, end: number) => string

export const MAX_NAME_WIRE = 255

/**
 * The name in presentation form (absolute, escaped) and the offset just after its in-place bytes. `limit`
 * bounds the in-place bytes (e.g. the end of the RDATA). Positional arguments: the codec calls this per name.
 */
export function readWireName(
  bytes: Uint8Array,
  offset: number,
  fail: (reason: string) => Error,
  limit = bytes.length,
  allowCompression = true,
  label: LabelText = labelText
): { name: string; end: number } {
  let pos = offset
  let runStart = offset
  let bound = Math.min(limit, bytes.length)
  let end = -1
  let wire = 1
  let out = ''
  for (;;) {
    if (pos >= bound) throw fail(`name at offset ${offset} runs past the end of its data`)
    const len = bytes[pos]!
    if (len === 0) {
      if (end < 0) end = pos + 1
      break
    }
    const kind = len & 0xc0
    if (kind === 0xc0) {
      if (!allowCompression) throw fail(`compressed name at offset ${offset} where compression is not allowed`)
      if (pos + 1 >= bound) throw fail(`truncated compression pointer at offset ${pos}`)
      const ptr = ((len & 0x3f) << 8) | bytes[pos + 1]!
      if (end < 0) end = pos + 2
      if (ptr >= runStart) throw fail(`compression pointer at offset ${pos} to ${ptr} does not point backwards (loop)`)
      pos = ptr
      runStart = ptr
      bound = bytes.length
      continue
    }
    if (kind !== 0) throw fail(`unsupported label type 0x${len.toString(16)} at offset ${pos}`)
    if (pos + 1 + len > bound) throw fail(`label at offset ${pos} runs past the end of its data`)
    wire += len + 1
    if (wire > MAX_NAME_WIRE) throw fail(`name at offset ${offset} is longer than 255 octets`)
    out += `${label(bytes, pos + 1, pos + 1 + len)}.`
    pos += 1 + len
  }
  return { name: out === '' ? '.' : out, end }
}
