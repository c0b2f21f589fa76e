import type { Family, MismatchInterval, SeriesAnalysis, WatchSample } from '@shared/inspector'

export type Side = WatchSample['side']

export interface LaneId {
  side: Side
  family: Family
}

export const lanes: readonly LaneId[] = [
  { side: 'apex', family: 'A' },
  { side: 'target', family: 'A' },
  { side: 'apex', family: 'AAAA' },
  { side: 'target', family: 'AAAA' }
]

export const laneLabel = (lane: LaneId): string => `${lane.side} ${lane.family}`

/** What one side served over a stretch of time: one address set, an error, or a merge of sets too short to draw. */
export interface Segment {
  lane: number
  startS: number
  endS: number
  /** The set's key ('192.0.2.1 192.0.2.2'), '' for no addresses, 'error', or 'mixed' (merged short segments). */
  key: string
  /** Colour index of the set within its family (first seen first); -1 for error and mixed. */
  colour: number
}

export interface SetLegendEntry {
  family: Family
  key: string
  colour: number
  /** The addresses, or a word when there are none. */
  label: string
}

export interface Shade {
  family: Family
  startS: number
  endS: number
  open: boolean
}

export interface TimelineData {
  segments: Segment[]
  legend: SetLegendEntry[]
  shades: Shade[]
  endS: number
}

const setKey = (sample: WatchSample): string => (sample.status === 'error' ? 'error' : sample.values.join(' '))

/**
 * Merges segments narrower than `minWidthS` into 'mixed' runs so that a flapping set (a new set every sample)
 * still draws at most about span / minWidthS rectangles per lane. Pure.
 */
export function mergeNarrow(segments: readonly Segment[], minWidthS: number): Segment[] {
  const out: Segment[] = []
  let pending: Segment | undefined
  for (const s of segments) {
    const wide = s.endS - s.startS >= minWidthS
    if (wide) {
      if (pending) out.push(pending)
      pending = undefined
      out.push(s)
      continue
    }
    if (!pending) pending = { ...s }
    else pending = { ...pending, endS: s.endS, key: pending.key === s.key ? s.key : 'mixed', colour: pending.key === s.key ? s.colour : -1 }
    if (pending.endS - pending.startS >= minWidthS) {
      out.push(pending)
      pending = undefined
    }
  }
  if (pending) out.push(pending)
  return out
}

/** Mismatch intervals closer than `gapS` are drawn as one shade; at most about span / gapS shades. Pure. */
export function mergeShades(intervals: readonly Shade[], gapS: number): Shade[] {
  const sorted = [...intervals].sort((a, b) => a.startS - b.startS)
  const out: Shade[] = []
  for (const i of sorted) {
    const last = out[out.length - 1]
    if (last && last.family === i.family && i.startS - last.endS <= gapS) {
      last.endS = Math.max(last.endS, i.endS)
      last.open = last.open || i.open
    } else out.push({ ...i })
  }
  return out
}

/**
 * The answer-set timeline of one resolver: for each side and family, runs of samples that served the same set
 * (a run lasts until the next sample with another set), one colour per distinct set and family so that the apex
 * and the target share a colour when they serve the same addresses, and the analysis' mismatch intervals as
 * shades. `maxSegmentsPerLane` bounds what is drawn whatever the data.
 */
export function timelineData(
  samples: readonly WatchSample[],
  series: readonly SeriesAnalysis[],
  resolverIndex: number,
  maxSegmentsPerLane = 600
): TimelineData {
  const own = samples
    .filter((s) => s.resolverIndex === resolverIndex)
    .sort((a, b) => a.elapsedMs - b.elapsedMs || a.seq - b.seq)
  const endS = own.reduce((m, s) => Math.max(m, s.elapsedMs / 1000), 0)
  const colours = new Map<string, number>()
  const legend: SetLegendEntry[] = []
  const colourOf = (family: Family, key: string): number => {
    if (key === 'error') return -1
    const id = `${family}|${key}`
    let index = colours.get(id)
    if (index === undefined) {
      index = legend.filter((l) => l.family === family).length
      colours.set(id, index)
      legend.push({ family, key, colour: index, label: key === '' ? 'no addresses' : key.split(' ').join(', ') })
    }
    return index
  }
  const minWidthS = endS > 0 ? endS / maxSegmentsPerLane : 0
  const segments: Segment[] = []
  lanes.forEach((lane, laneIndex) => {
    const raw: Segment[] = []
    for (const s of own) {
      if (s.side !== lane.side || s.family !== lane.family) continue
      const key = setKey(s)
      const t = s.elapsedMs / 1000
      const last = raw[raw.length - 1]
      if (last) last.endS = t
      if (last && last.key === key) continue
      raw.push({ lane: laneIndex, startS: t, endS: t, key, colour: colourOf(lane.family, key) })
    }
    const last = raw[raw.length - 1]
    if (last) last.endS = Math.max(last.endS, endS)
    segments.push(...(minWidthS > 0 ? mergeNarrow(raw, minWidthS) : raw))
  })
  const shades = mergeShades(
    series
      .filter((s) => s.resolverIndex === resolverIndex)
      .flatMap((s) =>
        s.mismatchIntervals.map((i: MismatchInterval) => ({
          family: s.family,
          startS: i.startMs / 1000,
          endS: i.endMs / 1000,
          open: i.open
        }))
      ),
    minWidthS
  )
  return { segments, legend, shades, endS }
}
