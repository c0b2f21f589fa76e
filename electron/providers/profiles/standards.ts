/** Profiles of the standard and of self-hosted servers: the ANAME draft, PowerDNS, Technitium. */
import { assumed, rule } from '../rule'
import { ANAME_DRAFT, OUR_BENCHMARK, PDNS_ALIAS, PDNS_DIFFERENTIAL, PDNS_ECS, PDNS_UNSIGNED, RFC7871_PRIVACY, RFC8767, TECHNITIUM_DNSSEC } from '../sources'
import { profile } from './profile'

export const draft = profile({
  id: 'draft',
  name: 'ANAME draft (draft-ietf-dnsop-aname-04)',
  summary: 'TTL is the lowest along the chain, counting down; a missing target gives an empty answer; a failing one, the last good answer',
  notes: ['The draft puts the ANAME record in the Additional section of address answers; we answer it only when asked for (as PowerDNS does).'],
  ttl: rule('min', 'the lowest TTL of the ALIAS record, the in-zone links and the target, counting down', ANAME_DRAFT, true),
  targetNxdomain: rule('empty', 'an empty answer (NOERROR, no addresses): "an empty RRset is success"', ANAME_DRAFT, true),
  targetNodata: rule('empty', 'an empty answer (NOERROR, no addresses)', ANAME_DRAFT, true),
  targetFailure: rule('stale-else-servfail', 'resolution failed: keep the previous addresses (served stale, RFC 8767), else SERVFAIL', RFC8767, true),
  resolution: assumed({ timeoutMs: 1500, retries: 1 }, 'our choice: 1.5 s per attempt, one retry (the draft sets no timeout)'),
  negativeCaching: rule(true, 'negative answers are cached for their negative TTL (RFC 2308)', ANAME_DRAFT, false),
  ecs: rule({ forward: false, ipv4Prefix: null, ipv6Prefix: null }, 'not forwarded: our privacy default', RFC7871_PRIVACY, true),
  placement: rule('anywhere', 'an ANAME may stand at any name', ANAME_DRAFT, true),
  targets: rule('any-name', 'any name', ANAME_DRAFT, true),
  aliasTypeQuery: rule('record', 'a query for the ANAME type returns the record', ANAME_DRAFT, true),
  synthesized: rule([], 'nothing beside the addresses', ANAME_DRAFT, false),
  axfr: rule('raw-alias', 'the ANAME record travels with its sibling address records', ANAME_DRAFT, true),
  dnssec: rule('signed-on-the-fly', 'substituted addresses are signed like any zone change', ANAME_DRAFT, false)
})

export const powerdns = profile({
  id: 'powerdns',
  name: 'PowerDNS Authoritative',
  summary: "the target's TTL; a target NXDOMAIN or SERVFAIL gives SERVFAIL; ALIAS answers unsigned; AXFR carries the raw ALIAS",
  notes: [
    'ECS is forwarded for ALIAS from 4.9 on (PR #13441); the 4.7 that Debian ships does not forward it.',
    'PowerDNS does not cache ALIAS answers: every query asks its resolver, whose cache counts the TTL down.'
  ],
  ttl: rule('passthrough', "the target's address records' TTL as its resolver gives it (not the CNAMEs' on the way), whatever the ALIAS record's TTL", PDNS_ALIAS, true),
  targetNxdomain: rule('servfail', 'SERVFAIL', PDNS_ALIAS, true),
  targetNodata: rule('empty', 'an empty NOERROR (seen on PowerDNS 4.7)', PDNS_DIFFERENTIAL, true),
  targetFailure: rule('servfail', 'SERVFAIL', PDNS_ALIAS, true),
  resolution: assumed({ timeoutMs: 1500, retries: 1 }, 'not documented; we use 1.5 s and one retry'),
  negativeCaching: rule(false, 'no ALIAS cache of its own: each query asks the resolver again', OUR_BENCHMARK, true),
  ecs: rule({ forward: true, ipv4Prefix: 24, ipv6Prefix: 56 }, 'forwarded from 4.9 on (not by 4.7); prefix lengths assumed /24 and /56', PDNS_ECS, true),
  placement: rule('anywhere', 'ALIAS may stand at any name', PDNS_ALIAS, true),
  targets: rule('any-name', 'any name its resolver can resolve', PDNS_ALIAS, true),
  aliasTypeQuery: rule('nodata', 'a query for type ALIAS (65401) gets an empty NOERROR (seen on PowerDNS 4.7 with expand-alias)', PDNS_DIFFERENTIAL, true),
  synthesized: rule([], 'nothing beside the addresses', PDNS_DIFFERENTIAL, true),
  axfr: rule('raw-alias', 'the raw ALIAS record, unless outgoing-axfr-expand-alias is set', PDNS_ALIAS, true),
  dnssec: rule('unsigned-alias-answers', 'live ALIAS answers are not signed', PDNS_UNSIGNED, true)
})

export const technitium = profile({
  id: 'technitium',
  name: 'Technitium DNS Server',
  summary: 'ANAME records; not in signed zones; minimum TTL and SERVFAIL on failure are assumptions',
  notes: [],
  ttl: assumed('min', 'the lower of the ANAME TTL and the target TTL (not checked)'),
  targetNxdomain: assumed('empty', 'an empty answer (not checked)'),
  targetNodata: assumed('empty', 'an empty answer (not checked)'),
  targetFailure: assumed('servfail', 'SERVFAIL (not checked)'),
  resolution: assumed({ timeoutMs: 2000, retries: 1 }, 'not documented; we use 2 s and one retry'),
  negativeCaching: assumed(true, 'its resolver caches negative answers (not checked)'),
  ecs: assumed({ forward: false, ipv4Prefix: null, ipv6Prefix: null }, 'not documented for ANAME'),
  placement: assumed('anywhere', 'ANAME at any name (not checked)'),
  targets: assumed('any-name', 'any name'),
  aliasTypeQuery: assumed('nodata', 'its ANAME type is its own; a query for type 65401 finds nothing'),
  axfr: assumed('raw-alias', 'the ANAME record is transferred as such (not checked)'),
  dnssec: rule('not-with-alias', 'ANAME and APP records are not supported in signed zones', TECHNITIUM_DNSSEC, true)
})
