/** The zone byte path's token scanning over octets, as the zone tokenizer splits the text. */

class GiveUp {}
export const GIVE_UP = new GiveUp()
/** Leaves the file to the full parser (byteCompactZone catches it). */
export const giveUp = (): never => {
  throw GIVE_UP
}

/** A token of up to 6 letters, case-folded, as one small integer (5 bits a letter); -1 for anything else. */
export function upperKey(src: Uint8Array, a: number, b: number): number {
  if (b - a > 6) return -1
  let key = 0
  for (let i = a; i < b; i++) {
    const c = src[i]! | 0x20
    if (c < 0x61 || c > 0x7a) return -1
    key = key * 32 + (c - 0x60)
  }
  return key
}

/** The length of the escape at src[i] (a backslash), as the tokenizer's escapeLength gives it; gives up where that reports an error. */
const digitAt = (src: Uint8Array, k: number, eol: number): number => (k < eol && src[k]! >= 0x30 && src[k]! <= 0x39 ? src[k]! - 0x30 : -1)

export function escapeLength(src: Uint8Array, i: number, eol: number): number {
  if (i + 1 >= eol || src[i + 1]! > 0x7e) giveUp()
  const d1 = digitAt(src, i + 1, eol)
  if (d1 < 0) return 2
  const d2 = digitAt(src, i + 2, eol)
  const d3 = digitAt(src, i + 3, eol)
  return d2 >= 0 && d3 >= 0 && d1 * 100 + d2 * 10 + d3 <= 255 ? 4 : giveUp()
}

/** The index of the '"' closing the quoted run opened at src[i], escapes skipped; gives up as the tokenizer reports, and on non-ASCII. */
export function quoteEnd(src: Uint8Array, i: number, eol: number): number {
  let j = i + 1
  while (j < eol && src[j] !== 0x22) j += src[j]! > 0x7e ? giveUp() : src[j] === 0x5c ? escapeLength(src, j, eol) : 1
  return j < eol ? j : giveUp()
}
