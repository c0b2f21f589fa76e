import type {
  Family,
  MismatchInterval,
  SeriesAnalysis,
  StalenessAnalysis,
  TargetChange,
  TtlPolicy,
  WatchSample
} from '@shared/inspector'
import { families } from '@shared/inspector'
import { sameSet } from './addresses'
import { stalenessBound } from './staleness-bound'
import { maxOf, medianOf } from './stats'

export interface StalenessInput {
  samples: readonly WatchSample[]
  /** Resolver labels by index. */
  labels: readonly string[]
  policy: TtlPolicy
  /** How late sampling alone can see a change (the interval, or the TTL in expiry mode). */
  samplingResolutionMs: number
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

/** One resolver and family: apex and target samples in time order. Errors carry no set and are skipped. */
function analyzeSeries(events: readonly WatchSample[], resolverIndex: number, label: string, family: Family): SeriesAnalysis {
  let apex: { values: string[]; since: number } | undefined
  let target: { values: string[]; lastSeenMs: number } | undefined
  let pending: TargetChange | undefined
  let openSince: number | undefined
  const changes: TargetChange[] = []
  const intervals: MismatchInterval[] = []
  let mismatched = 0
  let apexSamples = 0
  let targetSamples = 0
  let lastMs = 0

  const follow = (change: TargetChange, at: number): void => {
    change.followedAtMs = at
    change.lagMs = Math.max(0, at - change.changedAtMs)
    change.outcome = 'followed'
    pending = undefined
  }

  for (const e of events) {
    const t = e.elapsedMs
    lastMs = t
    if (e.side === 'target') {
      targetSamples++
      if (target && !sameSet(target.values, e.values)) {
        if (pending) pending.outcome = 'superseded'
        const change: TargetChange = {
          from: target.values,
          to: e.values,
          lastOldMs: target.lastSeenMs,
          firstNewMs: t,
          changedAtMs: (target.lastSeenMs + t) / 2,
          outcome: 'pending'
        }
        changes.push(change)
        pending = change
        // in the same round the apex may have been asked first and already show the new set
        if (apex && sameSet(apex.values, e.values)) follow(change, apex.since)
      }
      target = { values: e.values, lastSeenMs: t }
    } else {
      apexSamples++
      if (!apex || !sameSet(apex.values, e.values)) apex = { values: e.values, since: t }
      if (pending && sameSet(e.values, pending.to)) follow(pending, apex.since)
      if (target && !sameSet(e.values, target.values)) mismatched++
    }
    const differs = !!apex && !!target && !sameSet(apex.values, target.values)
    if (differs && openSince === undefined) openSince = t
    if (!differs && openSince !== undefined) {
      intervals.push({ startMs: openSince, endMs: t, durationMs: t - openSince, open: false })
      openSince = undefined
    }
  }
  if (openSince !== undefined) intervals.push({ startMs: openSince, endMs: lastMs, durationMs: lastMs - openSince, open: true })

  const lags = changes.flatMap((c) => (c.lagMs !== undefined ? [c.lagMs] : []))
  const ttls = (side: WatchSample['side']) => events.flatMap((e) => (e.side === side && e.ttl !== undefined ? [e.ttl] : []))
  const maxLagMs = maxOf(lags)
  const medianLagMs = medianOf(lags)
  const maxApexTtl = maxOf(ttls('apex'))
  const maxTargetTtl = maxOf(ttls('target'))
  return {
    resolverIndex,
    label,
    family,
    apexSamples,
    targetSamples,
    mismatchedSamples: mismatched,
    mismatchIntervals: intervals,
    changes,
    ...(maxLagMs !== undefined ? { maxLagMs } : {}),
    ...(medianLagMs !== undefined ? { medianLagMs } : {}),
    ...(maxApexTtl !== undefined ? { maxApexTtl } : {}),
    ...(maxTargetTtl !== undefined ? { maxTargetTtl } : {})
  }
}

/**
 * Staleness over a watch timeline, per resolver and family: where the apex's set differed from the
 * target's, how long the apex took to follow each change of the target's set, and the bound the
 * TTLs allow. Pure.
 */
export function analyzeStaleness(input: StalenessInput): StalenessAnalysis {
  const ordered = [...input.samples]
    .filter((s) => s.status !== 'error')
    .sort((a, b) => a.elapsedMs - b.elapsedMs || a.seq - b.seq)
  const series: SeriesAnalysis[] = []
  const indexes = [...new Set(ordered.map((s) => s.resolverIndex))].sort((a, b) => a - b)
  for (const index of indexes) {
    for (const family of families) {
      const events = ordered.filter((s) => s.resolverIndex === index && s.family === family)
      if (events.length === 0) continue
      series.push(analyzeSeries(events, index, input.labels[index] ?? `resolver ${index + 1}`, family))
    }
  }
  const changes = series.flatMap((s) => s.changes)
  const lags = changes.flatMap((c) => (c.lagMs !== undefined ? [c.lagMs] : []))
  const mismatchedSamples = series.reduce((n, s) => n + s.mismatchedSamples, 0)
  const mismatchedMs = series.reduce((n, s) => n + s.mismatchIntervals.reduce((m, i) => m + i.durationMs, 0), 0)
  const apexSamples = series.reduce((n, s) => n + s.apexSamples, 0)
  const maxLagMs = maxOf(lags)
  const medianLagMs = medianOf(lags)
  const targetTtl = maxOf(series.flatMap((s) => (s.maxTargetTtl !== undefined ? [s.maxTargetTtl] : [])))
  const apexTtl = maxOf(series.flatMap((s) => (s.maxApexTtl !== undefined ? [s.maxApexTtl] : [])))
  const bound = targetTtl !== undefined && apexTtl !== undefined ? stalenessBound(input.policy, targetTtl, apexTtl) : undefined
  const withinBound =
    bound && maxLagMs !== undefined ? maxLagMs <= bound.seconds * 1000 + input.samplingResolutionMs : undefined

  const summary = [
    `${changes.length} change${changes.length === 1 ? '' : 's'} of the target's set, ${lags.length} followed by the apex` +
      (maxLagMs !== undefined ? `; lag max ${seconds(maxLagMs)}, median ${seconds(medianLagMs!)}` : ''),
    `apex differed from the target in ${mismatchedSamples} of ${apexSamples} apex samples, ${seconds(mismatchedMs)} in total`
  ]
  if (bound) {
    summary.push(
      `theoretical bound: ${bound.formula}` +
        (maxLagMs !== undefined ? `; measured max ${seconds(maxLagMs)} (${withinBound ? 'within' : 'beyond'} the bound)` : '')
    )
  }
  return {
    series,
    mismatchedSamples,
    mismatchedMs,
    changes: changes.length,
    followed: lags.length,
    ...(maxLagMs !== undefined ? { maxLagMs } : {}),
    ...(medianLagMs !== undefined ? { medianLagMs } : {}),
    ...(bound ? { bound } : {}),
    ...(withinBound !== undefined ? { withinBound } : {}),
    samplingResolutionMs: input.samplingResolutionMs,
    summary
  }
}
