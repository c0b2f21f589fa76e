import type { AuthoritativeView, Family, ResolverInspection, TtlPolicy } from '@shared/inspector'
import { families } from '@shared/inspector'
import { addressSet } from './addresses'
import type { Observation, ObservationStore } from './observation-store'
import { maxOf } from './stats'
import type { StaleContext } from './verdict-stale'

/** How far back the verdict looks: no TTL pair of interest is longer than a day. */
const LOOK_BACK_MS = 86_400_000

export interface StaleContextInput {
  apex: string
  target: string
  resolvers: readonly ResolverInspection[]
  authoritative?: AuthoritativeView
  aliasTtl?: number
  policy: TtlPolicy
  store?: ObservationStore
  nowWallMs?: number
}

const key = (family: Family): 'a' | 'aaaa' => (family === 'A' ? 'a' : 'aaaa')

/** This inspection's answer sets, as observations to remember. */
function observationsOf(input: StaleContextInput): Observation[] {
  const out: Observation[] = []
  for (const r of input.resolvers) {
    for (const family of families) {
      const sides = [
        { side: 'apex' as const, name: input.apex, rrset: r.apex[key(family)] },
        { side: 'target' as const, name: input.target, rrset: r.target?.[key(family)] }
      ]
      for (const { side, name, rrset } of sides) {
        if (!rrset || rrset.status !== 'ok') continue
        out.push({
          name,
          side,
          family,
          values: addressSet(rrset.records.map((record) => record.data)),
          ...(rrset.effectiveTtl !== undefined ? { ttl: rrset.effectiveTtl } : {}),
          seenAtWallMs: rrset.receivedAtWallMs,
          source: r.label
        })
      }
    }
  }
  return out
}

/**
 * Records what this inspection saw, then reads back the target sets seen recently (this inspection's
 * included) and the TTLs the verdict needs to date a stale apex.
 */
export function staleContext(input: StaleContextInput): StaleContext {
  const now = input.nowWallMs ?? Date.now()
  const seen = observationsOf(input)
  input.store?.record(seen)
  const recentTargetSets: StaleContext['recentTargetSets'] = {}
  const targetTtl: StaleContext['targetTtl'] = {}
  const apexTtl: StaleContext['apexTtl'] = {}
  for (const family of families) {
    const own = seen.filter((o) => o.family === family)
    recentTargetSets[family] = input.store
      ? input.store.sets(input.target, 'target', family, now - LOOK_BACK_MS)
      : own.filter((o) => o.side === 'target').map((o) => ({ values: o.values, firstSeenAtWallMs: o.seenAtWallMs, lastSeenAtWallMs: o.seenAtWallMs, ...(o.ttl !== undefined ? { ttl: o.ttl } : {}) }))
    const t = maxOf(own.map((o) => (o.side === 'target' ? o.ttl : undefined)))
    if (t !== undefined) targetTtl[family] = t
    const a = input.aliasTtl ?? input.authoritative?.ttls[family] ?? maxOf(own.map((o) => (o.side === 'apex' ? o.ttl : undefined)))
    if (a !== undefined) apexTtl[family] = a
  }
  return { nowWallMs: now, policy: input.policy, recentTargetSets, targetTtl, apexTtl }
}
