import type {
  SeriesAnalysis,
  StalenessAnalysis,
  TtlPolicy,
  Viewpoint,
  ViewpointSummary,
  WatchSample
} from '@shared/inspector'
import { families, viewpoints } from '@shared/inspector'
import { stalenessBound } from './staleness-bound'
import { stalenessLines } from './staleness-text'
import { analyzeSeries, followedLags, lagFigures, unionMs } from './staleness-series'
import { maxOf } from './stats'

export interface StalenessInput {
  samples: readonly WatchSample[]
  /** Resolver labels by index. */
  labels: readonly string[]
  policy: TtlPolicy
  /** How late sampling alone can see a change (the interval, or the TTL in expiry mode). */
  samplingResolutionMs: number
  /** TTL of the ALIAS record in the zone, read from its servers (the bound uses it when known). */
  aliasTtl?: number
  /** Label of the authoritative series (which servers were asked). */
  authoritativeLabel?: string
}

const VIEWPOINT_LABELS: Record<Viewpoint, string> = {
  authoritative: "zones' own servers",
  resolver: 'resolvers'
}

const sum = (series: readonly SeriesAnalysis[], pick: (s: SeriesAnalysis) => number): number => series.reduce((n, s) => n + pick(s), 0)

function summarize(viewpoint: Viewpoint, series: readonly SeriesAnalysis[], limitMs: number | undefined, lastMs: number): ViewpointSummary {
  const changes = series.flatMap((s) => s.changes)
  const count = (outcome: string): number => changes.filter((c) => c.outcome === outcome).length
  const lags = followedLags(changes)
  const lives = changes.flatMap((c) => (c.endedAtMs !== undefined ? [c.endedAtMs - c.changedAtMs] : []))
  const pendingAges = changes.flatMap((c) => (c.outcome === 'pending' ? [lastMs - c.changedAtMs] : []))
  const maxUnfollowedLifeMs = maxOf(lives)
  const worst = maxOf([...lags, ...lives, ...pendingAges])
  return {
    viewpoint,
    label: VIEWPOINT_LABELS[viewpoint],
    series: series.length,
    apexSamples: sum(series, (s) => s.apexSamples),
    targetSamples: sum(series, (s) => s.targetSamples),
    errorSamples: sum(series, (s) => s.errorSamples),
    mismatchedSamples: sum(series, (s) => s.mismatchedSamples),
    partialSamples: sum(series, (s) => s.partialSamples),
    staleMs: unionMs(series.flatMap((s) => s.mismatchIntervals)),
    changes: changes.length,
    followed: lags.length,
    superseded: count('superseded'),
    reverted: count('reverted'),
    pending: count('pending'),
    ...lagFigures(changes),
    ...(maxUnfollowedLifeMs !== undefined ? { maxUnfollowedLifeMs } : {}),
    // every change counts: a lag, a superseded/reverted change's life, a pending change's age so far
    ...(limitMs !== undefined && worst !== undefined ? { withinBound: worst <= limitMs } : {})
  }
}

/**
 * Staleness over a watch timeline, per viewpoint, resolver and family: where the apex's set differed
 * from the target's, how each change of the target's set ended, and the bound the TTLs allow. Pure.
 */
export function analyzeStaleness(input: StalenessInput): StalenessAnalysis {
  const ordered = [...input.samples].sort((a, b) => a.elapsedMs - b.elapsedMs || a.seq - b.seq)
  const series: SeriesAnalysis[] = []
  // resolvers first: series[0] stays what users see, as before the authoritative viewpoint existed
  for (const viewpoint of ['resolver', 'authoritative'] as const) {
    const own = ordered.filter((s) => s.viewpoint === viewpoint)
    for (const index of [...new Set(own.map((s) => s.resolverIndex))].sort((a, b) => a - b)) {
      for (const family of families) {
        const events = own.filter((s) => s.resolverIndex === index && s.family === family)
        if (events.length === 0) continue
        const label =
          viewpoint === 'authoritative' ? (input.authoritativeLabel ?? VIEWPOINT_LABELS.authoritative) : (input.labels[index] ?? `resolver ${index + 1}`)
        series.push(analyzeSeries(events, { viewpoint, resolverIndex: index, label, family }))
      }
    }
  }
  const firstMs = ordered[0]?.elapsedMs ?? 0
  const lastMs = ordered.at(-1)?.elapsedMs ?? 0
  const maxApexTtl = maxOf(series.map((s) => s.maxApexTtl))
  const maxTargetTtl = maxOf(series.map((s) => s.maxTargetTtl))
  const apexTtl = input.aliasTtl ?? maxApexTtl
  const bound =
    maxTargetTtl !== undefined && apexTtl !== undefined
      ? stalenessBound(input.policy, maxTargetTtl, apexTtl, input.aliasTtl !== undefined ? 'alias-record' : 'largest-apex-ttl-seen')
      : undefined
  const limitMs = bound ? bound.seconds * 1000 + input.samplingResolutionMs : undefined
  const summaries = viewpoints
    .map((viewpoint) => ({ viewpoint, own: series.filter((s) => s.viewpoint === viewpoint) }))
    .filter(({ own }) => own.length > 0)
    .map(({ viewpoint, own }) => summarize(viewpoint, own, limitMs, lastMs))
  const resolver = summaries.find((s) => s.viewpoint === 'resolver')
  const authoritative = summaries.find((s) => s.viewpoint === 'authoritative')
  const analysis: Omit<StalenessAnalysis, 'summary'> = {
    series,
    viewpoints: summaries,
    mismatchedSamples: resolver?.mismatchedSamples ?? 0,
    mismatchedMs: resolver?.staleMs ?? 0,
    ...(authoritative ? { authoritativeMismatchedMs: authoritative.staleMs } : {}),
    changes: resolver?.changes ?? 0,
    followed: resolver?.followed ?? 0,
    superseded: resolver?.superseded ?? 0,
    reverted: resolver?.reverted ?? 0,
    pending: resolver?.pending ?? 0,
    ...(resolver?.maxLagMs !== undefined ? { maxLagMs: resolver.maxLagMs } : {}),
    ...(resolver?.medianLagMs !== undefined ? { medianLagMs: resolver.medianLagMs } : {}),
    ...(resolver?.maxLagUpperBound ? { maxLagUpperBound: true as const } : {}),
    ...(input.aliasTtl !== undefined ? { aliasTtl: input.aliasTtl } : {}),
    ...(maxApexTtl !== undefined ? { maxApexTtl } : {}),
    ...(maxTargetTtl !== undefined ? { maxTargetTtl } : {}),
    ...(bound ? { bound } : {}),
    ...(resolver?.withinBound !== undefined ? { withinBound: resolver.withinBound } : {}),
    samplingResolutionMs: input.samplingResolutionMs,
    spanMs: lastMs - firstMs
  }
  return { ...analysis, summary: stalenessLines(analysis) }
}
