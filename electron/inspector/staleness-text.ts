import type { StalenessAnalysis, ViewpointSummary } from '@shared/inspector'

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** A follow within the target's own sampling gap can't be ordered: its lag and stale interval are both the gap. */
const upperBoundNote = (n: number): string =>
  `${plural(n, 'lag')} ${n === 1 ? 'is an upper bound' : 'are upper bounds'} (the apex moved within the target's sampling gap; the stale time counts the same gap)`

function changeLine(v: ViewpointSummary): string {
  const parts = [`${plural(v.changes, 'change')} of the target's set`]
  if (v.followed > 0) {
    const max = `${v.maxLagUpperBound ? '≤ ' : ''}${seconds(v.maxLagMs!)}`
    parts.push(`${v.followed} followed by the apex (lag max ${max}, median ${seconds(v.medianLagMs!)})`)
    if (v.upperBoundLags) parts.push(`${upperBoundNote(v.upperBoundLags)}`)
  } else parts.push('none followed by the apex')
  if (v.pending > 0) parts.push(`${v.pending} not followed yet`)
  return `${v.label}: ${parts.join('; ')}`
}

/** The honest statement about changes the apex never showed: superseded and reverted are not lag 0. */
function unfollowedLine(v: ViewpointSummary): string | undefined {
  const parts: string[] = []
  if (v.superseded > 0) parts.push(`${plural(v.superseded, 'change')} superseded before the apex followed`)
  if (v.reverted > 0) parts.push(`${plural(v.reverted, 'change')} reverted by the target before the apex followed`)
  if (parts.length === 0) return undefined
  return `${v.label}: ${parts.join('; ')}; the apex was stale for their whole life (up to ${seconds(v.maxUnfollowedLifeMs ?? 0)})`
}

function staleLine(v: ViewpointSummary, a: Omit<StalenessAnalysis, 'summary'>): string {
  const perFamily = a.series
    .filter((s) => s.viewpoint === v.viewpoint)
    .map((s) => `${v.series > 2 ? `${s.label} ` : ''}${s.family} ${seconds(s.mismatchedMs)}`)
    .join(', ')
  const extra = [
    v.partialSamples > 0 ? `${v.partialSamples} partly overlapped (a CDN answering per node: not counted as stale)` : '',
    v.errorSamples > 0 ? `${plural(v.errorSamples, 'sample')} failed` : ''
  ].filter(Boolean)
  return (
    `${v.label}: apex stale ${seconds(v.staleMs)} of ${seconds(a.spanMs)} (wall clock, families together; per family ${perFamily || 'none'}); ` +
    `${v.mismatchedSamples} of ${v.apexSamples} apex samples differed` +
    (extra.length > 0 ? `; ${extra.join('; ')}` : '')
  )
}

function boundLine(a: Omit<StalenessAnalysis, 'summary'>): string | undefined {
  if (!a.bound) return undefined
  const verdicts = a.viewpoints
    .filter((v) => v.withinBound !== undefined)
    .map((v) => `${v.label} ${v.withinBound ? 'within' : 'beyond'} it`)
  const slack = a.samplingResolutionMs > 0 ? ` (+ ${seconds(a.samplingResolutionMs)} sampling resolution)` : ''
  return `theoretical bound (${a.bound.policy} policy): ${a.bound.formula}${slack}` + (verdicts.length > 0 ? `; every change's lag or life: ${verdicts.join(', ')}` : '')
}

/** The summary lines, from the figures as they are in the analysis (so text and JSON agree). */
export function stalenessLines(a: Omit<StalenessAnalysis, 'summary'>): string[] {
  const lines: string[] = []
  for (const v of a.viewpoints) {
    lines.push(changeLine(v))
    const unfollowed = unfollowedLine(v)
    if (unfollowed) lines.push(unfollowed)
    lines.push(staleLine(v, a))
  }
  const ttls = [
    a.aliasTtl !== undefined ? `ALIAS TTL ${a.aliasTtl} s (the record in the zone)` : 'ALIAS TTL unknown (no ALIAS record seen at the apex zone\'s servers)',
    a.maxApexTtl !== undefined ? `largest apex TTL seen ${a.maxApexTtl} s` : undefined,
    a.maxTargetTtl !== undefined ? `largest target TTL seen ${a.maxTargetTtl} s` : undefined
  ].filter(Boolean)
  lines.push(ttls.join('; '))
  const bound = boundLine(a)
  if (bound) lines.push(bound)
  return lines
}
