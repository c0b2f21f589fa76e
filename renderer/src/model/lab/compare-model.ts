import type { CompareSample, LabCompareInput, LabCompareRun } from '@shared/lab'
import type { ProfileId } from '@shared/providers'

/** The comparison the lab runs: the same CDN change and outage, as six providers serve it. */
export const DEFAULT_COMPARISON: LabCompareInput = {
  profiles: ['draft', 'powerdns', 'cloudflare', 'route53', 'dnsimple', 'ns1'],
  targetTtl: 20,
  initial: { a: ['192.0.2.10'], aaaa: ['2001:db8::10'] },
  schedule: [
    { atSeconds: 15, set: { a: ['192.0.2.20'], aaaa: ['2001:db8::20'] } },
    { atSeconds: 45, failure: { state: 'silent' } },
    { atSeconds: 75, failure: { state: 'ok' } },
    { atSeconds: 80, set: { a: ['192.0.2.10'], aaaa: ['2001:db8::10'] } }
  ],
  durationSeconds: 110
}

export interface CompareLane {
  profile: ProfileId
  points: Array<{ t: number; ttl: number | null }>
  outcomes: Array<{ t: number; outcome: CompareSample['outcome'] }>
  lags: Array<number | null>
  /** Counts of each outcome while the target was failing. */
  duringFailure: Partial<Record<CompareSample['outcome'], number>>
}

/** One lane per profile, from a run's samples. Pure. */
export function compareLanes(run: LabCompareRun): CompareLane[] {
  const failing: Array<[number, number]> = []
  let since: number | null = null
  for (const step of run.steps) {
    if (/target (silent|servfail|nxdomain|nodata|slow|family)/.test(step.text) && since === null) since = step.t
    if (/target ok/.test(step.text) && since !== null) {
      failing.push([since, step.t])
      since = null
    }
  }
  if (since !== null) failing.push([since, Infinity])
  const inFailure = (t: number) => failing.some(([a, b]) => t >= a && t < b)
  return run.input.profiles.map((profile) => {
    const samples = run.samples.filter((s) => s.profile === profile).sort((a, b) => a.t - b.t)
    const duringFailure: CompareLane['duringFailure'] = {}
    for (const s of samples) if (inFailure(s.t)) duringFailure[s.outcome] = (duringFailure[s.outcome] ?? 0) + 1
    return {
      profile,
      points: samples.map((s) => ({ t: s.t, ttl: s.ttl })),
      outcomes: samples.map((s) => ({ t: s.t, outcome: s.outcome })),
      lags: run.lags.find((l) => l.profile === profile)?.lags ?? [],
      duringFailure
    }
  })
}
