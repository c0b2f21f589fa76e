/**
 * A profile's AXFR rule applied to a zone's records, for an outgoing transfer: which records go out as
 * written, and the warning to log for aliases the provider leaves out (Dyn, NS1). The transfer itself
 * lives with the server; this is the rule as data.
 */
import type { ProfileId } from '@shared/providers'
import { profileById } from './profiles'

/** What the rule reads of a zone record (electron/zone's ZoneRecord fits). */
export interface TransferRecord {
  name: string
  type: string
  rdata: readonly string[]
}

const isAlias = (r: TransferRecord): boolean => r.type === 'ALIAS' || r.type === 'ANAME'

export interface TransferPlan<R extends TransferRecord = TransferRecord> {
  /** Records to transfer as written ('expanded' aliases are replaced by the caller with their addresses). */
  records: R[]
  /** Aliases to resolve and send as A/AAAA ('expanded'), or to send as the raw record ('raw-alias'). */
  aliases: R[]
  /** One line per alias left out, for the log. */
  warnings: string[]
}

export function transferPlan<R extends TransferRecord>(profile: ProfileId, records: readonly R[]): TransferPlan<R> | { refused: string } {
  const p = profileById(profile)
  const rule = p.axfr.value
  if (rule === 'no-transfer') return { refused: `${p.name} offers no outgoing zone transfers` }
  const aliases = records.filter(isAlias)
  const rest = records.filter((r) => !isAlias(r))
  if (rule === 'omitted') {
    const warnings = aliases.map((r) => `AXFR: ${r.name} ${r.type} ${r.rdata[0] ?? ''} left out, as ${p.name} does (${p.axfr.text})`)
    return { records: rest, aliases: [], warnings }
  }
  return { records: rest, aliases, warnings: [] }
}
