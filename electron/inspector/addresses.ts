import { canonicalIp } from '../dns/ip'

/** Sorted, de-duplicated canonical addresses ('2001:DB8:0::1' and '2001:db8::1' are one). */
export function addressSet(values: Iterable<string>): string[] {
  const out = new Set<string>()
  for (const value of values) out.add(canonicalIp(value.trim().toLowerCase()))
  return [...out].sort()
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const bs = new Set(b)
  return a.every((value) => bs.has(value))
}
