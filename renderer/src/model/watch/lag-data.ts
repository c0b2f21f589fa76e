import type { SeriesAnalysis, TargetChange } from '@shared/inspector'

export interface LagBar {
  /** 1-based, in time order across families. */
  index: number
  /** e.g. "#2 A". */
  label: string
  /** The x-axis label: the label, with the outcome when the apex has not followed. */
  axisLabel: string
  family: SeriesAnalysis['family']
  changedAtS: number
  /** Seconds; undefined while the apex has not followed (or never did: superseded). */
  lagS?: number
  outcome: TargetChange['outcome']
  from: string
  to: string
}

const list = (values: readonly string[]) => (values.length ? values.join(', ') : 'no addresses')

/** One bar per change of the target's set seen through `resolverIndex`, both families, in time order. Pure. */
export function lagBars(series: readonly SeriesAnalysis[], resolverIndex: number): LagBar[] {
  return series
    .filter((s) => s.resolverIndex === resolverIndex)
    .flatMap((s) => s.changes.map((change) => ({ change, family: s.family })))
    .sort((a, b) => a.change.changedAtMs - b.change.changedAtMs)
    .map(({ change, family }, i) => ({
      index: i + 1,
      label: `#${i + 1} ${family}`,
      axisLabel: change.outcome === 'followed' ? `#${i + 1} ${family}` : `#${i + 1} ${family} (${change.outcome})`,
      family,
      changedAtS: change.changedAtMs / 1000,
      ...(change.lagMs !== undefined ? { lagS: Math.round(change.lagMs / 100) / 10 } : {}),
      outcome: change.outcome,
      from: list(change.from),
      to: list(change.to)
    }))
}
