import type { Family, MismatchInterval, SeriesAnalysis, TargetChange, Viewpoint, WatchSample } from '@shared/inspector'
import { sameSet } from './addresses'
import { setRelation } from './set-compare'
import { maxOf, medianOf } from './stats'

export interface SeriesKey {
  viewpoint: Viewpoint
  resolverIndex: number
  label: string
  family: Family
}

/** How the apex's latest set stands against the target's latest set. */
type Standing = 'match' | 'stale' | 'partial'

/**
 * One viewpoint, resolver and family: apex and target samples in time order (errors included; they
 * carry no set, so they only widen the window in which a change is known to have happened).
 *
 * - A change of the target's set is dated to the middle of the gap between the last sample with the
 *   old set and the first with the new one; when the apex moved in that same gap, the lag is an upper
 *   bound (`lagUpperBound`) and the stale time counts the same interval.
 * - The apex follows a change when it first shows the new set after the target last showed the old one.
 * - If the target returns to the set the apex still serves, the change in between is `reverted`: the
 *   apex matches again without having followed, so no lag is recorded (never a lag of 0).
 * - An apex set that partly overlaps the target's without being an earlier target set is a CDN
 *   answering per node: counted as `partialSamples`, not as stale.
 */
export function analyzeSeries(events: readonly WatchSample[], key: SeriesKey): SeriesAnalysis {
  /** `since`: first sample with this set; `before`: the apex sample just before it (another set). */
  let apex: { values: string[]; since: number; before?: number } | undefined
  let lastApexMs: number | undefined
  let target: { values: string[]; lastSeenMs: number } | undefined
  // sets are sorted and canonical, so a joined key identifies one; a Set keeps long CDN sessions linear
  const earlierTargetSets = new Set<string>()
  const setKey = (values: readonly string[]): string => values.join(' ')
  let pending: TargetChange | undefined
  let openSince: number | undefined
  let lastEndMs = Number.NEGATIVE_INFINITY
  const changes: TargetChange[] = []
  const intervals: MismatchInterval[] = []
  const counts = { apex: 0, target: 0, mismatched: 0, partial: 0, errors: 0 }
  let lastMs = 0

  // dated like the change itself, to the middle of the apex's sampling gap: both ends err by at most half an interval
  const follow = (change: TargetChange, now: number): void => {
    const { before, since } = apex!
    const at = before !== undefined ? (before + since) / 2 : since
    const gap = change.firstNewMs - change.lastOldMs
    const sameRound = Math.abs(since - change.firstNewMs) < gap / 2
    if (!sameRound && at > change.changedAtMs) {
      change.followedAtMs = at
      change.lagMs = at - change.changedAtMs
    } else {
      // the apex first showed the new set in the round where the target did: their order in that gap is
      // unknown, so the lag is an upper bound, from the last target sample with the old set to now (both
      // sides show the new one), and the stale time counts that same interval
      change.changedAtMs = change.lastOldMs
      change.followedAtMs = now
      change.lagMs = now - change.lastOldMs
      change.lagUpperBound = true
      openSince = Math.min(openSince ?? now, Math.max(change.lastOldMs, lastEndMs))
    }
    change.outcome = 'followed'
    pending = undefined
  }
  const end = (change: TargetChange, outcome: 'superseded' | 'reverted', at: number): void => {
    change.outcome = outcome
    change.endedAtMs = at
    pending = undefined
  }
  const standing = (): Standing | undefined => {
    if (!apex || !target) return undefined
    if (sameSet(apex.values, target.values)) return 'match'
    if (earlierTargetSets.has(setKey(apex.values))) return 'stale'
    const relation = setRelation(apex.values, target.values)
    return relation === 'overlap' || relation === 'apex-subset' || relation === 'target-subset' ? 'partial' : 'stale'
  }

  for (const e of events) {
    const t = e.elapsedMs
    lastMs = Math.max(lastMs, t)
    if (e.status === 'error') {
      counts.errors++
      continue
    }
    if (e.side === 'target') {
      counts.target++
      if (target && !sameSet(target.values, e.values)) {
        const changedAtMs = (target.lastSeenMs + t) / 2
        earlierTargetSets.add(setKey(target.values))
        const apexHasNew = !!apex && sameSet(apex.values, e.values)
        if (apexHasNew && apex!.since <= target.lastSeenMs) {
          // the target went back to what the apex kept serving: nothing for the apex to follow
          if (pending) end(pending, 'reverted', changedAtMs)
        } else {
          if (pending) end(pending, 'superseded', changedAtMs)
          const change: TargetChange = { from: target.values, to: e.values, lastOldMs: target.lastSeenMs, firstNewMs: t, changedAtMs, outcome: 'pending' }
          changes.push(change)
          pending = change
          // the apex may have been asked first in the same round and already show the new set
          if (apexHasNew) follow(change, t)
        }
      }
      target = { values: e.values, lastSeenMs: t }
    } else {
      counts.apex++
      if (!apex || !sameSet(apex.values, e.values)) apex = { values: e.values, since: t, ...(lastApexMs !== undefined ? { before: lastApexMs } : {}) }
      lastApexMs = t
      if (pending && sameSet(e.values, pending.to)) follow(pending, t)
      const now = standing()
      if (now === 'stale') counts.mismatched++
      if (now === 'partial') counts.partial++
    }
    const differs = standing() === 'stale'
    if (differs && openSince === undefined) openSince = t
    if (!differs && openSince !== undefined) {
      intervals.push({ startMs: openSince, endMs: t, durationMs: t - openSince, open: false })
      openSince = undefined
      lastEndMs = t
    }
  }
  if (openSince !== undefined) intervals.push({ startMs: openSince, endMs: lastMs, durationMs: lastMs - openSince, open: true })

  const ttls = (side: WatchSample['side']) => events.map((e) => (e.side === side && e.status !== 'error' ? e.ttl : undefined))
  const maxApexTtl = maxOf(ttls('apex'))
  const maxTargetTtl = maxOf(ttls('target'))
  return {
    viewpoint: key.viewpoint,
    resolverIndex: key.resolverIndex,
    label: key.label,
    family: key.family,
    apexSamples: counts.apex,
    targetSamples: counts.target,
    mismatchedSamples: counts.mismatched,
    mismatchIntervals: intervals,
    mismatchedMs: intervals.reduce((n, i) => n + i.durationMs, 0),
    partialSamples: counts.partial,
    errorSamples: counts.errors,
    changes,
    ...lagFigures(changes),
    ...(maxApexTtl !== undefined ? { maxApexTtl } : {}),
    ...(maxTargetTtl !== undefined ? { maxTargetTtl } : {})
  }
}

export const followedLags = (changes: readonly TargetChange[]): number[] =>
  changes.flatMap((c) => (c.outcome === 'followed' && c.lagMs !== undefined ? [c.lagMs] : []))

/**
 * The lags of the followed changes: max, median, how many are upper bounds (the apex moved in the
 * target's sampling gap), and whether the largest is one: the figures say "≤" then.
 */
export function lagFigures(changes: readonly TargetChange[]): Pick<SeriesAnalysis, 'maxLagMs' | 'medianLagMs' | 'upperBoundLags' | 'maxLagUpperBound'> {
  const lags = followedLags(changes)
  const maxLagMs = maxOf(lags)
  const medianLagMs = medianOf(lags)
  const bounded = changes.filter((c) => c.outcome === 'followed' && c.lagUpperBound)
  return {
    ...(maxLagMs !== undefined ? { maxLagMs } : {}),
    ...(medianLagMs !== undefined ? { medianLagMs } : {}),
    ...(bounded.length > 0 ? { upperBoundLags: bounded.length } : {}),
    ...(bounded.some((c) => c.lagMs === maxLagMs) ? { maxLagUpperBound: true as const } : {})
  }
}

/** Total length of the union of intervals: wall-clock time covered by at least one. */
export function unionMs(intervals: readonly { startMs: number; endMs: number }[]): number {
  const sorted = [...intervals].sort((a, b) => a.startMs - b.startMs)
  let total = 0
  let start: number | undefined
  let end = 0
  for (const i of sorted) {
    if (start === undefined || i.startMs > end) {
      if (start !== undefined) total += end - start
      start = i.startMs
      end = i.endMs
    } else end = Math.max(end, i.endMs)
  }
  if (start !== undefined) total += end - start
  return total
}
