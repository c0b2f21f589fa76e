import type { FamilyComparison, Family, SetRelation } from '@shared/inspector'
import { addressSet } from './addresses'

/** How the apex's set relates to the target's (both sides canonical). */
export function setRelation(apex: readonly string[], target: readonly string[]): SetRelation {
  if (apex.length === 0 || target.length === 0) return 'no-data'
  const targetSet = new Set(target)
  const common = apex.filter((value) => targetSet.has(value)).length
  if (common === 0) return 'disjoint'
  if (common === apex.length && common === target.length) return 'equal'
  if (common === apex.length) return 'apex-subset'
  if (common === target.length) return 'target-subset'
  return 'overlap'
}

export interface CompareInput {
  family: Family
  apex: Iterable<string>
  target: Iterable<string>
  apexTtl?: number
  targetTtl?: number
}

/** One family through one resolver: the set relation and the TTL relation. */
export function compareFamily(input: CompareInput): FamilyComparison {
  const apex = addressSet(input.apex)
  const target = addressSet(input.target)
  const targetSet = new Set(target)
  const { apexTtl, targetTtl } = input
  return {
    family: input.family,
    relation: setRelation(apex, target),
    apex,
    target,
    common: apex.filter((value) => targetSet.has(value)),
    ...(apexTtl !== undefined ? { apexTtl } : {}),
    ...(targetTtl !== undefined ? { targetTtl } : {}),
    ttlRelation:
      apexTtl === undefined || targetTtl === undefined ? 'unknown' : apexTtl <= targetTtl ? 'at-or-below' : 'above'
  }
}
