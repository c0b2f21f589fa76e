/**
 * The lab's HTTPS AliasMode option (RFC 9460 §2.4.2): `@ HTTPS 0 target.` served beside the apex ALIAS,
 * so the same apex can be asked both ways. The record is added to the zone text as served, never to the
 * file the user saved; a zone with HTTPS records of its own at the apex keeps them as they are.
 */
import { RR_TYPES } from '@shared/dns-codes'
import type { LabHttpsAlias } from '@shared/lab'
import type { CompactZoneData } from '../alias-server/compact-zone'
import { CompiledZone } from '../alias-server/zone-set'

/** The record to add for a checked zone, or why there is none. */
function httpsAliasRecord(data: CompactZoneData): { record: string | null; problem: string | null } {
  const zone = new CompiledZone(data)
  const apex = zone.node(zone.origin)
  const alias = apex?.get(RR_TYPES.ALIAS)
  const target = alias?.records[0]?.rdata[0]
  if (!alias || !target) return { record: null, problem: `the zone has no ALIAS at ${zone.origin}: there is no target to point an AliasMode record at` }
  if (apex?.get(RR_TYPES.HTTPS)) return { record: null, problem: `${zone.origin} has HTTPS records of its own: the lab serves them as written` }
  return { record: `${zone.origin} ${alias.ttl} IN HTTPS 0 ${target}`, problem: null }
}

/** The zone text as served: `text` plus the AliasMode record when the option is on and one applies. */
export function servedText(text: string, data: CompactZoneData, enabled: boolean): { text: string; state: LabHttpsAlias } {
  if (!enabled) return { text, state: { enabled: false, record: null, problem: null } }
  const { record, problem } = httpsAliasRecord(data)
  return { text: record ? `${text.endsWith('\n') ? text : `${text}\n`}${record}\n` : text, state: { enabled: true, record, problem } }
}
