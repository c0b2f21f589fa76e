/**
 * The records of a zone as a transfer carries them. `raw`: every record as written, the ALIAS
 * record included (PowerDNS's default). `expanded`: each ALIAS replaced by the target's current
 * A and AAAA records (PowerDNS's outgoing-axfr-expand-alias); a target that cannot be resolved
 * fails the whole transfer, with the reason. Expanded records take the ALIAS record's TTL: on a
 * secondary they are static data until the next transfer.
 */
import { RR_TYPES } from '@shared/dns-codes'
import { resolveAlias, type ResolveContext } from '../alias-resolver'
import type { WireRecord } from '../wire/message-builder'
import type { CompiledZone } from '../zone-set'

export type TransferMode = 'raw' | 'expanded'

export type ZoneContent = { ok: true; soa: WireRecord; records: WireRecord[] } | { ok: false; reason: string }

/** Types the server adds for online signing; never transferred (the zone is transferred unsigned or not at all). */
const SIGNING_TYPES = new Set<number>([RR_TYPES.DNSKEY, RR_TYPES.CDS, RR_TYPES.CDNSKEY, RR_TYPES.NSEC3PARAM])

export async function zoneContent(ctx: ResolveContext, zone: CompiledZone, mode: TransferMode, serial: number): Promise<ZoneContent> {
  const records: WireRecord[] = []
  for (const owner of zone.names()) {
    const node = zone.node(owner)
    if (!node) continue
    const alias = mode === 'expanded' ? node.get(RR_TYPES.ALIAS) : undefined
    for (const set of node.values()) {
      if (set.type === RR_TYPES.SOA || SIGNING_TYPES.has(set.type)) continue
      if (alias && (set.type === RR_TYPES.ALIAS || set.type === RR_TYPES.A || set.type === RR_TYPES.AAAA)) continue
      set.rdata.forEach((rdata, i) => records.push({ owner, type: set.type, ttl: set.ttl, rdata, text: set.texts[i]! }))
    }
    if (!alias) continue
    const target = alias.records[0]!.rdata[0]!
    for (const [type, label] of [
      [RR_TYPES.A, 'A'],
      [RR_TYPES.AAAA, 'AAAA']
    ] as const) {
      const r = await resolveAlias(ctx, owner, target, alias.ttl, label, [], 0)
      const result = r.result
      if (result.kind === 'addresses') {
        result.rdata.forEach((rdata, i) => records.push({ owner, type, ttl: alias.ttl, rdata, text: result.addresses[i]! }))
      } else if (result.kind === 'missing') {
        if (result.nxdomain) return { ok: false, reason: `ALIAS ${owner} → ${target}: the target does not exist (NXDOMAIN)` }
      } else if (result.kind === 'failure') {
        return { ok: false, reason: `ALIAS ${owner} → ${target} (${label}) cannot be resolved: ${result.error.message}` }
      } else {
        return { ok: false, reason: `ALIAS ${owner} → ${target}: ${result.text}` }
      }
    }
  }
  const soaRdata = withSerial(zone.soa.rdata[0]!, serial)
  const soa: WireRecord = { owner: zone.origin, type: RR_TYPES.SOA, ttl: zone.soa.ttl, rdata: soaRdata, text: zone.soa.texts[0]! }
  return { ok: true, soa, records }
}

/** Offset of the SERIAL field in SOA RDATA (after MNAME and RNAME, uncompressed). */
function serialOffset(rdata: Buffer): number {
  let at = 0
  for (let names = 0; names < 2; names++) {
    while (rdata[at] !== 0) at += rdata[at]! + 1
    at++
  }
  return at
}

export const soaSerial = (rdata: Buffer): number => rdata.readUInt32BE(serialOffset(rdata))

export function withSerial(rdata: Buffer, serial: number): Buffer {
  const copy = Buffer.from(rdata)
  copy.writeUInt32BE(serial >>> 0, serialOffset(copy))
  return copy
}

/** The addresses an expanded transfer would carry, as one comparable string (null when it would fail). */
export async function expansionFingerprint(ctx: ResolveContext, zone: CompiledZone): Promise<string | null> {
  const content = await zoneContent(ctx, zone, 'expanded', 0)
  if (!content.ok) return null
  return content.records
    .filter((r) => r.type === RR_TYPES.A || r.type === RR_TYPES.AAAA)
    .map((r) => `${r.owner} ${r.type} ${r.rdata.toString('hex')}`)
    .sort()
    .join('|')
}
