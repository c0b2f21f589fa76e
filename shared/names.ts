/**
 * The pure parts of the names vocabulary, for the renderer as well as the engines: a label's escaped
 * text, and tests on canonical text (lower case, absolute, master-file escapes). electron/dns/names
 * makes the canonical form and re-exports these.
 */

// Octets a label shows as they are: letters, digits, '-', '_', '*', '/'.
const PLAIN = new Uint8Array(256)
for (let c = 0; c < 256; c++) {
  PLAIN[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f || c === 0x2a || c === 0x2f ? 1 : 0
}
export const isPlainOctet = (c: number): boolean => PLAIN[c] === 1

/** A label as master files write it: `\.` for specials, `\DDD` for non-printable octets. */
export function labelText(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = ''
  for (let i = start; i < end; i++) {
    const c = bytes[i]!
    const ch = String.fromCharCode(c)
    if (PLAIN[c]) out += ch
    // . ; \ " ( ) @ $ are special in master files; other printable ASCII is fine as is
    else if (c > 0x20 && c < 0x7f) out += '.;\\"()@$'.includes(ch) ? `\\${ch}` : ch
    else out += `\\${c.toString().padStart(3, '0')}`
  }
  return out
}

/** Lower case (every letter) and absolute: the loose canonical form of a name already valid, as typed or shown. */
export function lowerAbsolute(name: string): string {
  const lower = name.toLowerCase()
  return lower.endsWith('.') ? lower : `${lower}.`
}

/** For messages: the name without its trailing dot ('example.com'). */
export const displayName = (name: string): string => (name === '.' ? '.' : name.replace(/\.$/, ''))

/** Splits a canonical name into its label texts, leftmost first (root gives []). */
export function splitCanonical(name: string): string[] {
  if (name === '.') return []
  const labels: string[] = []
  let cur = ''
  for (let i = 0; i < name.length; i++) {
    const c = name[i]
    if (c === '\\') {
      const n = /\d/.test(name[i + 1] ?? '') ? 4 : 2
      cur += name.slice(i, i + n)
      i += n - 1
    } else if (c === '.') {
      labels.push(cur)
      cur = ''
    } else cur += c
  }
  if (cur) labels.push(cur)
  return labels
}

export const joinCanonical = (labels: string[]): string => (labels.length === 0 ? '.' : labels.join('.') + '.')

/** The name itself, then each ancestor up to the root. */
export function selfAndAncestors(name: string): string[] {
  const labels = splitCanonical(name)
  const out: string[] = []
  for (let i = 0; i <= labels.length; i++) out.push(joinCanonical(labels.slice(i)))
  return out
}

/** `name` equals `ancestor` or lies below it; both canonical. */
export function isAtOrBelow(name: string, ancestor: string): boolean {
  // the string tests settle most cases without splitting (the ALIAS server asks this per query)
  if (ancestor === '.' || name === ancestor) return true
  if (!name.endsWith(ancestor)) return false
  // Without escapes every '.' separates labels, so the character before the suffix settles it.
  if (ancestor !== '' && !name.includes('\\') && !ancestor.includes('\\')) return name.length > ancestor.length && name.charCodeAt(name.length - ancestor.length - 1) === 0x2e
  const n = splitCanonical(name)
  const a = splitCanonical(ancestor)
  if (a.length >= n.length) return false
  for (let i = 1; i <= a.length; i++) if (n[n.length - i] !== a[a.length - i]) return false
  return true
}

/** Owner text relative to `origin` ('@' at the apex); absolute when outside it. */
export function relativeName(name: string, origin: string): string {
  if (name === origin) return '@'
  if (origin !== '.' && isAtOrBelow(name, origin)) {
    const n = splitCanonical(name)
    return n.slice(0, n.length - splitCanonical(origin).length).join('.')
  }
  return name
}
