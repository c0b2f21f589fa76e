/** Profiles of the cloud DNS services: Cloudflare, Route 53, Azure DNS, Google Cloud DNS. */
import { assumed, rule } from '../rule'
import { AZURE_ALIAS, CF_DIAGRAM, CF_FLATTENING, CF_SETUP, CF_TRANSFER, GOOGLE_ALIAS, R53_ALIAS } from '../sources'
import { profile } from './profile'

export const cloudflare = profile({
  id: 'cloudflare',
  name: 'Cloudflare (CNAME flattening, DNS only)',
  summary: "the lower of the record's TTL and the target's; a target that does not resolve gives NODATA; AXFR carries the addresses",
  notes: [
    'Proxied records answer Cloudflare addresses with TTL 300: use --ttl-policy constant:300 to model them.',
    'Whether flattened answers count down or keep the TTL as fetched is not documented; we keep it as fetched (fixed).'
  ],
  ttl: rule('fixed', "DNS-only: the lower of the CNAME record's TTL and the target's", CF_DIAGRAM, true),
  targetNxdomain: rule('empty', 'a dangling target gives an empty response (NODATA)', CF_FLATTENING, true),
  targetNodata: rule('empty', 'no A/AAAA at the end: an empty response (NODATA)', CF_FLATTENING, true),
  ecs: assumed({ forward: false, ipv4Prefix: null, ipv6Prefix: null }, 'not documented for flattening'),
  placement: rule('anywhere', 'at the apex by default; any name with "flatten all CNAMEs" (paid plans)', CF_SETUP, true),
  targets: rule('any-name', 'any name outside other Cloudflare accounts', CF_FLATTENING, true),
  aliasTypeQuery: assumed('nodata', 'there is no alias type on the wire: the query finds nothing'),
  axfr: rule('expanded', 'outgoing AXFR carries the flattened addresses, not the CNAME', CF_TRANSFER, true),
  dnssec: assumed('signed-on-the-fly', 'answers are signed on the fly (not yet checked)')
})

export const route53 = profile({
  id: 'route53',
  name: 'Amazon Route 53 (alias records)',
  summary: 'no TTL of its own: the TTL of the AWS resource or of the record in the same hosted zone; targets are AWS resources or same-zone records',
  notes: ['Route 53 aliases each record type on its own (an A alias does not make an AAAA alias).'],
  ttl: rule('passthrough', 'an alias has no TTL: the AWS resource\'s TTL or that of the record it points to', R53_ALIAS, true),
  targetNxdomain: assumed('empty', 'an alias to a missing record cannot be created; an empty answer assumed'),
  targetNodata: assumed('empty', 'an empty answer'),
  resolution: assumed({ timeoutMs: 1500, retries: 1 }, 'resolved inside AWS; not documented'),
  placement: rule('anywhere', 'alias records at the apex and at any other name', R53_ALIAS, false),
  targets: rule('own-resources-or-same-zone', 'AWS resources (CloudFront, ELB, S3, API Gateway …) or a record in the same hosted zone', R53_ALIAS, true),
  aliasTypeQuery: assumed('nodata', 'alias is a Route 53 extension, never on the wire'),
  axfr: assumed('no-transfer', 'Route 53 offers no zone transfers')
})

export const azure = profile({
  id: 'azure',
  name: 'Azure DNS (alias record sets)',
  summary: 'alias record sets point at Azure resources or a record set in the same zone; TTL rule not checked',
  notes: [],
  ttl: assumed('record', "the alias record set's own TTL (not checked)"),
  targetNxdomain: assumed('empty', 'an empty answer (the record set follows its resource)'),
  targetNodata: assumed('empty', 'an empty answer'),
  resolution: assumed({ timeoutMs: 1500, retries: 1 }, 'resolved inside Azure; not documented'),
  placement: rule('anywhere', 'A, AAAA and CNAME record sets at any name, the apex included', AZURE_ALIAS, true),
  targets: rule('own-resources-or-same-zone', 'Azure resources (public IP, Traffic Manager, Front Door, CDN) or a record set in the same zone', AZURE_ALIAS, true),
  aliasTypeQuery: assumed('nodata', 'alias is a qualification on a record set, never on the wire'),
  axfr: assumed('no-transfer', 'Azure DNS offers no zone transfers')
})

export const google = profile({
  id: 'google',
  name: 'Google Cloud DNS (ALIAS record type)',
  summary: 'an ALIAS type at the apex only, for A/AAAA, public zones, API/gcloud only; not with DNSSEC',
  notes: ['Set through the API or gcloud only, not the console; public zones only.'],
  ttl: assumed('record', "the ALIAS record set's TTL (not documented)"),
  placement: rule('apex', 'at the zone apex only', GOOGLE_ALIAS, true),
  targets: rule('any-name', 'a canonical name, looked up for A/AAAA queries', GOOGLE_ALIAS, true),
  aliasTypeQuery: rule('nodata', 'ALIAS records are never exposed to clients: they see only A/AAAA', GOOGLE_ALIAS, true),
  synthesized: rule([], 'only A or AAAA records appear', GOOGLE_ALIAS, true),
  axfr: assumed('no-transfer', 'Cloud DNS offers no outgoing zone transfers'),
  dnssec: rule('not-with-alias', 'DNSSEC cannot be enabled on a zone with ALIAS records', GOOGLE_ALIAS, true)
})
