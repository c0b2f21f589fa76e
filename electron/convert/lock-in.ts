/** The lock-in report: which targets take a zone as it is, which need flattening, which cannot take it. */
import { recordLabel, type ConvZone, type WriteResult } from './model'
import { aliasIssues, SOURCES, type TargetId } from './portability'
import { WRITERS } from './write-zone'

export type LockInStatus = 'as-is' | 'flatten' | 'cannot'

export interface LockInReason {
  record: string
  line: number
  reason: string
  source?: string
}

export interface LockInRow {
  target: TargetId
  provider: string
  status: LockInStatus
  reasons: LockInReason[]
}

/** A warning that means the provider runs the record itself (SOA, apex NS), not that something is lost. */
const MANAGED = /itself|left to the DNS provider|does not manage the SOA|placeholder SOA/

export function lockInReport(zone: ConvZone): LockInRow[] {
  const targets: [TargetId, { provider: string; write?: (zone: ConvZone) => WriteResult }][] = [...Object.entries(WRITERS) as [TargetId, (typeof WRITERS)['bind']][], ['google-cloud-dns', { provider: 'Google Cloud DNS' }]]
  return targets.map(([target, { provider, write }]) => {
    const issues = aliasIssues(zone, target)
    const reasons: LockInReason[] = issues.map((i) => ({ record: recordLabel(i.record), line: i.record.line, reason: i.reason, source: i.source }))
    let status: LockInStatus = issues.some((i) => i.remedy === 'cannot') ? 'cannot' : issues.length > 0 ? 'flatten' : 'as-is'
    if (write) {
      const lost = write(zone).warnings.filter((w) => /not written/.test(w.message) && !MANAGED.test(w.message))
      if (lost.length > 0) status = 'cannot'
      reasons.push(...lost.map((w) => ({ record: w.record, line: w.line, reason: w.message })))
    } else {
      const other = zone.records.filter((r) => r.type.startsWith('TYPE'))
      reasons.push(...other.map((r) => ({ record: recordLabel(r), line: r.line, reason: 'Cloud DNS takes only the record types it lists, not one in RFC 3597 form', source: SOURCES.google })))
      if (other.length > 0) status = 'cannot'
    }
    return { target, provider, status, reasons }
  })
}

export function formatLockInReport(rows: LockInRow[], origin: string): string {
  const out = [`Lock-in report for ${origin}`, '', `${'target'.padEnd(22)} ${'provider'.padEnd(44)} status`]
  for (const row of rows) {
    out.push(`${row.target.padEnd(22)} ${row.provider.padEnd(44)} ${row.status}`)
    for (const r of row.reasons) out.push(`    ${r.record}${r.line > 0 ? ` (line ${r.line})` : ''}: ${r.reason}${r.source ? ` [${r.source}]` : ''}`)
  }
  return out.join('\n') + '\n'
}
