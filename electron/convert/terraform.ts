/**
 * Terraform output (write only): the AWS provider's aws_route53_record (an `alias` block for aliases) and
 * the Cloudflare provider's (v5) cloudflare_dns_record (an apex CNAME, which Cloudflare flattens).
 */
import { hclBlock, resourceNamer, type HclValue } from './hcl'
import { isAlias, warningFor, type ConvRecord, type ConvZone, type ConvertWarning, type WriteResult } from './model'
import { route53CharString } from './route53-escapes'
import { leftToRoute53, route53AliasTargets, route53Value } from './route53-json'
import { displayName } from '../dns/names'
import { providerManaged, rrsets } from './record-text'

const ROUTE53_TYPES = new Set(['A', 'AAAA', 'CAA', 'CNAME', 'DS', 'HTTPS', 'MX', 'NAPTR', 'NS', 'PTR', 'SRV', 'SVCB', 'TXT'])
const CLOUDFLARE_TYPES = new Set(['A', 'AAAA', 'CAA', 'CNAME', 'DNSKEY', 'DS', 'HTTPS', 'MX', 'NAPTR', 'NS', 'PTR', 'SRV', 'SVCB', 'TXT'])

function zoneVariable(provider: string, origin: string): string {
  return hclBlock('variable "zone_id"', { type: { raw: 'string' }, description: `The ${provider} zone id of ${origin}` })
}

/** The AWS provider quotes each TXT value itself; strings of one record are joined by `""` (its docs). */
const awsTxtValue = (r: ConvRecord): string => r.rdata.map((t) => route53CharString(t).slice(1, -1)).join('""')

export function writeTerraformRoute53(zone: ConvZone): WriteResult {
  const warnings: ConvertWarning[] = []
  const name = resourceNamer(zone.origin)
  const blocks = [zoneVariable('Route 53 hosted', zone.origin)]
  for (const set of rrsets(zone.records)) {
    const r = set[0]
    if (leftToRoute53(r, zone, warnings)) continue
    if (isAlias(r)) {
      for (const t of route53AliasTargets(r, zone, warnings)) {
        const alias = { name: t.dnsName, zone_id: t.hostedZoneId, evaluate_target_health: t.evaluateTargetHealth }
        blocks.push(hclBlock(`resource "aws_route53_record" "${name(r.name, `alias_${t.family}`)}"`, { zone_id: { raw: 'var.zone_id' }, name: r.name, type: t.family }, [['alias', alias]]))
      }
      continue
    }
    if (!ROUTE53_TYPES.has(r.type)) {
      warnings.push(warningFor(r, `Route 53 has no ${r.type} record type; not written`))
      continue
    }
    const ttl = Math.min(...set.map((x) => x.ttl))
    if (set.some((x) => x.ttl !== ttl)) warnings.push(warningFor(r, `Route 53 has one TTL per record set: ${ttl}`))
    const records = set.map((x) => (x.type === 'TXT' ? awsTxtValue(x) : route53Value(x)))
    blocks.push(hclBlock(`resource "aws_route53_record" "${name(r.name, r.type)}"`, { zone_id: { raw: 'var.zone_id' }, name: r.name, type: r.type, ttl, records }))
  }
  return { text: blocks.join('\n\n') + '\n', warnings }
}

function cloudflareFields(r: ConvRecord): Record<string, HclValue> {
  const [a, b, c, d] = r.rdata
  switch (r.type) {
    case 'MX':
      return { content: displayName(b), priority: Number(a) }
    case 'SRV':
      return { data: { priority: Number(a), weight: Number(b), port: Number(c), target: displayName(d) } }
    case 'CAA':
      return { data: { flags: Number(a), tag: b, value: c.slice(1, -1).replace(/\\(["\\])/g, '$1') } }
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return { content: displayName(a) }
    default:
      return { content: r.rdata.join(' ') }
  }
}

export function writeTerraformCloudflare(zone: ConvZone): WriteResult {
  const warnings: ConvertWarning[] = []
  const name = resourceNamer(zone.origin)
  const blocks = [zoneVariable('Cloudflare', zone.origin)]
  for (const r of zone.records) {
    if (providerManaged(r, zone, warnings, 'Cloudflare manages the SOA and apex NS of a zone itself; not written')) continue
    const type = isAlias(r) ? 'CNAME' : r.type
    if (!CLOUDFLARE_TYPES.has(type)) {
      warnings.push(warningFor(r, `Cloudflare has no ${type} record type; not written`))
      continue
    }
    let ttl = r.ttl
    if (ttl < 60 || ttl > 86400) {
      ttl = Math.min(86400, Math.max(60, ttl))
      warnings.push(warningFor(r, `Cloudflare TTLs run from 60 to 86400 s (1 means automatic); ${ttl} written`))
    }
    const fields = cloudflareFields({ ...r, type })
    const attrs: Record<string, HclValue> = { zone_id: { raw: 'var.zone_id' }, name: displayName(r.name), type, ttl, ...fields }
    if (['A', 'AAAA', 'CNAME'].includes(type)) attrs.proxied = false
    if (isAlias(r) && r.name !== zone.origin) {
      attrs.settings = { flatten_cname: true }
      warnings.push(warningFor(r, 'a CNAME below the apex is flattened only with per-record flattening (settings.flatten_cname, paid plans)'))
    }
    blocks.push(hclBlock(`resource "cloudflare_dns_record" "${name(r.name, type)}"`, attrs))
  }
  return { text: blocks.join('\n\n') + '\n', warnings }
}
