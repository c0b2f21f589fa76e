/**
 * What each target cannot hold, with the documentation that says so. Only aliases are judged here: every
 * other record type either fits or is handled (and warned about) by the writer.
 */
import { isAtOrBelow } from '../zone'
import type { FormatId } from './formats'
import { isAlias, type ConvRecord, type ConvZone } from './model'

/** The providers the lock-in report names beside the formats. */
export type ProviderId = 'google-cloud-dns'
export type TargetId = FormatId | ProviderId

export interface AliasIssue {
  record: ConvRecord
  /** 'flatten': the target can hold the addresses the alias gives now; 'cannot': not even that. */
  remedy: 'flatten' | 'cannot'
  reason: string
  source: string
}

export const SOURCES = {
  route53: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html',
  octodns: 'https://github.com/octodns/octodns/blob/main/octodns/record/alias.py',
  cloudflare: 'https://developers.cloudflare.com/dns/cname-flattening/set-up-cname-flattening/',
  cloudflareRecords: 'https://developers.cloudflare.com/dns/manage-dns-records/troubleshooting/records-with-same-name/',
  google: 'https://cloud.google.com/dns/docs/records-overview#alias_records',
  flat: 'https://datatracker.ietf.org/doc/html/rfc1034#section-3.6.2'
} as const

/** Name suffixes of the AWS resources a Route 53 alias may point at (the page in SOURCES.route53). */
const AWS_ALIAS_SUFFIXES = [
  '.cloudfront.net.',
  '.elb.amazonaws.com.',
  '.amazonaws.com.', // S3 website endpoints, API Gateway, VPC interface endpoints, App Runner
  '.elasticbeanstalk.com.',
  '.awsglobalaccelerator.com.',
  '.appsync-api.amazonaws.com.'
]

const ROUTE53_FORMATS: readonly TargetId[] = ['route53', 'route53-text', 'terraform-route53']
const CLOUDFLARE_FORMATS: readonly TargetId[] = ['cloudflare', 'terraform-cloudflare']

const ADDRESS = new Set(['A', 'AAAA'])
const hasDnssec = (zone: ConvZone): boolean => zone.records.some((r) => r.type === 'DNSKEY' || r.type === 'TYPE46')

export function aliasIssues(zone: ConvZone, target: TargetId): AliasIssue[] {
  const issues: AliasIssue[] = []
  const at = (name: string): ConvRecord[] => zone.records.filter((r) => r.name === name)
  for (const r of zone.records.filter(isAlias)) {
    const name = r.name
    const dest = r.rdata[0]
    const apex = name === zone.origin
    const add = (remedy: AliasIssue['remedy'], reason: string, source: string): void => {
      issues.push({ record: r, remedy, reason, source })
    }
    if (target === 'flat') {
      add('flatten', 'a flat zone holds only the addresses an alias gives now', SOURCES.flat)
    } else if (ROUTE53_FORMATS.includes(target)) {
      const inZone = isAtOrBelow(dest, zone.origin) && at(dest).some((x) => ADDRESS.has(x.type) || isAlias(x))
      if (!inZone && !AWS_ALIAS_SUFFIXES.some((s) => dest.endsWith(s))) {
        add('flatten', `a Route 53 alias can point only at an AWS resource or at a record in the same hosted zone; ${dest} is neither`, SOURCES.route53)
      }
    } else if (CLOUDFLARE_FORMATS.includes(target)) {
      const clash = at(name).find((x) => x !== r && (apex ? ADDRESS.has(x.type) : true))
      if (clash) {
        add('flatten', `Cloudflare writes this alias as a CNAME, which cannot stand beside the ${clash.type} record at ${name}`, SOURCES.cloudflareRecords)
      }
    } else if (target === 'octodns') {
      if (!apex) add('flatten', `octoDNS accepts ALIAS only at the root of the zone, not at ${name}`, SOURCES.octodns)
    } else if (target === 'google-cloud-dns') {
      if (hasDnssec(zone)) add('cannot', 'Google Cloud DNS does not allow ALIAS records in a zone signed with DNSSEC; flattening keeps the zone signable', SOURCES.google)
      else if (!apex) add('flatten', `Google Cloud DNS allows ALIAS only at the zone apex, not at ${name}`, SOURCES.google)
    }
  }
  return issues
}
