/**
 * A profile's AXFR rule applied to a zone's records, for an outgoing transfer: which records go out as
 * written, and the warning to log for aliases the provider leaves out (Dyn, NS1). The transfer itself
 * lives with the server; this is the rule as data.
 */
import type { ProfileId } from '@shared/providers'
import type { ZoneRecord } from '../zone'
import { profileById } from './profiles'

const isAlias = (r: ZoneRecord): boolean => r.type === 'ALIAS' || r.type === 'ANAME'

export interface TransferPlan {
  /** Records to transfer as written ('expanded' aliases are replaced by the caller with their addresses). */
  records: ZoneRecord[]
  /** Aliases to resolve and send as A/AAAA ('expanded'), or to send as the raw record ('raw-alias'). */
  aliases: ZoneRecord[]
  /** One line per alias left out, for the log. */
  warnings: string[]
}

export function transferPlan(profile: ProfileId, records: readonly ZoneRecord[]): TransferPlan | { refused: string } {
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
