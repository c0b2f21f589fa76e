/** Profiles of the enterprise DNS providers with an alias of their own: Dyn (historical) and UltraDNS. */
import { assumed, rule } from '../rule'
import { DYN_ALIAS, DYN_API, DYN_RETIRED, ULTRADNS_APEX_ALIAS, ULTRADNS_FAQ, ULTRADNS_HOST_ALIAS } from '../sources'
import { profile } from './profile'

export const dyn = profile({
  id: 'dyn',
  name: 'Dyn Managed DNS (ALIAS; historical)',
  summary: 'historical: Oracle retired Dyn Managed DNS; ALIAS anywhere in a zone, left out of AXFR/IXFR; the CDN sees Dyn’s anycast vantage point',
  historical: `Oracle announced the end of Dyn's enterprise DNS services and moved customers to Oracle Cloud Infrastructure DNS (${DYN_RETIRED.url}); this profile models the service as its documentation described it.`,
  notes: [
    'Zones with ALIAS carry DNSSEC signature records in transfers and downloaded zone files even when DNSSEC is off: they carry the alias data, they are not signing.',
    'ALIAS could not be combined with Traffic Manager, Real Time Traffic Manager or GeoTraffic Manager, and had to be enabled by Dyn support.'
  ],
  ttl: assumed('record', "the ALIAS record's TTL (0: the zone default); how the target's TTL counts is not documented"),
  ecs: rule({ forward: false, ipv4Prefix: null, ipv6Prefix: null }, 'no client subnet: CDNs geolocate Dyn’s anycast resolving sites, not the client', DYN_ALIAS, false),
  placement: rule('anywhere', 'simulates a CNAME for A queries anywhere in a zone, most often at the apex', DYN_ALIAS, true),
  targets: rule('any-name', 'a host name; one managed by the same Dyn account works but may raise the QPS', DYN_API, true),
  aliasTypeQuery: assumed('nodata', 'ALIAS is not a standard record type'),
  synthesized: assumed([], 'nothing beside the addresses in answers (the signature records appear only in transfers and zone files)'),
  axfr: rule('omitted', 'ALIAS records cannot be transferred to a secondary by AXFR/IXFR: a transfer leaves them out, with a logged warning', DYN_ALIAS, true),
  dnssec: assumed('unknown', 'not documented for ALIAS answers')
})

export const ultradns = profile({
  id: 'ultradns',
  name: 'UltraDNS (Apex Alias, APEXALIAS)',
  summary: "Apex Alias at the apex only, chased like a recursive resolver; the target's TTL passed through; ECS forwarded",
  notes: ['Below the apex an alias needs the HOST_ALIAS account feature, enabled case by case; without it a BIND import or API call does not create the record.'],
  ttl: rule('passthrough', "the TTL of the record found at the end of the chase; the Apex Alias's own TTL is a placeholder", ULTRADNS_FAQ, true),
  resolution: assumed({ timeoutMs: 1500, retries: 1 }, 'chased "in the same way that a recursing resolver would"; timeouts not documented'),
  ecs: rule({ forward: true, ipv4Prefix: 24, ipv6Prefix: 56 }, 'built-in edns0-client-subnet support: resolvers that pass the client subnet get answers for it (prefix lengths assumed)', ULTRADNS_APEX_ALIAS, true),
  placement: rule('apex', 'at the zone apex (elsewhere only with the HOST_ALIAS account feature)', ULTRADNS_HOST_ALIAS, true),
  targets: rule('any-name', 'any host name, chased like a recursive resolver would', ULTRADNS_APEX_ALIAS, true),
  aliasTypeQuery: assumed('nodata', 'APEXALIAS is UltraDNS-specific, not on the wire'),
  synthesized: rule([], 'A and AAAA records as appropriate', ULTRADNS_APEX_ALIAS, true),
  axfr: assumed('expanded', 'not documented'),
  dnssec: assumed('unknown', 'not documented')
})
