/** Writes the zone-file formats (bind, aname, route53-text, cloudflare, flat) through the zone serializer. */
import { serializeZone } from '../zone'
import { isAlias, warningFor, type ConvRecord, type ConvZone, type ConvertWarning, type WriteResult } from './model'

export interface Annotations {
  /** Comment lines before a record. */
  before?: Map<ConvRecord, string[]>
  /** A comment at the end of a record's line. */
  after?: Map<ConvRecord, string>
  /** Comment lines at the top of the file. */
  header?: string[]
}

/** serializeZone, with `type` as each record should be spelled, and comments around records. */
export function zoneText(zone: ConvZone, spell: (r: ConvRecord) => string, notes: Annotations = {}): string {
  const lines = serializeZone({ origin: zone.origin, records: zone.records.map((r) => ({ ...r, type: spell(r) })) }).split('\n')
  const out = [...(notes.header ?? []).map((c) => `; ${c}`), lines[0]]
  zone.records.forEach((r, i) => {
    for (const c of notes.before?.get(r) ?? []) out.push(`; ${c}`)
    const tail = notes.after?.get(r)
    out.push(tail ? `${lines[i + 1]} ; ${tail}` : lines[i + 1])
  })
  return out.join('\n') + '\n'
}

/** bind and aname: every alias spelled as `spelled`, which aliases both A and AAAA. */
function aliasSpelled(spelled: 'ALIAS' | 'ANAME'): (zone: ConvZone) => WriteResult {
  return (zone) => ({
    text: zoneText(zone, (r) => (isAlias(r) ? spelled : r.type)),
    warnings: zone.records
      .filter((r) => isAlias(r) && r.alias?.families?.length === 1)
      .map((r) => warningFor(r, `the source aliased only ${r.alias!.families![0]} (Route 53 aliases each type on its own); ${spelled} aliases both A and AAAA`))
  })
}

export const writeBind = aliasSpelled('ALIAS')
export const writeAname = aliasSpelled('ANAME')

/** One line per aliased family: `NAME TTL IN A ALIAS TARGET`, as the seed writes Route 53 aliases. */
export function writeRoute53Text(zone: ConvZone): WriteResult {
  const records = zone.records.flatMap((r) =>
    isAlias(r) ? (r.alias?.families ?? ['A', 'AAAA']).map((f) => ({ ...r, type: `${f} ALIAS` })) : [r]
  )
  return { text: zoneText({ origin: zone.origin, records }, (r) => r.type), warnings: [] }
}

/** Cloudflare's import/export: an alias is a CNAME; below the apex it carries the per-record flattening tag. */
export function writeCloudflare(zone: ConvZone): WriteResult {
  const after = new Map<ConvRecord, string>()
  const warnings: ConvertWarning[] = []
  for (const r of zone.records.filter(isAlias)) {
    if (r.name !== zone.origin) {
      after.set(r, 'cf_tags=cf-flatten-cname')
      warnings.push(warningFor(r, 'written as a CNAME tagged cf-flatten-cname: Cloudflare flattens a CNAME below the apex only on paid plans; otherwise it is served as a plain CNAME'))
    }
    if (r.alias?.families?.length === 1) warnings.push(warningFor(r, `the source aliased only ${r.alias.families[0]}; a Cloudflare CNAME flattens both A and AAAA`))
  }
  return { text: zoneText(zone, (r) => (isAlias(r) ? 'CNAME' : r.type), { after }), warnings }
}
