/**
 * Domain names in presentation form (RFC 1035 §5.1). Names are parsed to wire labels so that
 * escapes (`\.`, `\065`) and length limits are handled exactly, then printed back in one
 * canonical form: lower-case, absolute, special characters escaped.
 */

import { decodeLabels, endsWithDot, escapeLabel, NameEscapeError } from '../wire-name'

export type Labels = Uint8Array[]

const MAX_LABEL = 63
const MAX_NAME = 255
const MAX_NAME_TEXT = 1100
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
  let labels: Labels
  try {
    labels = decodeLabels(text)
  } catch (e) {
    return { error: e instanceof NameEscapeError && e.kind === 'dangling' ? `"${text}" ends with a lone backslash` : `"${text}" has a bad \\DDD escape` }
  }
  if (labels.some((label) => label.length === 0)) return { error: `"${text}" has an empty label` }
  if (!endsWithDot(text)) {
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

/**
 * What /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?$/ tests, over char codes: undefined when the text does
 * not match, else whether it holds an upper-case letter.
 */
function plainNameCase(text: string): boolean | undefined {
  if (text.length === 0) return undefined
  let labelLength = 0
  let upper = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x2e) {
      if (labelLength === 0) return undefined
      labelLength = 0
      continue
    }
    if (c >= 0x41 && c <= 0x5a) upper = true
    else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d)) return undefined
    labelLength++
  }
  return upper
}
const originTexts = new WeakMap<Labels, string>()

/**
 * parseName + labelsToText for the common case, letters, digits, '-' and '_' without escapes, done on
 * the text itself (a 200,000-record zone spent seconds building label arrays); undefined otherwise, and
 * the caller takes the general path, which also produces every error message.
 */
export function plainCanonicalName(text: string, origin: Labels | null): string | undefined {
  if (text.length > MAX_NAME) return undefined
  const plain = plainNameCase(text)
  if (plain === undefined) return undefined
  let name = plain ? text.toLowerCase() : text
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

const wireLength = (labels: Labels): number => labels.reduce((n, l) => n + l.length + 1, 1)

/** A label as master files write it (the wire codec's escaping: `\.` for specials, `\DDD` for the rest). */
const labelToText = (label: Uint8Array): string =>
  escapeLabel(Buffer.from(label.buffer, label.byteOffset, label.length), 0, label.length)

/** Canonical presentation: lower-case, trailing dot, root as '.'. */
export function labelsToText(labels: Labels): string {
  return labels.length === 0 ? '.' : labels.map(labelToText).join('.') + '.'
}

/** Uncompressed wire form. */
export const labelsToWire = (labels: Labels): Uint8Array => lengthPrefixed(labels, 1)

/** Each chunk after its one-octet length, then `zeros` zero octets (1: a name's root label; 0: TXT's strings). */
export function lengthPrefixed(chunks: readonly Uint8Array[], zeros = 0): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length + 1, zeros))
  let o = 0
  for (const chunk of chunks) {
    out[o++] = chunk.length
    out.set(chunk, o)
    o += chunk.length
  }
  return out
}

/** Labels of an absolute name; throws on invalid input (for names already validated). */
export function absoluteLabels(name: string): Labels {
  const r = parseName(name.endsWith('.') ? name : name + '.', null)
  if ('error' in r) throw new Error(r.error)
  return r.labels
}
