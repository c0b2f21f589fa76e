/** RFC 1035 <character-string> values: decoding escapes to octets and printing them canonically. */

const encoder = new TextEncoder()
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Decodes escapes in raw token text (tokenizer has already checked them). */
export function decodeEscapes(raw: string): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]
    if (c === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1]
      if (next >= '0' && next <= '9') {
        out.push(Number(raw.slice(i + 1, i + 4)))
        i += 3
        continue
      }
      const cp = raw.codePointAt(i + 1)!
      out.push(...encoder.encode(String.fromCodePoint(cp)))
      i += cp > 0xffff ? 2 : 1
    } else {
      const cp = raw.codePointAt(i)!
      // ASCII is its own octet; only the rest needs the encoder (a 200,000-record zone spent seconds here).
      if (cp < 0x80) out.push(cp)
      else out.push(...encoder.encode(String.fromCodePoint(cp)))
      if (cp > 0xffff) i++
    }
  }
  return Uint8Array.from(out)
}

/** Token text with its surrounding quotes, if any, removed (for `key="value"` halves). */
export function unquote(raw: string): string {
  return raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw
}

/**
 * Canonical quoted form. Valid UTF-8 text stays readable; `"` and `\` are escaped, and control
 * octets (or every octet above 0x7e when the string is not UTF-8) become \DDD.
 */
export function quoteCharString(bytes: Uint8Array): string {
  let utf8: string | null
  try {
    utf8 = strictUtf8.decode(bytes)
  } catch {
    utf8 = null
  }
  let out = '"'
  if (utf8 !== null) {
    for (const ch of utf8) {
      const cp = ch.codePointAt(0)!
      if (ch === '"' || ch === '\\') out += '\\' + ch
      else if (cp < 0x20 || cp === 0x7f) out += '\\' + String(cp).padStart(3, '0')
      else out += ch
    }
  } else {
    for (const b of bytes) {
      if (b === 0x22 || b === 0x5c) out += '\\' + String.fromCharCode(b)
      else if (b < 0x20 || b > 0x7e) out += '\\' + String(b).padStart(3, '0')
      else out += String.fromCharCode(b)
    }
  }
  return out + '"'
}

/** Inverse of quoteCharString for canonical tokens. */
export const unquoteCharString = (token: string): Uint8Array => decodeEscapes(unquote(token))
