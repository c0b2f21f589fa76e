/**
 * Canonical names: lower case (ASCII letters only, RFC 4343), absolute (trailing dot), master-file
 * escapes (`\.`, `\DDD`). The one form every comparison uses, in the zone layer, the server and the
 * inspector; with the tests for ancestors.
 */
import { lowerAbsolute } from '@shared/names'
import { endsWithDot } from '../wire-name'
import { labelsToText, parseName, plainCanonicalName } from './presentation'

/** Canonical form of a user- or wire-supplied name; a missing trailing dot is added. */
export function canonicalName(name: string): string {
  const absolute = name === '' ? '.' : endsWithDot(name) ? name : `${name}.`
  const plain = plainCanonicalName(absolute, null)
  if (plain !== undefined) return plain
  const r = parseName(absolute, null)
  return 'error' in r ? name.toLowerCase() : labelsToText(r.labels)
}

/**
 * Canonical form of a name a person typed (surrounding blanks dropped): as canonicalName, except that
 * a name holding characters beyond ASCII keeps them as typed, lower-cased, instead of as `\DDD`
 * escapes, so an IDN apex is still shown, and queried, as one (the query engine converts it).
 */
export function typedName(name: string): string {
  const text = name.trim()
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(text)) return canonicalName(text)
  return lowerAbsolute(text)
}

export const sameName = (a: string, b: string): boolean => canonicalName(a) === canonicalName(b)

/** Lower-cases ASCII letters in a wire-form name, in place; returns it (RFC 4034 §6.2 canonical form). */
export function lowerWire(wire: Buffer): Buffer {
  for (let i = 0; i < wire.length; ) {
    const len = wire[i]!
    if (len === 0) break
    for (let j = i + 1; j <= i + len; j++) {
      const b = wire[j]!
      if (b >= 0x41 && b <= 0x5a) wire[j] = b + 0x20
    }
    i += len + 1
  }
  return wire
}
