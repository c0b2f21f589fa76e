/**
 * Domain names in presentation form (RFC 1035 §5.1). Names are parsed to wire labels so that
 * escapes (`\.`, `\065`) and length limits are handled exactly, then printed back in one
 * canonical form: lower-case, absolute, special characters escaped.
 */

export type Labels = Uint8Array[]

const MAX_LABEL = 63
const MAX_NAME = 255
const MAX_NAME_TEXT = 1100
const encoder = new TextEncoder()
// Raw C0 controls and DEL: invisible in an editor and in logs, and a NUL ends C strings in other tools.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g

export type NameResult = { labels: Labels } | { error: string }

/**
 * Parses `text` (as written in a zone file) against `origin`. Unescaped characters outside
 * ASCII are taken as their UTF-8 octets.
 */
export function parseName(text: string, origin: Labels | null): NameResult {
  if (text === '') return { error: 'empty domain name' }
  // Even written all in \DDD escapes, 255 octets take under 1,100 characters: refuse longer text at once.
  if (text.length > MAX_NAME_TEXT) return { error: `"${text}" is ${text.length} characters long; a domain name is at most ${MAX_NAME} octets` }
  const control = CONTROL.exec(text)
  if (control) {
    const code = control[0].charCodeAt(0)
    const ddd = String(code).padStart(3, '0')
    return {
      error: `"${text.replace(CONTROL_ALL, (c) => `\\${String(c.charCodeAt(0)).padStart(3, '0')}`)}" has a raw control character (0x${code.toString(16).padStart(2, '0')}) at character ${control.index + 1}; write it escaped, as \\${ddd}`
    }
  }
  if (text === '@') return origin ? { labels: origin } : { error: '"@" needs an origin ($ORIGIN or the origin option)' }
  if (text === '.') return { labels: [] }
  const labels: Labels = []
  let bytes: number[] = []
  let absolute = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '.') {
      if (bytes.length === 0) return { error: `"${text}" has an empty label` }
      labels.push(Uint8Array.from(bytes))
      bytes = []
      if (i === text.length - 1) absolute = true
    } else if (c === '\\') {
      const next = text[i + 1]
      if (next === undefined) return { error: `"${text}" ends with a lone backslash` }
      if (next >= '0' && next <= '9') {
        const digits = text.slice(i + 1, i + 4)
        if (!/^\d{3}$/.test(digits) || Number(digits) > 255) return { error: `"${text}" has a bad \\DDD escape` }
        bytes.push(Number(digits))
        i += 3
      } else {
        const cp = text.codePointAt(i + 1)!
        bytes.push(...encoder.encode(String.fromCodePoint(cp)))
        i += cp > 0xffff ? 2 : 1
      }
    } else {
      const cp = text.codePointAt(i)!
      if (cp > 0x7f) {
        bytes.push(...encoder.encode(String.fromCodePoint(cp)))
        if (cp > 0xffff) i++
      } else bytes.push(cp)
    }
  }
  if (bytes.length > 0) labels.push(Uint8Array.from(bytes))
  if (!absolute) {
    if (!origin) return { error: `relative name "${text}" needs an origin ($ORIGIN or the origin option)` }
    labels.push(...origin)
  }
  for (const label of labels) {
    if (label.length > MAX_LABEL) {
      return { error: `label "${labelToText(label)}" is ${label.length} octets long (max ${MAX_LABEL})` }
    }
  }
  const wire = wireLength(labels)
  if (wire > MAX_NAME) return { error: `"${text}" is ${wire} octets long in wire form (max ${MAX_NAME})` }
  return { labels: labels.map(lowerLabel) }
}

const PLAIN_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?$/
const originTexts = new WeakMap<Labels, string>()

/**
 * parseName + labelsToText for the common case, letters, digits, '-' and '_' without escapes, done on
 * the text itself (a 200,000-record zone spent seconds building label arrays); undefined otherwise, and
 * the caller takes the general path, which also produces every error message.
 */
export function plainCanonicalName(text: string, origin: Labels | null): string | undefined {
  if (text.length > MAX_NAME || !PLAIN_NAME.test(text)) return undefined
  let name = text.toLowerCase()
  if (!name.endsWith('.')) {
    if (!origin) return undefined
    let suffix = originTexts.get(origin)
    if (suffix === undefined) originTexts.set(origin, (suffix = labelsToText(origin)))
    name = suffix === '.' ? `${name}.` : `${name}.${suffix}`
  }
  // Without escapes one character is one octet: the wire form is the text plus the root label.
  if (name.length + 1 > MAX_NAME) return undefined
  if (name.length > MAX_LABEL && name.split('.').some((label) => label.length > MAX_LABEL)) return undefined
  return name
}

function lowerLabel(label: Uint8Array): Uint8Array {
  return label.map((b) => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b))
}

export const wireLength = (labels: Labels): number => labels.reduce((n, l) => n + l.length + 1, 1)

// Characters that mean something in master files and so are escaped inside a label.
const SPECIAL = new Set(['.', ';', '\\', '"', '(', ')', '@', '$'].map((c) => c.charCodeAt(0)))

export function labelToText(label: Uint8Array): string {
  let out = ''
  for (const b of label) {
    if (SPECIAL.has(b)) out += '\\' + String.fromCharCode(b)
    else if (b > 0x20 && b < 0x7f) out += String.fromCharCode(b)
    else out += '\\' + String(b).padStart(3, '0')
  }
  return out
}

/** Canonical presentation: lower-case, trailing dot, root as '.'. */
export function labelsToText(labels: Labels): string {
  return labels.length === 0 ? '.' : labels.map(labelToText).join('.') + '.'
}

/** Uncompressed wire form. */
export function labelsToWire(labels: Labels): Uint8Array {
  const out = new Uint8Array(wireLength(labels))
  let o = 0
  for (const label of labels) {
    out[o++] = label.length
    out.set(label, o)
    o += label.length
  }
  return out
}

/** Reads an uncompressed name at `offset`; returns the labels and the offset after it. */
export function labelsFromWire(buf: Uint8Array, offset: number): { labels: Labels; next: number } {
  const labels: Labels = []
  let o = offset
  for (;;) {
    if (o >= buf.length) throw new Error('name runs past the end of the data')
    const len = buf[o++]
    if (len === 0) break
    if (len > MAX_LABEL) throw new Error('compressed or invalid label in name')
    if (o + len > buf.length) throw new Error('name runs past the end of the data')
    labels.push(lowerLabel(buf.slice(o, o + len)))
    o += len
  }
  if (wireLength(labels) > MAX_NAME) throw new Error(`name longer than ${MAX_NAME} octets`)
  return { labels, next: o }
}

/** Labels of an absolute name; throws on invalid input (for names already validated). */
export function absoluteLabels(name: string): Labels {
  const r = parseName(name.endsWith('.') ? name : name + '.', null)
  if ('error' in r) throw new Error(r.error)
  return r.labels
}

/** Canonical form of a user- or wire-supplied name; a missing trailing dot is added. */
export function canonicalName(name: string): string {
  const r = parseName(name === '' ? '.' : name.endsWith('.') ? name : name + '.', null)
  return 'error' in r ? name.toLowerCase() : labelsToText(r.labels)
}

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

/** `name` equals `ancestor` or lies below it; both canonical. */
export function isAtOrBelow(name: string, ancestor: string): boolean {
  // the string tests settle most cases without splitting (the ALIAS server asks this per query)
  if (ancestor === '.' || name === ancestor) return true
  if (!name.endsWith(ancestor)) return false
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

/** RFC 4034 §6.1 canonical ordering of two canonical names. */
export function compareCanonical(a: string, b: string): number {
  const la = absoluteLabels(a).reverse()
  const lb = absoluteLabels(b).reverse()
  for (let i = 0; i < Math.min(la.length, lb.length); i++) {
    const x = la[i]
    const y = lb[i]
    for (let j = 0; j < Math.min(x.length, y.length); j++) if (x[j] !== y[j]) return x[j] - y[j]
    if (x.length !== y.length) return x.length - y.length
  }
  return la.length - lb.length
}
