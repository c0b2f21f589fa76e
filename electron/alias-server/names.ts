/**
 * Canonical names as the zone layer writes them: lower case, absolute (trailing dot), master-file
 * escapes (`\.`, `\DDD`). Every name inside the server is in this form.
 */
import { encodeName, lowerWire, readName } from '../dns/wire-name'

export { lowerWire }
import { joinCanonical, splitCanonical } from '../zone'

/** The name itself, then each ancestor up to the root. */
export function selfAndAncestors(name: string): string[] {
  const labels = splitCanonical(name)
  const out: string[] = []
  for (let i = 0; i <= labels.length; i++) out.push(joinCanonical(labels.slice(i)))
  return out
}

/** A lower-case canonical name from any absolute or relative presentation name. */
export function canonical(name: string): string {
  if (name === '' || name === '.') return '.'
  const absolute = name.endsWith('.') && !name.endsWith('\\.') ? name : `${name}.`
  return readName(lowerWire(encodeName(absolute)), 0, undefined, false).name
}

/** Uncompressed wire form of a canonical name. */
export const nameToWire = (name: string): Buffer => encodeName(name)


/** For messages: 'a.test' rather than 'a.test.'. */
export const display = (name: string): string => (name === '.' ? '.' : name.replace(/\.$/, ''))
