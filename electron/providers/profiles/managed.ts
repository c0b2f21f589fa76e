/** Profiles of managed DNS providers with their own ALIAS/ANAME types: DNSimple, NS1, DNS Made Easy. */
import { assumed, rule } from '../rule'
import { CONSTELLIX_ANAME, DME_TERMS, DNSIMPLE_ALIAS, DNSIMPLE_ECS, DNSIMPLE_REFERENCE, DNSIMPLE_SECONDARY, NS1_ALIAS, NS1_TYPES } from '../sources'
import { profile } from './profile'

export const dnsimple = profile({
  id: 'dnsimple',
  name: 'DNSimple (ALIAS)',
  summary: 'attempts time out after 500 ms and are retried; on failure the last cached answer, else an empty one, never SERVFAIL',
  notes: ['ECS is forwarded only to CDNs DNSimple supports (Netlify at the time of writing).'],
  ttl: rule('record', "the ALIAS record's TTL: \"the amount of time the record is allowed to be cached\" (inferred, not confirmed)", DNSIMPLE_REFERENCE, false),
  targetNxdomain: rule('empty', 'the resolution fails: an empty result set', DNSIMPLE_ALIAS, false),
  targetNodata: rule('empty', 'no addresses: an empty result set', DNSIMPLE_ALIAS, false),
  targetFailure: rule('stale-else-empty', 'the cached response if one exists, else an empty result set', DNSIMPLE_ALIAS, true),
  resolution: rule({ timeoutMs: 500, retries: 1 }, '500 ms per attempt, retried "up to a maximum number of retries" (one assumed)', DNSIMPLE_ALIAS, true),
  negativeCaching: assumed(false, 'only resolved answers are said to be cached'),
  ecs: rule({ forward: true, ipv4Prefix: 24, ipv6Prefix: 56 }, 'forwarded for supported CDNs (RFC 7871); prefix lengths assumed', DNSIMPLE_ECS, true),
  placement: rule('anywhere', 'any host name; primarily the apex', DNSIMPLE_REFERENCE, true),
  targets: rule('any-name', 'any fully-qualified name', DNSIMPLE_REFERENCE, true),
  aliasTypeQuery: rule('nodata', 'a virtual record: resolvers see only A/AAAA', DNSIMPLE_REFERENCE, false),
  axfr: rule('expanded', 'secondaries receive the resolved A/AAAA, re-resolved on a schedule', DNSIMPLE_SECONDARY, true)
})

export const ns1 = profile({
  id: 'ns1',
  name: 'NS1 (ALIAS)',
  summary: "the target's TTL or an override; apex only; no ECS (not checked)",
  notes: ['Netlify DNS runs on NS1 and flattens apexes that point at Netlify.'],
  ttl: assumed('passthrough', "the target's TTL, or an override (not checked)"),
  ecs: assumed({ forward: false, ipv4Prefix: null, ipv6Prefix: null }, 'not forwarded (not checked)'),
  placement: rule('apex', 'ALIAS is for the zone apex; other names should use CNAME', NS1_ALIAS, true),
  targets: rule('any-name', 'any name, inside or outside NS1', NS1_ALIAS, false),
  aliasTypeQuery: assumed('nodata', 'ALIAS is NS1-specific, not on the wire'),
  axfr: rule('omitted', 'NS1-specific record types are not included in outgoing zone transfers', NS1_TYPES, true)
})

export const dnsmadeeasy = profile({
  id: 'dnsmadeeasy',
  name: 'DNS Made Easy (ANAME)',
  summary: 'ANAME resolved and kept as A records; the last good address when the target fails; ECS forwarded (not checked)',
  notes: ['Constellix, its sister service, documents the same ANAME: addresses cached and updated when the target changes.'],
  ttl: assumed('record', "the ANAME record's TTL (not checked)"),
  targetNxdomain: assumed('empty', 'an empty answer (not checked)'),
  targetNodata: assumed('empty', 'an empty answer (not checked)'),
  targetFailure: rule('stale-else-servfail', 'the last good addresses keep being served (not checked)', CONSTELLIX_ANAME, false),
  ecs: assumed({ forward: true, ipv4Prefix: 24, ipv6Prefix: 56 }, 'forwarded (not checked)'),
  placement: rule('anywhere', 'meant for the apex; any name accepted', DME_TERMS, false),
  targets: rule('any-name', 'any fully-qualified name', DME_TERMS, true),
  aliasTypeQuery: assumed('nodata', 'ANAME is proprietary, not on the wire'),
  axfr: assumed('expanded', 'the resolved A records (not checked)')
})
