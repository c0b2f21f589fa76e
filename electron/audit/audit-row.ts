import type { AuditRow, DnssecObservation } from '@shared/audit'
import type { DnsQueryResult } from '@shared/dns'
import type { InspectResult } from '@shared/inspector'
import { stalenessBound } from '../inspector'
import { errorOf } from '../inspector/query-port'
import { maxOf } from '../inspector/stats'

const MAX_ERRORS = 20

/** Problems per resolver, each once: "label: A: timeout: no response …". */
function resolverErrors(result: InspectResult): string[] {
  const out = new Set<string>()
  for (const r of result.resolvers) {
    const observations = [r.apex.a, r.apex.aaaa, r.apex.ns, r.apex.soa, r.target?.a, r.target?.aaaa]
    for (const o of observations) {
      if (o?.status === 'error' && o.error) out.add(`${r.label}: ${o.name} ${o.type}: ${o.error.code}: ${o.error.message}`)
    }
  }
  if (result.authoritative?.problem) out.add(`authoritative: ${result.authoritative.problem}`)
  return [...out].slice(0, MAX_ERRORS)
}

/** One resolver's answer to the apex A with DO=1, or its failure to give one. */
export function dnssecOf(resolver: string, answer: DnsQueryResult | undefined): DnssecObservation {
  if (!answer) return { resolver, ad: false, rrsig: false, failed: true }
  return { resolver, ad: answer.header.flags.ad, rrsig: answer.answer.some((record) => record.type === 'RRSIG') }
}

/** Every resolver's DNSSEC answer in one cell: AD only when all that answered agree on it. */
export function dnssecSummary(observations: readonly DnssecObservation[]): AuditRow['dnssec'] {
  const answered = observations.filter((o) => !o.failed)
  if (answered.length === 0) return undefined
  const word = (o: DnssecObservation) => `${o.ad}/${o.rrsig}`
  const disagree = answered.some((o) => word(o) !== word(answered[0]!))
  return {
    ad: answered.every((o) => o.ad),
    rrsig: answered.some((o) => o.rrsig),
    ...(disagree ? { disagree } : {}),
    resolvers: [...observations]
  }
}

/** One audit row from one inspection: what the table, the CSV and the NDJSON show. */
export function auditRow(index: number, result: InspectResult, dnssec: AuditRow['dnssec'], durationMs: number): AuditRow {
  const apexTtl = result.authoritative?.ttls.A ?? result.resolvers.map((r) => r.apex.a.effectiveTtl).find((ttl) => ttl !== undefined)
  const targetTtl = maxOf(result.resolvers.map((r) => r.target?.a.effectiveTtl))
  const bound = result.target && apexTtl !== undefined && targetTtl !== undefined ? stalenessBound('min', targetTtl, apexTtl) : undefined
  return {
    index,
    name: result.apex,
    verdict: result.verdict.verdict,
    summary: result.verdict.summary,
    ...(result.target ? { target: result.target, targetSource: result.targetSource } : {}),
    providers: result.providers.map((p) => p.name),
    profiles: result.behaviour.consistentWith,
    ...(apexTtl !== undefined ? { apexTtl } : {}),
    ...(targetTtl !== undefined ? { targetTtl } : {}),
    ...(bound ? { stalenessBound: bound.seconds, stalenessFormula: bound.formula } : {}),
    ...(dnssec ? { dnssec } : {}),
    errors: resolverErrors(result),
    durationMs
  }
}

/** The row of a name whose inspection failed as a whole. */
export function errorRow(index: number, name: string, error: unknown, durationMs: number): AuditRow {
  const e = errorOf(error)
  return { index, name, verdict: 'error', summary: e.message, providers: [], errors: [`${e.code}: ${e.message}`], error: e, durationMs }
}
