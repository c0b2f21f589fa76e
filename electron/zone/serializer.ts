/** Zone -> canonical text: $ORIGIN, then one line per record in model order, owners relative. */
import type { Zone } from './model'
import { relativeName } from '../dns/names'

const MAX_OWNER_PAD = 32

export function serializeZone(zone: Zone): string {
  const rows = zone.records.map((r) => [relativeName(r.name, zone.origin), String(r.ttl), r.class, r.type, r.rdata.join(' ')])
  const ownerWidth = Math.min(MAX_OWNER_PAD, Math.max(0, ...rows.map((r) => r[0].length)))
  const ttlWidth = Math.max(0, ...rows.map((r) => r[1].length))
  const typeWidth = Math.max(0, ...rows.map((r) => r[3].length))
  const lines = rows.map(([owner, ttl, cls, type, rdata]) =>
    [owner.padEnd(ownerWidth), ttl.padStart(ttlWidth), cls, type.padEnd(typeWidth), rdata].join(' ').trimEnd()
  )
  return [`$ORIGIN ${zone.origin}`, ...lines].join('\n') + '\n'
}
