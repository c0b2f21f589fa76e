import { z } from 'zod'
import { profileIdSchema, ttlRuleSchema } from '../providers'

export const ttlPolicies = ['min', 'fixed', 'passthrough'] as const
export type TtlPolicy = (typeof ttlPolicies)[number]

const settingsShape = {
  /** The provider profile whose rules set the defaults below (electron/providers); the rest are overrides. */
  profile: profileIdSchema,
  /**
   * TTL of the synthesised address records. 'min': min(ALIAS TTL, target TTL left), counting down
   * (default). 'fixed': min(ALIAS TTL, the target's TTL as fetched), not counting down (ANAME draft).
   * 'passthrough': the target's TTL left, whatever the ALIAS TTL (PowerDNS). 'record': the ALIAS
   * record's own TTL. 'constant:N': N seconds.
   */
  ttlPolicy: ttlRuleSchema,
  /** Target NODATA (and NXDOMAIN unless onTargetNxdomain says otherwise): NODATA at the ALIAS owner with the SOA (ANAME draft) or SERVFAIL. */
  onTargetMissing: z.enum(['nodata', 'servfail']),
  /** Target NXDOMAIN; null: as onTargetMissing. */
  onTargetNxdomain: z.enum(['nodata', 'servfail']).nullable(),
  /** Upstream failure (target SERVFAIL or timeout): the last good answer served stale (RFC 8767), SERVFAIL, or an empty NOERROR. */
  onUpstreamFailure: z.enum(['stale', 'servfail', 'nodata']),
  /** 'stale' with no last good answer to serve: SERVFAIL or an empty NOERROR. */
  staleFallback: z.enum(['servfail', 'nodata']),
  /** Retries after the first upstream attempt times out. */
  upstreamRetries: z.number().int().min(0).max(5),
  /** Keep a target's NXDOMAIN/NODATA for its negative TTL (RFC 2308); false: ask again on the next query. */
  cacheNegative: z.boolean(),
  /** A query for the ALIAS type itself (65401): the record (PowerDNS) or an empty answer (providers with no such type). */
  aliasTypeQuery: z.enum(['record', 'nodata']),
  /**
   * With --dnssec: whether synthesised ALIAS answers (apex A/AAAA) are signed like every other
   * RRset, or served without RRSIGs as PowerDNS does (validators then reject them).
   */
  dnssecAliasAnswers: z.enum(['signed', 'unsigned']),
  /** TTL of stale answers (RFC 8767 recommends 30 s). */
  staleTtl: z.number().int().min(1).max(3600),
  /** How long after expiry an answer may still be served stale. */
  maxStaleSeconds: z.number().int().min(0).max(7 * 86_400),
  /** After an upstream failure, do not ask again for this long (stale or SERVFAIL meanwhile). */
  failureRecheckSeconds: z.number().min(0).max(3600),
  /** Serve stale when the upstream has not answered within this time (RFC 8767 client response timer). */
  staleClientTimeoutMs: z.number().int().min(0).max(60_000),
  /** Refresh a target shortly before it expires (at 90 % of its TTL, or 2 s before when that is earlier). */
  refreshAhead: z.boolean(),
  /** Refresh every cached target this often regardless of its TTL (staleness experiments); null: off. */
  pollIntervalSeconds: z.number().min(0.1).max(86_400).nullable(),
  /** Per upstream attempt (see upstreamRetries). */
  upstreamTimeoutMs: z.number().int().min(50).max(30_000),
  /** Largest cache TTL kept for a target (longer TTLs are capped). */
  maxCacheTtl: z.number().int().min(0).max(7 * 86_400),
  maxCacheEntries: z.number().int().min(1).max(1_000_000),
  /** Largest UDP response (RFC 9715 / DNS flag day 2020: 1232). Clients asking for less get less, never under 512. */
  maxUdpPayload: z.number().int().min(512).max(4096),
  /** Emit one query-log event per query (counters are always kept). */
  logQueries: z.boolean(),
  /** Longest wait between requests on a TCP connection; only a complete request restarts it (Knot tcp-idle-timeout). */
  tcpIdleTimeoutMs: z.number().int().min(100).max(300_000),
  /** Time to complete a request once its first octet arrived (Knot tcp-io-timeout). */
  tcpIoTimeoutMs: z.number().int().min(50).max(60_000),
  /** All TCP connections at once (Knot tcp-max-clients); when full, the oldest idle one is closed for a new one. */
  tcpMaxConnections: z.number().int().min(1).max(10_000),
  /** TCP connections from one client address; beyond it that address's oldest idle connection is closed. */
  tcpMaxConnectionsPerClient: z.number().int().min(1).max(10_000),
  /** Response-rate limit per client /24 (IPv4) or /64 (IPv6); active only when rate limiting is on. */
  rateLimitPerSecond: z.number().int().min(1).max(1_000_000),
  /** Every Nth response over the limit is sent truncated (TC) so that real clients retry over TCP. 0: drop all. */
  rateLimitSlip: z.number().int().min(0).max(10)
}
/** Every setting, as `settings()` returns them. */
export const aliasSettingsSchema = z.strictObject(settingsShape)
export type AliasSettings = z.output<typeof aliasSettingsSchema>
/** What `updateSettings` and `startAliasServer({ settings })` take: any subset. */
export const aliasSettingsPatchSchema = z.strictObject(settingsShape).partial()
export type AliasSettingsPatch = z.input<typeof aliasSettingsPatchSchema>

export const defaultAliasSettings: AliasSettings = {
  profile: 'draft',
  ttlPolicy: 'min',
  onTargetMissing: 'nodata',
  onTargetNxdomain: null,
  onUpstreamFailure: 'stale',
  staleFallback: 'servfail',
  upstreamRetries: 1,
  cacheNegative: true,
  aliasTypeQuery: 'record',
  dnssecAliasAnswers: 'signed',
  staleTtl: 30,
  maxStaleSeconds: 86_400,
  failureRecheckSeconds: 5,
  staleClientTimeoutMs: 1800,
  refreshAhead: true,
  pollIntervalSeconds: null,
  upstreamTimeoutMs: 1500,
  maxCacheTtl: 86_400,
  maxCacheEntries: 10_000,
  maxUdpPayload: 1232,
  logQueries: true,
  tcpIdleTimeoutMs: 10_000,
  tcpIoTimeoutMs: 1000,
  tcpMaxConnections: 256,
  tcpMaxConnectionsPerClient: 32,
  rateLimitPerSecond: 100,
  rateLimitSlip: 2
}
