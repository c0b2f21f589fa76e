/**
 * Route 53's JSON: a ChangeResourceRecordSets change batch (written and read), and the output of
 * `aws route53 list-resource-record-sets` (read). Shapes: @aws-sdk/client-route-53's Change and ResourceRecordSet.
 */
import type { Change, ResourceRecordSet } from '@aws-sdk/client-route-53'
import { isAlias, recordLabel, warningFor, type AddressFamily, type ConvRecord, type ConvZone, type ConvertWarning, type ReadResult, type WriteResult } from './model'
import { decimalToOctal, octalToDecimal, route53CharString } from './route53-escapes'
import { providerManaged, rrsets } from './record-text'
import { isRecord, parseSourceDocument, type Path, type SourceDocument } from './source-document'
import { zoneFromRaw, type RawRecord } from './structured-records'

/** Route 53 aliases have no TTL of their own (they take the target's); this one is written for zone files. */
const ALIAS_DEFAULT_TTL = 300
const ROUTING_KEYS = ['SetIdentifier', 'Weight', 'Region', 'GeoLocation', 'Failover', 'MultiValueAnswer', 'CidrRoutingConfig', 'GeoProximityLocation', 'HealthCheckId', 'TrafficPolicyInstanceId']

function recordSets(doc: SourceDocument): { set: unknown; path: Path; action?: string }[] {
  const v = doc.value
  if (isRecord(v) && Array.isArray(v.ResourceRecordSets)) return v.ResourceRecordSets.map((set, i) => ({ set, path: ['ResourceRecordSets', i] }))
  const batchPath: Path = isRecord(v) && isRecord(v.ChangeBatch) ? ['ChangeBatch'] : []
  const batch = batchPath.length ? (v as Record<string, unknown>).ChangeBatch : v
  if (isRecord(batch) && Array.isArray(batch.Changes)) {
    return batch.Changes.map((change, i) => {
      const path = [...batchPath, 'Changes', i]
      if (!isRecord(change)) throw doc.error(path, 'a change must be an object with Action and ResourceRecordSet')
      return { set: change.ResourceRecordSet, path: [...path, 'ResourceRecordSet'], action: String(change.Action) }
    })
  }
  throw doc.error([], 'expected a change batch ({"Changes": [...]}) or list-resource-record-sets output ({"ResourceRecordSets": [...]})')
}

export function readRoute53(text: string, file: string, origin?: string): ReadResult {
  const doc = parseSourceDocument(text, file, 'JSON')
  const warnings: ConvertWarning[] = []
  const raws: RawRecord[] = []
  const sets = recordSets(doc)
  const zoneOrigin = origin ?? findOrigin(sets, doc)
  for (const { set, path, action } of sets) {
    if (!isRecord(set)) throw doc.error(path, 'ResourceRecordSet must be an object')
    const at = doc.at(path)
    const rrs = set as unknown as ResourceRecordSet
    if (typeof rrs.Name !== 'string' || typeof rrs.Type !== 'string') throw doc.error(path, 'a ResourceRecordSet needs Name and Type')
    const name = withDot(octalToDecimal(rrs.Name))
    if (action !== undefined && action !== 'CREATE' && action !== 'UPSERT') {
      warnings.push({ record: recordLabel({ name, type: rrs.Type }), message: `a ${action} change removes a record; it is not part of the converted zone`, ...at })
      continue
    }
    const routing = ROUTING_KEYS.find((k) => k in set)
    if (routing) throw doc.error([...path, routing], `${name} ${rrs.Type} uses ${routing} (a routing policy or health check), which no other format can hold`)
    if (rrs.AliasTarget) {
      if (rrs.Type !== 'A' && rrs.Type !== 'AAAA') throw doc.error([...path, 'Type'], `an alias of type ${rrs.Type} cannot be converted (only A and AAAA aliases have an equivalent elsewhere)`)
      const t = rrs.AliasTarget
      if (typeof t.DNSName !== 'string') throw doc.error([...path, 'AliasTarget'], 'AliasTarget needs DNSName')
      raws.push({
        name,
        type: 'ALIAS',
        ttl: ALIAS_DEFAULT_TTL,
        rdata: withDot(octalToDecimal(t.DNSName)),
        at,
        alias: { families: [rrs.Type as AddressFamily], hostedZoneId: t.HostedZoneId, evaluateTargetHealth: t.EvaluateTargetHealth }
      })
      continue
    }
    if (typeof rrs.TTL !== 'number') throw doc.error(path, `${name} ${rrs.Type} has no TTL`)
    if (!Array.isArray(rrs.ResourceRecords) || rrs.ResourceRecords.length === 0) throw doc.error(path, `${name} ${rrs.Type} has no ResourceRecords`)
    rrs.ResourceRecords.forEach((rr, i) => {
      if (!isRecord(rr) || typeof rr.Value !== 'string') throw doc.error([...path, 'ResourceRecords', i], 'each resource record needs a Value string')
      raws.push({ name, type: rrs.Type!, ttl: rrs.TTL!, rdata: octalToDecimal(rr.Value), at: doc.at([...path, 'ResourceRecords', i]) })
    })
  }
  const { zone, warnings: placeholder } = zoneFromRaw(raws, zoneOrigin, file, 'Route 53 JSON has no SOA here', true)
  warnings.push(...placeholder)
  for (const r of zone.records.filter(isAlias)) warnings.push(warningFor(r, `a Route 53 alias has no TTL of its own; ${ALIAS_DEFAULT_TTL} s was written`))
  return { zone, warnings }
}

const withDot = (n: string): string => (n.endsWith('.') ? n : `${n}.`)

function findOrigin(sets: { set: unknown }[], doc: SourceDocument): string {
  const soa = sets.find(({ set }) => isRecord(set) && set.Type === 'SOA')
  if (soa && isRecord(soa.set) && typeof soa.set.Name === 'string') return withDot(octalToDecimal(soa.set.Name))
  throw doc.error([], 'the zone origin is unknown: the JSON has no SOA record set; give --origin')
}

/** Record data as Route 53 wants it: octal escapes in names and strings. */
export function route53Value(r: ConvRecord): string {
  const quotedAt = r.type === 'TXT' ? r.rdata.map((_, i) => i) : r.type === 'CAA' ? [2] : r.type === 'NAPTR' ? [2, 3, 4] : []
  return r.rdata.map((t, i) => (quotedAt.includes(i) ? route53CharString(t) : decimalToOctal(t))).join(' ')
}

/** Route 53 runs the SOA and apex NS of a hosted zone itself: true, with a warning, for those records. */
export const leftToRoute53 = (r: ConvRecord, zone: ConvZone, warnings: ConvertWarning[]): boolean =>
  providerManaged(r, zone, warnings, 'Route 53 creates the SOA and apex NS of a hosted zone itself; not written')

export interface Route53AliasTarget {
  family: AddressFamily
  hostedZoneId: string
  dnsName: string
  evaluateTargetHealth: boolean
}

/** One alias record set per aliased family; a warning when the target's hosted zone id cannot be known offline. */
export function route53AliasTargets(r: ConvRecord, zone: ConvZone, warnings: ConvertWarning[]): Route53AliasTarget[] {
  const hz = aliasHostedZoneId(r, zone)
  if (!hz.known) warnings.push(warningFor(r, `the alias needs the target's hosted zone id; replace ${hz.id} in the output`))
  return (r.alias?.families ?? (['A', 'AAAA'] as const)).map((family) => ({
    family,
    hostedZoneId: hz.id,
    dnsName: r.rdata[0],
    evaluateTargetHealth: r.alias?.evaluateTargetHealth ?? false
  }))
}

/** The hosted zone id of an alias target, when it can be known without AWS (CloudFront's is fixed). */
function aliasHostedZoneId(r: ConvRecord, zone: ConvZone): { id: string; known: boolean } {
  if (r.alias?.hostedZoneId) return { id: r.alias.hostedZoneId, known: true }
  if (r.rdata[0].endsWith('.cloudfront.net.')) return { id: 'Z2FDTNDATAQYW2', known: true }
  const inZone = r.rdata[0] === zone.origin || r.rdata[0].endsWith(`.${zone.origin}`)
  return { id: inZone ? 'THIS_HOSTED_ZONE_ID' : 'TARGET_HOSTED_ZONE_ID', known: false }
}

export function writeRoute53(zone: ConvZone): WriteResult {
  const warnings: ConvertWarning[] = []
  const changes: Change[] = []
  const plain: ConvRecord[] = []
  for (const r of zone.records) {
    if (leftToRoute53(r, zone, warnings)) continue
    if (isAlias(r)) {
      for (const t of route53AliasTargets(r, zone, warnings)) {
        changes.push({
          Action: 'UPSERT',
          ResourceRecordSet: {
            Name: decimalToOctal(r.name),
            Type: t.family,
            AliasTarget: { HostedZoneId: t.hostedZoneId, DNSName: decimalToOctal(t.dnsName), EvaluateTargetHealth: t.evaluateTargetHealth }
          }
        })
      }
      continue
    }
    plain.push(r)
  }
  for (const list of rrsets(plain)) {
    const ttl = Math.min(...list.map((r) => r.ttl))
    if (list.some((r) => r.ttl !== ttl)) warnings.push(warningFor(list[0], `the records of this set had different TTLs; Route 53 has one per set: ${ttl}`))
    changes.push({
      Action: 'UPSERT',
      ResourceRecordSet: {
        Name: decimalToOctal(list[0].name),
        Type: list[0].type as ResourceRecordSet['Type'],
        TTL: ttl,
        ResourceRecords: list.map((r) => ({ Value: route53Value(r) }))
      }
    })
  }
  return { text: JSON.stringify({ Comment: `${zone.origin} converted by ALIAS Inspector`, Changes: changes }, null, 2) + '\n', warnings }
}
