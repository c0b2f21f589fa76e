import { z } from 'zod'
import { resolverTargetSchema } from './dns'
import { profileIdSchema, ttlRuleSchema } from './providers'

/**
 * The contract of the local ALIAS test server (electron/alias-server): its settings, upstream
 * configuration, query-log entries, counters and the simulated target's state. Times are Unix
 * milliseconds (`Date.now()`), TTLs are seconds.
 */

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

export const upstreamModes = ['recursive', 'authoritative', 'simulated'] as const
export type UpstreamMode = (typeof upstreamModes)[number]

export const upstreamConfigSchema = z.discriminatedUnion('mode', [
  /** (a) Ask a resolver (any transport the query engine speaks). */
  z.strictObject({ mode: z.literal('recursive'), resolver: resolverTargetSchema }),
  /**
   * (b) Find the target zone's name servers through `bootstrap` (NS, then their addresses) and ask
   * them directly with RD=0. `serverPort`: where those servers listen (53; tests use another).
   */
  z.strictObject({
    mode: z.literal('authoritative'),
    bootstrap: resolverTargetSchema,
    serverPort: z.number().int().min(1).max(65535).default(53)
  }),
  /** (c) Only the server's own simulated target zone; any other target fails (SERVFAIL, EDE 22). */
  z.strictObject({ mode: z.literal('simulated') })
])
export type UpstreamConfig = z.input<typeof upstreamConfigSchema>

export const cacheStatuses = ['hit', 'miss', 'refresh', 'stale', 'none'] as const
export type CacheStatus = (typeof cacheStatuses)[number]

export const queryLogEntrySchema = z.object({
  time: z.number(),
  /** 'address:port', IPv6 as '[address]:port'. */
  client: z.string().max(64),
  transport: z.enum(['udp', 'tcp']),
  /** Query name, lower case, trailing dot. */
  name: z.string().max(1100),
  type: z.string().max(16),
  rcode: z.string().max(16),
  /** e.g. 'A 192.0.2.1, 192.0.2.2' or 'CNAME www.example.test., A 192.0.2.1'; '' when empty. */
  answer: z.string().max(2000),
  /** TTL of the first answer record (or of the SOA in a negative answer); null when none. */
  ttl: z.number().int().min(0).nullable(),
  cache: z.enum(cacheStatuses),
  /** Round trip of the upstream query this answer waited for; null when it waited for none. */
  upstreamRttMs: z.number().min(0).nullable(),
  /** Extended DNS Error attached to the response, if any. */
  ede: z.object({ code: z.number().int(), text: z.string().max(1000) }).optional(),
  truncated: z.boolean(),
  /** Which profile rule produced this answer, in words ("target NXDOMAIN → SERVFAIL, as PowerDNS does"). */
  rule: z.string().max(600).optional(),
  /** The client subnet the answer was chosen for: ECS, else the source address (geo targets, ECS forwarding). */
  subnet: z.string().max(64).optional(),
  /** Which region of a geo target answered ('default' when none matched). */
  region: z.string().max(63).optional()
})
export type QueryLogEntry = z.infer<typeof queryLogEntrySchema>

export const aliasCountersSchema = z.object({
  startedAt: z.number(),
  queries: z.number().int().min(0),
  udpQueries: z.number().int().min(0),
  tcpQueries: z.number().int().min(0),
  /** Mean queries per second over the last `qpsWindowSeconds` complete seconds. */
  qps: z.number().min(0),
  qpsWindowSeconds: z.number().int().min(1),
  /** Responses by RCODE name. */
  rcodes: z.record(z.string(), z.number().int().min(0)),
  /** ALIAS answers served from a fresh cache entry (refresh-ahead triggers included). */
  cacheHits: z.number().int().min(0),
  /** ALIAS answers that waited for the upstream. */
  cacheMisses: z.number().int().min(0),
  /** Background refreshes started (refresh-ahead and polling). */
  refreshes: z.number().int().min(0),
  /** Queries that joined an upstream query already in flight instead of sending their own. */
  coalesced: z.number().int().min(0),
  upstreamQueries: z.number().int().min(0),
  upstreamFailures: z.number().int().min(0),
  staleAnswers: z.number().int().min(0),
  truncated: z.number().int().min(0),
  rateLimited: z.number().int().min(0),
  tcpConnections: z.number().int().min(0),
  /** TCP connections closed by the idle or request timeout. */
  tcpTimeouts: z.number().int().min(0).default(0),
  /** Idle TCP connections closed to make room for a new one (server or client address full). */
  tcpEvictions: z.number().int().min(0).default(0),
  /** New TCP connections refused because every connection had a request in progress. */
  tcpRefused: z.number().int().min(0).default(0),
  /** Query-log events dropped because listeners could not keep up. */
  logDropped: z.number().int().min(0),
  perTarget: z
    .array(z.object({ target: z.string().max(1100), type: z.enum(['A', 'AAAA']), upstreamQueries: z.number().int().min(0) }))
    .max(1000),
  /** The cost of the extra lookup, from the server's own record of what was cached (see lookupCostSchema). */
  lookupCost: z.lazy(() => lookupCostSchema).optional()
})
export type AliasCounters = z.infer<typeof aliasCountersSchema>

const ipv4List = z.array(z.ipv4()).max(64)
const ipv6List = z.array(z.ipv6()).max(64)
const simulatedTtl = z.number().int().min(0).max(86_400)

export const addressSetSchema = z.strictObject({ a: ipv4List.default([]), aaaa: ipv6List.default([]), ttl: simulatedTtl.optional() })
export type AddressSet = z.input<typeof addressSetSchema>

export const simulatedSetInputSchema = z.strictObject({ a: ipv4List.optional(), aaaa: ipv6List.optional(), ttl: simulatedTtl.optional() })
export type SimulatedSetInput = z.input<typeof simulatedSetInputSchema>

export const simulatedRotateInputSchema = z.strictObject({
  everySeconds: z.number().min(0.1).max(86_400),
  sets: z.array(addressSetSchema).min(1).max(64)
})
export type SimulatedRotateInput = z.input<typeof simulatedRotateInputSchema>

/**
 * The failure-mode lab: how the simulated target answers the ALIAS server. 'silent' never answers;
 * 'slow' answers after delayMs (a timeout when that exceeds the server's upstreamTimeoutMs);
 * 'family' fails one address family only (SERVFAIL, or silent).
 */
export const targetFailureStates = ['ok', 'nxdomain', 'nodata', 'servfail', 'silent', 'slow', 'family'] as const
export const targetFailureSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('ok') }),
  z.strictObject({ state: z.literal('nxdomain') }),
  z.strictObject({ state: z.literal('nodata') }),
  z.strictObject({ state: z.literal('servfail') }),
  z.strictObject({ state: z.literal('silent') }),
  z.strictObject({ state: z.literal('slow'), delayMs: z.number().int().min(1).max(60_000) }),
  z.strictObject({ state: z.literal('family'), family: z.enum(['A', 'AAAA']), failure: z.enum(['servfail', 'silent']).default('servfail') })
])
export type TargetFailure = z.output<typeof targetFailureSchema>
export type TargetFailureInput = z.input<typeof targetFailureSchema>

export const simulatedTargetStateSchema = z.object({
  /** Origin of the simulated zone, e.g. 'cdn.example.test.'; its apex holds the A/AAAA sets. */
  name: z.string().max(1100),
  a: z.array(z.string()),
  aaaa: z.array(z.string()),
  ttl: simulatedTtl,
  /** Increments on every change. */
  version: z.number().int().min(0),
  changedAt: z.number(),
  /** How the target answers the ALIAS server now (the failure-mode lab). */
  failure: targetFailureSchema,
  rotation: z
    .object({ everySeconds: z.number(), sets: z.array(z.object({ a: z.array(z.string()), aaaa: z.array(z.string()), ttl: simulatedTtl.optional() })), index: z.number().int(), nextAt: z.number() })
    .nullable()
})
export type SimulatedTargetState = z.infer<typeof simulatedTargetStateSchema>

/** One change of the simulated target: the true change times for the staleness analysis. */
export const simulatedTargetChangeSchema = z.object({
  time: z.number(),
  version: z.number().int().min(0),
  a: z.array(z.string()),
  aaaa: z.array(z.string()),
  ttl: simulatedTtl,
  reason: z.enum(['set', 'rotate'])
})
export type SimulatedTargetChange = z.infer<typeof simulatedTargetChangeSchema>

/**
 * Zone-file dialects the server and the lab read (ids shared with the converter's formats): `bind` (ALIAS and
 * ANAME), `route53-text` (`A ALIAS`, cli53's `AWS ALIAS`; an alias per address family), `cloudflare` (a
 * CNAME at the apex, or tagged cf-flatten-cname, is flattened).
 */
export const zoneDialects = ['bind', 'route53-text', 'cloudflare'] as const
export type ZoneDialect = (typeof zoneDialects)[number]
export const zoneDialectSchema = z.enum(zoneDialects)

/**
 * The cost of the extra lookup behind an ALIAS answer. `addedMs`: how much longer an answer takes when the
 * ALIAS server's cache does not hold the target (the median; from the server log: the upstream wait of the
 * answers that waited for it; from timings: the cold apex answers' median minus a static name's).
 * `paidPercent`: the share of the apex's address answers that paid it.
 */
export const lookupCostSchema = z.object({
  source: z.enum(['server-log', 'timing']),
  addedMs: z.number().min(0).nullable(),
  /** Timing only: medians of cold and warm apex answers and of the static name's (ms). */
  coldMs: z.number().min(0).nullable(),
  warmMs: z.number().min(0).nullable(),
  staticMs: z.number().min(0).nullable(),
  /** The static name timed beside the apex (timing only). */
  staticName: z.string().max(1100).nullable(),
  /** ALIAS (apex address) answers counted, and those that waited for the target lookup. */
  answers: z.number().int().min(0),
  paid: z.number().int().min(0),
  paidPercent: z.number().min(0).max(100).nullable(),
  /** "ALIAS adds about N ms when the target is not cached; M% of answers in this watch paid it". */
  text: z.string().max(400)
})
export type LookupCost = z.infer<typeof lookupCostSchema>

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

const round1 = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10)

export function lookupCostText(addedMs: number | null, paid: number, answers: number, scope: string): string {
  if (answers === 0) return `ALIAS lookup cost: no ALIAS answers in this ${scope} yet`
  const percent = Math.round((paid / answers) * 100)
  if (addedMs === null) return `ALIAS lookup cost not measured: no answer in this ${scope} waited for the target (${percent}% paid it)`
  // sub-10 ms costs (a lab on loopback) keep a decimal, so they do not read as nothing
  return `ALIAS adds about ${addedMs < 10 ? addedMs.toFixed(1) : Math.round(addedMs)} ms when the target is not cached; ${percent}% of answers in this ${scope} paid it`
}

/** Exact figures from the server's own log: each ALIAS answer says whether it waited for the target and how long. */
export function lookupCostFromLog(entries: ReadonlyArray<Pick<QueryLogEntry, 'cache' | 'upstreamRttMs'>>, scope = 'watch'): LookupCost {
  const alias = entries.filter((e) => e.cache !== 'none')
  const waits = alias.flatMap((e) => (e.cache === 'miss' && e.upstreamRttMs !== null ? [e.upstreamRttMs] : []))
  const addedMs = round1(median(waits))
  return {
    source: 'server-log',
    addedMs,
    coldMs: null,
    warmMs: null,
    staticMs: null,
    staticName: null,
    answers: alias.length,
    paid: waits.length,
    paidPercent: alias.length > 0 ? Math.round((waits.length / alias.length) * 1000) / 10 : null,
    text: lookupCostText(addedMs, waits.length, alias.length, scope)
  }
}

/**
 * From response times alone (a real provider's servers, whose cache we cannot see). The apex times and the
 * static name's median, sorted, split at their widest gap: the apex answers above it are cold, provided the
 * gap is clear (at least `minGapMs` and twice the static answers' own spread); otherwise none is.
 */
export function lookupCostFromTimings(apexMs: readonly number[], staticMs: readonly number[], staticName: string, scope = 'inspection', minGapMs = 10): LookupCost & { cold: boolean[] } {
  const base = median(staticMs)
  const spread = staticMs.length > 1 ? Math.max(...staticMs) - Math.min(...staticMs) : 0
  let threshold = Number.POSITIVE_INFINITY
  if (base !== null) {
    const sorted = [base, ...apexMs].sort((x, y) => x - y)
    let widest = 0
    for (let i = 0; i + 1 < sorted.length; i++) {
      const gap = sorted[i + 1]! - sorted[i]!
      if (gap > widest && sorted[i]! >= base) [widest, threshold] = [gap, sorted[i]!]
    }
    if (widest < Math.max(minGapMs, 2 * spread)) threshold = Number.POSITIVE_INFINITY
  }
  const cold = apexMs.map((ms) => ms > threshold)
  const coldMs = median(apexMs.filter((_, i) => cold[i]))
  const warmMs = median(apexMs.filter((_, i) => !cold[i]))
  const addedMs = coldMs !== null && base !== null ? round1(Math.max(0, coldMs - base)) : null
  const paid = cold.filter(Boolean).length
  return {
    source: 'timing',
    addedMs,
    coldMs: round1(coldMs),
    warmMs: round1(warmMs),
    staticMs: round1(base),
    staticName,
    answers: apexMs.length,
    paid,
    paidPercent: apexMs.length > 0 ? Math.round((paid / apexMs.length) * 1000) / 10 : null,
    text: lookupCostText(addedMs, paid, apexMs.length, scope),
    cold
  }
}

/** Online DNSSEC signing of the server's zones (`--dnssec`). */
export const dnssecAlgorithms = ['ecdsap256sha256', 'ed25519'] as const
export const dnssecDenials = ['nsec', 'nsec3'] as const
export const dnssecConfigSchema = z.strictObject({
  /** Where each zone's key is kept (created on first start, reused after). */
  keyDir: z.string().min(1).max(4096),
  algorithm: z.enum(dnssecAlgorithms).default('ecdsap256sha256'),
  /** nsec: minimally covering NSEC (RFC 4470); nsec3: white lies, 0 iterations, no salt (RFC 9276). */
  denial: z.enum(dnssecDenials).default('nsec')
})
export type DnssecConfig = z.input<typeof dnssecConfigSchema>

/** A signed zone's key as shown to the user: the DS for the parent and the DNSKEY for trust anchors. */
export const dnssecZoneInfoSchema = z.object({
  zone: z.string().max(1100),
  algorithm: z.enum(dnssecAlgorithms),
  keyTag: z.number().int().min(0).max(65535),
  ds: z.string().max(2000),
  dnskey: z.string().max(2000)
})
export type DnssecZoneInfo = z.infer<typeof dnssecZoneInfoSchema>
