/**
 * Canonical names as the zone layer writes them: lower case, absolute (trailing dot), master-file
 * escapes (`\.`, `\DDD`). Every name inside the server is in this form.
 */
import { encodeName, readName } from '../dns/wire-name'

/** Label texts, leftmost first; the root gives []. Escapes stay inside their label. */
export function splitLabels(name: string): string[] {
  if (name === '.') return []
  const labels: string[] = []
  let cur = ''
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!
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

export const joinLabels = (labels: string[]): string => (labels.length === 0 ? '.' : `${labels.join('.')}.`)

/** The name itself, then each ancestor up to the root. */
export function selfAndAncestors(name: string): string[] {
  const labels = splitLabels(name)
  const out: string[] = []
  for (let i = 0; i <= labels.length; i++) out.push(joinLabels(labels.slice(i)))
  return out
}

export function isAtOrBelow(name: string, ancestor: string): boolean {
  if (ancestor === '.' || name === ancestor) return true
  if (!name.endsWith(ancestor)) return false
  const n = splitLabels(name)
  const a = splitLabels(ancestor)
  if (a.length >= n.length) return false
  for (let i = 1; i <= a.length; i++) if (n[n.length - i] !== a[a.length - i]) return false
  return true
}

/** A lower-case canonical name from any absolute or relative presentation name. */
export function canonical(name: string): string {
  if (name === '' || name === '.') return '.'
  const absolute = name.endsWith('.') && !name.endsWith('\\.') ? name : `${name}.`
  return readName(lowerWire(encodeName(absolute)), 0, undefined, false).name
}

/** Uncompressed wire form of a canonical name. */
export const nameToWire = (name: string): Buffer => encodeName(name)

/** Lower-cases ASCII letters in a wire-form name, in place; returns it. */
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

/** For messages: 'a.test' rather than 'a.test.'. */
export const display = (name: string): string => (name === '.' ? '.' : name.replace(/\.$/, ''))
