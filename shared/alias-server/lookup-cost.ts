import { z } from 'zod'
import type { QueryLogEntry } from './query-log'

/**
 * The cost of the extra lookup behind an ALIAS answer. `addedMs`: how much longer an answer takes when the
 * ALIAS server's cache does not hold the target (the median; from the server log: the upstream wait of the
 * answers that waited for it; from timings: the cold apex answers' median minus a static name's).
 * `paidPercent`: the share of the apex's address answers that paid it.
 */
export const lookupCostSchema = z.object({
  source: z.enum(['server-log', 'timing']),
  addedMs: z.number().min(0).nullable(),
  /** Timing only: medians of cold and warm apex answers and of the static name's (ms). */
  coldMs: z.number().min(0).nullable(),
  warmMs: z.number().min(0).nullable(),
  staticMs: z.number().min(0).nullable(),
  /** The static name timed beside the apex (timing only). */
  staticName: z.string().max(1100).nullable(),
  /** ALIAS (apex address) answers counted, and those that waited for the target lookup. */
  answers: z.number().int().min(0),
  paid: z.number().int().min(0),
  paidPercent: z.number().min(0).max(100).nullable(),
  /** "ALIAS adds about N ms when the target is not cached; M% of answers in this watch paid it". */
  text: z.string().max(400)
})
export type LookupCost = z.infer<typeof lookupCostSchema>

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

const round1 = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10)

function lookupCostText(addedMs: number | null, paid: number, answers: number, scope: string): string {
  if (answers === 0) return `ALIAS lookup cost: no ALIAS answers in this ${scope} yet`
  const percent = Math.round((paid / answers) * 100)
  if (addedMs === null) return `ALIAS lookup cost not measured: no answer in this ${scope} waited for the target (${percent}% paid it)`
  // sub-10 ms costs (a lab on loopback) keep a decimal, so they do not read as nothing
  return `ALIAS adds about ${addedMs < 10 ? addedMs.toFixed(1) : Math.round(addedMs)} ms when the target is not cached; ${percent}% of answers in this ${scope} paid it`
}

/** Exact figures from the server's own log: each ALIAS answer says whether it waited for the target and how long. */
export function lookupCostFromLog(entries: ReadonlyArray<Pick<QueryLogEntry, 'cache' | 'upstreamRttMs'>>, scope = 'watch'): LookupCost {
  const alias = entries.filter((e) => e.cache !== 'none')
  const waits = alias.flatMap((e) => (e.cache === 'miss' && e.upstreamRttMs !== null ? [e.upstreamRttMs] : []))
  const addedMs = round1(median(waits))
  return {
    source: 'server-log',
    addedMs,
    coldMs: null,
    warmMs: null,
    staticMs: null,
    staticName: null,
    answers: alias.length,
    paid: waits.length,
    paidPercent: alias.length > 0 ? Math.round((waits.length / alias.length) * 1000) / 10 : null,
    text: lookupCostText(addedMs, waits.length, alias.length, scope)
  }
}

/**
 * From response times alone (a real provider's servers, whose cache we cannot see). The apex times and the
 * static name's median, sorted, split at their widest gap: the apex answers above it are cold, provided the
 * gap is clear (at least `minGapMs` and twice the static answers' own spread); otherwise none is.
 */
export function lookupCostFromTimings(apexMs: readonly number[], staticMs: readonly number[], staticName: string, scope = 'inspection', minGapMs = 10): LookupCost & { cold: boolean[] } {
  const base = median(staticMs)
  const spread = staticMs.length > 1 ? Math.max(...staticMs) - Math.min(...staticMs) : 0
  let threshold = Number.POSITIVE_INFINITY
  if (base !== null) {
    const sorted = [base, ...apexMs].sort((x, y) => x - y)
    let widest = 0
    for (let i = 0; i + 1 < sorted.length; i++) {
      const gap = sorted[i + 1]! - sorted[i]!
      if (gap > widest && sorted[i]! >= base) [widest, threshold] = [gap, sorted[i]!]
    }
    if (widest < Math.max(minGapMs, 2 * spread)) threshold = Number.POSITIVE_INFINITY
  }
  const cold = apexMs.map((ms) => ms > threshold)
  const coldMs = median(apexMs.filter((_, i) => cold[i]))
  const warmMs = median(apexMs.filter((_, i) => !cold[i]))
  const addedMs = coldMs !== null && base !== null ? round1(Math.max(0, coldMs - base)) : null
  const paid = cold.filter(Boolean).length
  return {
    source: 'timing',
    addedMs,
    coldMs: round1(coldMs),
    warmMs: round1(warmMs),
    staticMs: round1(base),
    staticName,
    answers: apexMs.length,
    paid,
    paidPercent: apexMs.length > 0 ? Math.round((paid / apexMs.length) * 1000) / 10 : null,
    text: lookupCostText(addedMs, paid, apexMs.length, scope),
    cold
  }
}
