/** Case-insensitive lookups over a zone, including RFC 4592 closest-encloser wildcard matching. */
import type { WildcardLookup, Zone, ZoneIndex, ZoneRecord } from './model'
import { canonicalName, compareCanonical, isAtOrBelow, joinCanonical, splitCanonical } from '../dns/names'

export function buildIndex(zone: Zone): ZoneIndex {
  const origin = canonicalName(zone.origin)
  const originDepth = splitCanonical(origin).length
  const byName = new Map<string, ZoneRecord[]>()
  /** Owners plus every ancestor between them and the origin: the names that "exist". */
  const existing = new Set<string>([origin])
  for (const r of zone.records) {
    const name = canonicalName(r.name)
    if (!isAtOrBelow(name, origin)) continue
    const list = byName.get(name)
    if (list) list.push(r)
    else byName.set(name, [r])
    const labels = splitCanonical(name)
    for (let i = 0; i <= labels.length - originDepth; i++) existing.add(joinCanonical(labels.slice(i)))
  }
  const sortedNames = [...byName.keys()].sort(compareCanonical)

  const get = (name: string, type?: string): ZoneRecord[] => {
    const list = byName.get(canonicalName(name)) ?? []
    return type === undefined ? [...list] : list.filter((r) => r.type === type.toUpperCase())
  }
  const delegations = sortedNames.filter((n) => n !== origin && byName.get(n)!.some((r) => r.type === 'NS'))

  return {
    origin,
    get,
    hasName: (name) => byName.has(canonicalName(name)),
    namesUnder(name) {
      const n = canonicalName(name)
      return sortedNames.filter((x) => x !== n && isAtOrBelow(x, n))
    },
    lookupWildcard(name): WildcardLookup {
      const n = canonicalName(name)
      if (!isAtOrBelow(n, origin)) return { exists: false, emptyNonTerminal: false, closestEncloser: null, wildcardOwner: null }
      if (existing.has(n)) {
        const exists = byName.has(n)
        return { exists, emptyNonTerminal: !exists, closestEncloser: n, wildcardOwner: null }
      }
      const labels = splitCanonical(n)
      let encloser = origin
      for (let i = 1; i < labels.length; i++) {
        const candidate = joinCanonical(labels.slice(i))
        if (existing.has(candidate)) {
          encloser = candidate
          break
        }
      }
      // Below a zone cut the answer is a referral, never a synthesised record (RFC 4592 §2.2.2).
      const cut = delegations.some((d) => isAtOrBelow(n, d))
      const wildcard = joinCanonical(['*', ...splitCanonical(encloser)])
      return {
        exists: false,
        emptyNonTerminal: false,
        closestEncloser: encloser,
        wildcardOwner: !cut && byName.has(wildcard) ? wildcard : null
      }
    }
  }
}
