/**
 * Additional section processing (RFC 1034 §4.3.2 step 6), the way PowerDNS 4.7 does it: the
 * in-zone A and AAAA records of the names that NS, MX, SRV, SVCB and HTTPS records in the answer
 * point to (for SVCB/HTTPS in ServiceMode with the target ".", the owner's own addresses).
 * These records are optional: a UDP response that cannot hold them leaves them out, RRset by
 * RRset, without TC (message-builder records where it may be cut). An ALIAS target's addresses are
 * the answer itself; a name that holds an ALIAS gets nothing here (its static A/AAAA are only a
 * fallback, and resolving upstream for the additional section would slow every NS/MX answer).
 */
import { RR_TYPES } from '@shared/dns-codes'
import { canonicalName } from '../dns/names'
import type { WireRecord } from './wire/message-builder'
import type { CompiledZone } from './zone-set'

/** Which field of the presentation RDATA holds the name to look up, by type. */
const TARGET_FIELD: Record<number, number> = { [RR_TYPES.NS]: 0, [RR_TYPES.MX]: 1, [RR_TYPES.SRV]: 3, [RR_TYPES.SVCB]: 1, [RR_TYPES.HTTPS]: 1 }

/** The name whose addresses go to Additional; for SVCB/HTTPS in ServiceMode "." is the owner (RFC 9460 §2.5). */
function targetOf(r: WireRecord): string | undefined {
  const field = TARGET_FIELD[r.type]
  if (field === undefined) return undefined
  const fields = r.text.split(' ')
  const target = fields[field]
  if (target !== '.') return target
  const serviceMode = (r.type === RR_TYPES.SVCB || r.type === RR_TYPES.HTTPS) && fields[0] !== '0'
  return serviceMode ? r.owner : undefined
}

function targetsOf(records: readonly WireRecord[], zone: CompiledZone): string[] {
  const names: string[] = []
  for (const r of records) {
    const target = targetOf(r)
    if (target === undefined) continue
    const name = canonicalName(target)
    if (!names.includes(name) && zone.node(name) !== undefined) names.push(name)
  }
  return names
}

/** The optional Additional records for an authoritative answer (none when nothing applies). */
export function additionalRecords(answer: readonly WireRecord[], zone: CompiledZone): WireRecord[] {
  const present = new Set(answer.map((r) => `${r.owner} ${r.type}`))
  const extra: WireRecord[] = []
  for (const name of targetsOf(answer, zone)) {
    const node = zone.node(name)!
    if (node.has(RR_TYPES.ALIAS)) continue
    for (const type of [RR_TYPES.A, RR_TYPES.AAAA]) {
      const set = node.get(type)
      if (!set || present.has(`${name} ${type}`)) continue
      set.rdata.forEach((rdata, i) => extra.push({ owner: name, type, ttl: set.ttl, rdata, text: set.texts[i]! }))
    }
  }
  return extra
}
