import type { Family, WatchSample } from '@shared/inspector'
import { downsampleMinMax, type Point } from './downsample'

export type SeriesKey = `${WatchSample['side']}-${Family}`
const seriesKeys: readonly SeriesKey[] = ['apex-A', 'target-A', 'apex-AAAA', 'target-AAAA']

export const seriesLabel = (key: SeriesKey): string => {
  const [side, family] = key.split('-') as [string, string]
  return `${side} ${family}`
}

/** Samples are stored in time order already; this keeps the helpers honest when they are not. */
const byTime = (a: WatchSample, b: WatchSample) => a.elapsedMs - b.elapsedMs || a.seq - b.seq

/**
 * The TTL left over time for one RRset, in seconds since the session started: the TTL at receipt at each sample,
 * falling one second per second until the next sample (or `untilMs`), floored at 0. The result is the sawtooth a
 * cache sees: up at each refetch, down to zero at expiry.
 */
export function ttlSawtooth(samples: readonly WatchSample[], untilMs?: number): Point[] {
  const withTtl = samples.filter((s) => s.ttl !== undefined).sort(byTime)
  const out: Point[] = []
  const decay = (from: WatchSample, toMs: number) => {
    const start = from.elapsedMs / 1000
    const end = toMs / 1000
    if (end <= start) return
    const ttl = from.ttl!
    const zeroAt = start + ttl
    // just before the next point: the line then jumps up (or down) to the next sample's TTL
    const before = Math.max(start, end - 0.001)
    if (zeroAt < before) {
      out.push({ x: zeroAt, y: 0 }, { x: before, y: 0 })
    } else {
      out.push({ x: before, y: Math.max(0, ttl - (before - start)) })
    }
  }
  withTtl.forEach((sample, i) => {
    out.push({ x: sample.elapsedMs / 1000, y: sample.ttl! })
    const next = withTtl[i + 1]
    if (next) {
      // skip the extra point when the next sample lies on the same falling line (a countdown seen every second)
      const expected = sample.ttl! - (next.elapsedMs - sample.elapsedMs) / 1000
      if (Math.abs(expected - next.ttl!) > 1 || expected < 0) decay(sample, next.elapsedMs)
    } else if (untilMs !== undefined) {
      decay(sample, untilMs + 1)
    }
  })
  return out
}

export type TtlRow = { x: number } & Partial<Record<SeriesKey, number>>

export interface TtlChartData {
  rows: TtlRow[]
  /** Keys that have at least one point, in legend order. */
  keys: SeriesKey[]
  /** Points before downsampling, all series. */
  fullPoints: number
  /** Points drawn, all series. */
  drawnPoints: number
}

/**
 * Chart rows for one resolver: four sawtooth series, each downsampled to `maxPointsPerSeries` (min/max buckets),
 * merged into rows by x (a row holds the series that have a point there; the lines connect over the gaps).
 */
export function ttlChartData(
  samples: readonly WatchSample[],
  resolverIndex: number,
  maxPointsPerSeries = 1000
): TtlChartData {
  const untilMs = samples.reduce((m, s) => Math.max(m, s.elapsedMs), 0)
  const rowsByX = new Map<number, TtlRow>()
  const keys: SeriesKey[] = []
  let fullPoints = 0
  let drawnPoints = 0
  for (const key of seriesKeys) {
    const [side, family] = key.split('-') as [WatchSample['side'], Family]
    const own = samples.filter((s) => s.resolverIndex === resolverIndex && s.side === side && s.family === family)
    const full = ttlSawtooth(own, untilMs)
    if (full.length === 0) continue
    keys.push(key)
    const drawn = downsampleMinMax(full, maxPointsPerSeries)
    fullPoints += full.length
    drawnPoints += drawn.length
    for (const p of drawn) {
      const x = Math.round(p.x * 1000) / 1000
      let row = rowsByX.get(x)
      if (!row) rowsByX.set(x, (row = { x }))
      row[key] = Math.round(p.y * 10) / 10
    }
  }
  const rows = [...rowsByX.values()].sort((a, b) => a.x - b.x)
  return { rows, keys, fullPoints, drawnPoints }
}
