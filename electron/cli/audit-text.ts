import type { AuditRow } from '@shared/audit'
import { dnssecByResolver } from '@shared/audit-format'

const dot = (name: string | undefined): string => (name ? name.replace(/\.$/, '') : '-')

/** One line per name for people: verdict, target, providers, TTLs, staleness bound, DNSSEC, errors. */
export function auditTextLine(row: AuditRow): string {
  const ttls = `ttl ${row.apexTtl ?? '-'}/${row.targetTtl ?? '-'}`
  const bound = row.stalenessBound !== undefined ? `stale ≤ ${row.stalenessBound} s` : 'stale ≤ -'
  const dnssec = row.dnssec
    ? `dnssec ${row.dnssec.ad ? 'AD' : 'no-AD'}${row.dnssec.rrsig ? '+RRSIG' : ''}${row.dnssec.disagree ? ` (resolvers disagree: ${dnssecByResolver(row.dnssec)})` : ''}`
    : 'dnssec -'
  const providers = row.providers.length ? row.providers.join(', ') : '-'
  const profiles = row.profiles?.length ? ` profiles ${row.profiles.join(', ')}` : ''
  const errors = row.errors.length ? `  ! ${row.errors[0]}${row.errors.length > 1 ? ` (+${row.errors.length - 1})` : ''}` : ''
  return `${dot(row.name)}  ${row.verdict}  → ${dot(row.target)}  [${providers}]${profiles}  ${ttls}  ${bound}  ${dnssec}${errors}`
}
