import type { AuditRow } from './audit'
import { csvCell } from './csv-cell'

/** CSV columns of an audit, in order (the terminal's --csv and the window's export alike). */
export const AUDIT_CSV_HEADER = [
  'name', 'verdict', 'target', 'target_source', 'providers', 'profiles', 'apex_ttl', 'target_ttl',
  'staleness_bound_s', 'dnssec_ad', 'dnssec_rrsig', 'dnssec_disagree', 'dnssec_by_resolver', 'errors', 'summary'
] as const

/** One resolver's DNSSEC answer in a word: validated (AD), signed but not validated (RRSIG), unsigned. */
export function dnssecWord(d: { ad: boolean; rrsig: boolean; failed?: boolean }): string {
  if (d.failed) return 'no answer'
  return d.ad ? 'AD' : d.rrsig ? 'RRSIG' : 'unsigned'
}

/** "unbound=AD | 9.9.9.9=unsigned": each resolver's DNSSEC answer. */
export function dnssecByResolver(dnssec: AuditRow['dnssec']): string {
  return (dnssec?.resolvers ?? []).map((r) => `${r.resolver}=${dnssecWord(r)}`).join(' | ')
}

export function auditCsvLine(row: AuditRow): string {
  return [
    row.name,
    row.verdict,
    row.target,
    row.targetSource,
    row.providers.join(' | '),
    row.profiles?.join(' | '),
    row.apexTtl,
    row.targetTtl,
    row.stalenessBound,
    row.dnssec?.ad,
    row.dnssec?.rrsig,
    row.dnssec ? (row.dnssec.disagree ?? false) : undefined,
    dnssecByResolver(row.dnssec),
    row.errors.join(' | '),
    row.summary
  ]
    .map((cell) => csvCell(cell))
    .join(',')
}

export function auditCsv(rows: readonly AuditRow[]): string {
  return [AUDIT_CSV_HEADER.join(','), ...rows.map(auditCsvLine)].join('\r\n') + '\r\n'
}

/** NDJSON: one object per line, input order kept only if the caller sorts. */
export function auditNdjson(rows: readonly AuditRow[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length ? '\n' : '')
}

/** The rows' verdicts counted, most frequent first. */
export function verdictCounts(rows: readonly AuditRow[]): Array<{ verdict: string; count: number }> {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.verdict, (counts.get(row.verdict) ?? 0) + 1)
  return [...counts].map(([verdict, count]) => ({ verdict, count })).sort((a, b) => b.count - a.count || a.verdict.localeCompare(b.verdict))
}
