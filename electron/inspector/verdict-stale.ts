import type { AliasRecord, Evidence, Family, FamilyComparison, SetRelation, StaleWindow, TtlPolicy } from '@shared/inspector'
import { sameSet } from './addresses'
import { displayName } from '../dns/names'
import type { TargetSetSighting } from './observation-store'
import { stalenessBound } from './staleness-bound'

/** What the inspector remembers and knows about TTLs, for telling a stale apex from an unrelated one. */
export interface StaleContext {
  nowWallMs: number
  policy: TtlPolicy
  /** Target sets seen recently (the store's sightings, this inspection's included), the latest first. */
  recentTargetSets: Partial<Record<Family, TargetSetSighting[]>>
  /** The target's TTL (its largest seen now) and the apex's (the ALIAS record's, else the authoritative one). */
  targetTtl: Partial<Record<Family, number>>
  apexTtl: Partial<Record<Family, number>>
}

export const clockTime = (ms: number): string => `${new Date(ms).toISOString().slice(11, 19)} UTC`

/**
 * The earlier target set an apex set equals, if it was seen within the last target TTL + apex TTL
 * (after that, no cache may still hold it) and is not what the target gives now. `replaced`: another
 * set was seen after it was last seen; if not, the target still gives it somewhere (a CDN answering
 * per node), which is no staleness.
 */
export function earlierSighting(
  apex: readonly string[],
  current: readonly string[],
  family: Family,
  ctx: StaleContext
): { sighting: TargetSetSighting; replaced: boolean } | undefined {
  if (apex.length === 0 || sameSet(apex, current)) return undefined
  const apexTtl = ctx.apexTtl[family] ?? 0
  const sets = ctx.recentTargetSets[family] ?? []
  const sighting = sets.find((s) => {
    const windowMs = ((s.ttl ?? ctx.targetTtl[family] ?? 0) + apexTtl) * 1000
    return sameSet(s.values, apex) && s.lastSeenAtWallMs + windowMs >= ctx.nowWallMs
  })
  if (!sighting) return undefined
  return { sighting, replaced: sighting.nextSeenAtWallMs !== undefined }
}

export function cdnEvidence(family: Family, target: string, apex: readonly string[], sighting: TargetSetSighting): Evidence {
  return {
    stance: 'for',
    text: `apex ${family} set ${apex.join(' ')} is one ${target} gave recently (last at ${clockTime(sighting.lastSeenAtWallMs)}), alternating with others: a CDN answering per node, not staleness`
  }
}

/** Since when the apex is stale (at the latest: the first sight of a newer set) and by when it must follow. */
export function staleWindow(
  family: Family,
  apex: readonly string[],
  sighting: TargetSetSighting | undefined,
  ctx: StaleContext,
  aliasTtl: number | undefined,
  fallbackTargetTtl = 0
): StaleWindow {
  const sinceWallMs = sighting?.nextSeenAtWallMs ?? ctx.nowWallMs
  const targetTtl = ctx.targetTtl[family] ?? sighting?.ttl ?? fallbackTargetTtl
  const apexTtl = aliasTtl ?? ctx.apexTtl[family] ?? targetTtl
  const bound = stalenessBound(ctx.policy, targetTtl, apexTtl, aliasTtl !== undefined ? 'alias-record' : 'largest-apex-ttl-seen')
  return {
    family,
    values: [...apex],
    ...(sighting ? { lastSeenAtWallMs: sighting.lastSeenAtWallMs } : {}),
    sinceWallMs,
    followByWallMs: sinceWallMs + bound.seconds * 1000,
    formula: bound.formula
  }
}

export function aliasRecordEvidence(record: AliasRecord, target: string | undefined): Evidence {
  const points = displayName(record.target)
  const same = target !== undefined && record.target === target
  return {
    stance: same || target === undefined ? 'for' : 'neutral',
    text: `ALIAS/ANAME record at ${displayName(record.owner)} → ${points}, TTL ${record.ttl} s, served by ${record.server}${record.server.startsWith('resolver ') ? '' : " (the apex zone's own server)"}`
  }
}

export function sightingEvidence(family: Family, target: string, sighting: TargetSetSighting, window: StaleWindow): Evidence {
  const when =
    sighting.firstSeenAtWallMs === sighting.lastSeenAtWallMs
      ? `seen at ${clockTime(sighting.lastSeenAtWallMs)}`
      : `seen from ${clockTime(sighting.firstSeenAtWallMs)} to ${clockTime(sighting.lastSeenAtWallMs)}`
  return {
    stance: 'for',
    text:
      `apex ${family} set ${window.values.join(' ')} equals ${target}'s earlier set (${when}${sighting.ttl !== undefined ? `, TTL ${sighting.ttl} s` : ''}): ` +
      `the apex still serves it; stale since ${clockTime(window.sinceWallMs)} at the latest, must follow by ${clockTime(window.followByWallMs)} (${window.formula})`
  }
}

/** Relations in which the apex follows the target. */
export const MATCHING: readonly SetRelation[] = ['equal', 'apex-subset', 'target-subset']

/** The non-matching comparisons of one resolver (disjoint or partial), by family. */
export function unmatched(comparisons: readonly (FamilyComparison | undefined)[]): FamilyComparison[] {
  return comparisons.filter((c): c is FamilyComparison => !!c && c.relation !== 'no-data' && !MATCHING.includes(c.relation))
}
