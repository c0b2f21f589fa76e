import { z } from 'zod'
import { lookupCostSchema } from './alias-server'
import { parsePrefix } from './geo'
import { localitySchema } from './locality'
import { aliasModeChainSchema } from './aliasmode'
import { ttlRuleNames, ttlRuleSchema, type TtlRule } from './providers'
import { profileIdSchema } from './providers'
import { resolverTargetSchema } from './dns'
import { errorCodes } from './result'

/**
 * The contract of the inspector (electron/inspector): is this apex aliased, to what, and how stale
 * can it get. Times: `*WallMs` are Unix milliseconds, `*MonoMs` are the main process's monotonic
 * clock, `elapsedMs` are milliseconds since a watch session started (monotonic).
 */

const nameSchema = z.string().trim().min(1, 'the name must not be empty').max(1024, 'the name is too long')
const resolversSchema = z.array(resolverTargetSchema).min(1, 'pick at least one resolver').max(16)
const addressListSchema = z.array(z.string().max(64)).max(1000)
const textSchema = z.string().max(2000)
const errorSchema = z.object({ code: z.enum(errorCodes), message: z.string().max(4000) })

export const families = ['A', 'AAAA'] as const
export type Family = (typeof families)[number]

// ---- TTL model ----

/** One record as received: its TTL is the TTL at receipt, so anyone can compute what is left. */
export const observedRecordSchema = z.object({
  name: z.string().max(1100),
  type: z.string().max(16),
  ttl: z.number().int().min(0),
  data: z.string().max(65535),
  receivedAtWallMs: z.number(),
  receivedAtMonoMs: z.number()
})
export type ObservedRecord = z.infer<typeof observedRecordSchema>

/** How long a recursive resolver has held a record: its TTL against the authoritative TTL. */
export const cacheAgeSchema = z.object({
  name: z.string().max(1100),
  type: z.string().max(16),
  resolverTtl: z.number().int().min(0),
  authoritativeTtl: z.number().int().min(0),
  /** 'cached': resolver TTL below the authoritative one; 'full': equal; 'above': the resolver's is higher. */
  state: z.enum(['cached', 'full', 'above']),
  cachedForSeconds: z.number().int().min(0),
  /** e.g. "cached for 120 s of 300 s". */
  text: textSchema
})
export type CacheAge = z.infer<typeof cacheAgeSchema>

// ---- one RRset, CNAME chain followed ----

export const cnameLinkSchema = z.object({ name: z.string(), target: z.string(), ttl: z.number().int().min(0) })
export type CnameLink = z.infer<typeof cnameLinkSchema>

export const rrsetStatuses = ['ok', 'nodata', 'nxdomain', 'error'] as const
export type RrsetStatus = (typeof rrsetStatuses)[number]

export const rrsetObservationSchema = z.object({
  /** The name asked, absolute, lower-case. */
  name: z.string().max(1100),
  type: z.string().max(16),
  status: z.enum(rrsetStatuses),
  rcode: z.string().max(16).optional(),
  error: errorSchema.optional(),
  /** AA and RA of the (last) response. */
  authoritative: z.boolean(),
  recursionAvailable: z.boolean(),
  /** Records of the asked type at the end of the CNAME chain (for CNAME/NS/SOA/HTTPS: at the name). */
  records: z.array(observedRecordSchema).max(1000),
  /** CNAMEs followed from `name`, in order (empty when there are none). */
  chain: z.array(cnameLinkSchema).max(64),
  /** The name the records belong to: `name`, or the chain's last target. */
  chainEnd: z.string().max(1100),
  chainProblem: z.enum(['loop', 'too-long']).optional(),
  /** The lowest TTL among the chain and the records: how long the whole answer may be cached. */
  effectiveTtl: z.number().int().min(0).optional(),
  /** Queries sent (a chain that the server does not follow is asked for hop by hop). */
  queries: z.number().int().min(0),
  durationMs: z.number().min(0),
  receivedAtWallMs: z.number(),
  receivedAtMonoMs: z.number()
})
export type RrsetObservation = z.infer<typeof rrsetObservationSchema>

// ---- comparison and verdict ----

/** How the apex's address set relates to the target's. 'no-data': one side has no addresses. */
export const setRelations = ['equal', 'apex-subset', 'target-subset', 'overlap', 'disjoint', 'no-data'] as const
export type SetRelation = (typeof setRelations)[number]

export const familyComparisonSchema = z.object({
  family: z.enum(families),
  relation: z.enum(setRelations),
  apex: addressListSchema,
  target: addressListSchema,
  common: addressListSchema,
  /** TTLs compared for the TTL relation (authoritative apex TTL when known; the target chain's lowest). */
  apexTtl: z.number().int().min(0).optional(),
  targetTtl: z.number().int().min(0).optional(),
  /** An apex TTL at or below the target's is what flattening produces. */
  ttlRelation: z.enum(['at-or-below', 'above', 'unknown'])
})
export type FamilyComparison = z.infer<typeof familyComparisonSchema>

/**
 * `likely`: aliased and in sync; `stale`: aliased, but the apex still serves an earlier target set;
 * `other-target`: aliased, to another target than the one given; `not-aliased`; `inconclusive`.
 */
export const verdicts = ['likely', 'stale', 'other-target', 'not-aliased', 'inconclusive'] as const
export type VerdictKind = (typeof verdicts)[number]

/** An ALIAS/ANAME record as the apex zone's own servers served it (type 65401 asked with RD=0). */
export const aliasRecordSchema = z.object({
  owner: z.string().max(1100),
  target: z.string().max(1100),
  ttl: z.number().int().min(0),
  /** 'address:port' of the server that served it. */
  server: z.string().max(300),
  seenAtWallMs: z.number()
})
export type AliasRecord = z.infer<typeof aliasRecordSchema>

/** When the apex is stale: since when, and by when at the latest it must follow. */
export const staleWindowSchema = z.object({
  family: z.enum(families),
  /** The earlier target set the apex still serves. */
  values: addressListSchema,
  /** When that set was last seen at the target (undefined: not seen by this app). */
  lastSeenAtWallMs: z.number().optional(),
  /** The apex is stale since at the latest this time (the first sight of the target's new set, or now). */
  sinceWallMs: z.number(),
  /** By this time at the latest the apex must follow: since + target TTL + the apex TTL the policy serves. */
  followByWallMs: z.number(),
  /** e.g. "target TTL 15 s + apex TTL min(60 s, 15 s) = 30 s". */
  formula: z.string().max(2000)
})
export type StaleWindow = z.infer<typeof staleWindowSchema>

export const evidenceSchema = z.object({ stance: z.enum(['for', 'against', 'neutral']), text: textSchema })
export type Evidence = z.infer<typeof evidenceSchema>

export const verdictSchema = z.object({
  verdict: z.enum(verdicts),
  /** One line, e.g. "ALIAS / flattening likely: the apex follows cdn.example.net." */
  summary: textSchema,
  evidence: z.array(evidenceSchema).max(100),
  /** The ALIAS/ANAME record seen at the apex's own servers, when one was. */
  aliasRecord: aliasRecordSchema.optional(),
  /** Only with verdict 'stale'. */
  stale: z.array(staleWindowSchema).max(2).optional()
})
export type Verdict = z.infer<typeof verdictSchema>

// ---- providers and suggestions ----

export const flatteningKinds = ['automatic', 'alias-record', 'aname', 'none', 'unknown'] as const

export const providerMatchSchema = z.object({
  id: z.string().max(50),
  name: z.string().max(100),
  flattening: z.enum(flatteningKinds),
  /** How the provider handles apex aliasing, in plain words. */
  note: textSchema,
  /** The provider profile with its cited rules, or null: recognised by its NS names but no profile ("no profile"). */
  profile: profileIdSchema.nullable(),
  /** NS names that matched. */
  nsNames: z.array(z.string()).max(64)
})
export type ProviderMatch = z.infer<typeof providerMatchSchema>

export const targetSuggestionSchema = z.object({
  name: z.string().max(1100),
  source: z.enum(['alias-record', 'apex-cname', 'https-alias', 'www-cname']),
  reason: textSchema
})
export type TargetSuggestion = z.infer<typeof targetSuggestionSchema>

export const suggestInputSchema = z.strictObject({ apex: nameSchema, resolvers: resolversSchema })
export const suggestResultSchema = z.object({
  apex: z.string(),
  suggestions: z.array(targetSuggestionSchema).max(50),
  /** Best match first; empty when the NS names match no known provider. */
  providers: z.array(providerMatchSchema).max(20),
  nsNames: z.array(z.string()).max(64)
})
export type SuggestResult = z.infer<typeof suggestResultSchema>

// ---- inspect ----

export const inspectInputSchema = z.strictObject({
  apex: nameSchema,
  /** The name the apex is believed to follow; when absent the best suggestion is used. */
  target: nameSchema.optional(),
  resolvers: resolversSchema,
  /** Port of the apex zone's authoritative servers (53; another only for lab setups). */
  authoritativePort: z.number().int().min(1).max(65535).default(53),
  /** Skip the RD=0 queries to the apex zone's own servers. */
  skipAuthoritative: z.boolean().default(false),
  /**
   * The ALIAS server's TTL rule, for the latest time a stale apex must follow. Absent: the lab's rule
   * when the running lab serves the apex, else 'min'.
   */
  policy: ttlRuleSchema.optional(),
  /** Time the apex at its own servers, cold and warm, beside the apex SOA: the result's `lookupCost`. */
  measureLookupCost: z.boolean().default(true),
  timeoutMs: z.number().int().min(100).max(30_000).default(3000),
  /** Also check the apex's DNSSEC per resolver (AD, RRSIGs, own validation). */
  dnssec: z.boolean().default(false),
  /** DNSKEY or DS lines for the apex zone, the anchor for the inspector's own validation. */
  trustAnchors: z.string().max(20_000).optional(),
  /** Client subnets (ECS) for the locality view; none: no locality view. */
  subnets: z.array(z.string().max(64).refine((s) => parsePrefix(s) !== null, { message: 'is not a subnet such as 203.0.113.0/24' })).max(16).optional()
})
export type InspectInput = z.input<typeof inspectInputSchema>

export const authoritativeServerSchema = z.object({
  nsName: z.string(),
  address: z.string().max(64),
  port: z.number().int(),
  a: rrsetObservationSchema.optional(),
  aaaa: rrsetObservationSchema.optional(),
  /** Type 65401 (ALIAS, also ANAME on the wire) at the apex. */
  alias: rrsetObservationSchema.optional(),
  error: errorSchema.optional()
})

export const authoritativeViewSchema = z.object({
  zone: z.string(),
  /** The resolver used to find the NS names and their addresses. */
  via: z.string().max(300),
  nsNames: z.array(z.string()).max(64),
  servers: z.array(authoritativeServerSchema).max(16),
  /** TTLs the zone's own servers give the apex A / AAAA (AA=1 answers only). */
  ttls: z.object({ A: z.number().int().min(0).optional(), AAAA: z.number().int().min(0).optional() }),
  problem: textSchema.optional()
})
export type AuthoritativeView = z.infer<typeof authoritativeViewSchema>

// ---- DNSSEC of the apex (inspect with dnssec: true) ----

export const signatureInfoSchema = z.object({
  keyTag: z.number().int().min(0).max(65535),
  algorithm: z.number().int().min(0).max(255),
  signer: z.string().max(1100),
  /** Unix ms. */
  inception: z.number(),
  expiration: z.number(),
  originalTtl: z.number().int().min(0),
  /** 'unchecked': no trust anchor to check it against. */
  status: z.enum(['valid', 'bad-signature', 'expired', 'not-yet-valid', 'unchecked'])
})
export type SignatureInfo = z.infer<typeof signatureInfoSchema>

export const rrsetSignaturesSchema = z.object({
  records: z.number().int().min(0),
  signed: z.boolean(),
  signatures: z.array(signatureInfoSchema).max(16)
})
export type RrsetSignatures = z.infer<typeof rrsetSignaturesSchema>

export const apexDnssecSchema = z.object({
  /** The resolver's AD flag on the apex A answer (DO=1, CD=0). */
  ad: z.boolean(),
  rcode: z.string().max(16),
  a: rrsetSignaturesSchema,
  aaaa: rrsetSignaturesSchema,
  /** The inspector's own validation of apex A/AAAA from the trust anchor. */
  validation: z.enum(['secure', 'bogus', 'no-trust-anchor']),
  reason: textSchema,
  /** Whether the resolver's AD agrees with our validation (null without a verdict of ours). */
  agreesWithResolver: z.boolean().nullable()
})
export type ApexDnssec = z.infer<typeof apexDnssecSchema>

export const resolverInspectionSchema = z.object({
  resolver: resolverTargetSchema,
  label: z.string().max(300),
  apex: z.object({
    a: rrsetObservationSchema,
    aaaa: rrsetObservationSchema,
    cname: rrsetObservationSchema,
    ns: rrsetObservationSchema,
    soa: rrsetObservationSchema,
    https: rrsetObservationSchema
  }),
  target: z.object({ a: rrsetObservationSchema, aaaa: rrsetObservationSchema }).optional(),
  comparison: z.object({ a: familyComparisonSchema, aaaa: familyComparisonSchema }).optional(),
  /** Apex records this resolver serves from its cache, against the authoritative TTLs. */
  cache: z.array(cacheAgeSchema).max(8),
  /** Present when the inspection asked for DNSSEC (`dnssec: true`). */
  dnssec: apexDnssecSchema.optional()
})
export type ResolverInspection = z.infer<typeof resolverInspectionSchema>

/** Which provider profiles (shared/providers) the apex's observable behaviour fits, and why. */
export const behaviourSchema = z.object({
  consistentWith: z.array(profileIdSchema).max(50),
  ruledOut: z.array(z.object({ profile: profileIdSchema, because: textSchema })).max(50),
  /** What was observed, in plain words. */
  evidence: z.array(textSchema).max(20)
})
export type Behaviour = z.infer<typeof behaviourSchema>

export const inspectResultSchema = z.object({
  apex: z.string(),
  target: z.string().optional(),
  targetSource: z.enum(['given', 'suggested', 'none']),
  resolvers: z.array(resolverInspectionSchema).max(16),
  authoritative: authoritativeViewSchema.optional(),
  suggestions: z.array(targetSuggestionSchema).max(50),
  providers: z.array(providerMatchSchema).max(20),
  verdict: verdictSchema,
  behaviour: behaviourSchema,
  /** What the ALIAS's extra lookup costs, timed at the zone's own servers (absent: not measured). */
  lookupCost: lookupCostSchema.optional(),
  /** Present when subnets were given and a target is known. */
  locality: localitySchema.optional(),
  /** Present when the apex has an HTTPS record in AliasMode: the chain a client follows from it. */
  httpsAlias: aliasModeChainSchema.optional(),
  startedAtWallMs: z.number(),
  durationMs: z.number().min(0)
})
export type InspectResult = z.infer<typeof inspectResultSchema>

// ---- watch ----

export const watchModes = ['expiry', 'interval'] as const
/**
 * 'authoritative': the apex at the apex zone's own servers and the target at the target zone's own
 * servers, RD=0: the ALIAS server's own staleness. 'resolver': through each chosen resolver.
 */
export const viewpoints = ['authoritative', 'resolver'] as const
export type Viewpoint = (typeof viewpoints)[number]
export const watchStates = ['running', 'stopped', 'finished', 'interrupted'] as const
/**
 * The ALIAS server's TTL rule sets the theoretical staleness bound: every rule of the server and its
 * profiles ('min', 'fixed', 'passthrough', 'record', 'constant:N'). `ttlPolicies`: the named ones, for pickers.
 */
export const ttlPolicies = ttlRuleNames
export type TtlPolicy = TtlRule
export const ttlPolicySchema = ttlRuleSchema

const sessionIdSchema = z.string().trim().min(1).max(100)

export const watchStartInputSchema = z.strictObject({
  apex: nameSchema,
  target: nameSchema,
  resolvers: resolversSchema,
  /** 'expiry': each RRset is asked again when its TTL runs out (at least 1 s later); 'interval': every intervalSeconds. */
  mode: z.enum(watchModes),
  /** The interval, and in expiry mode the wait after an error or an answer without TTL. */
  intervalSeconds: z.number().int().min(1).max(86_400).default(30),
  /** Stops by itself after this long; unset: until stopped. */
  durationSeconds: z.number().int().min(1).max(30 * 86_400).optional(),
  timeoutMs: z.number().int().min(100).max(30_000).default(3000),
  /** Also sample at the zones' own servers (the authoritative viewpoint). */
  authoritative: z.boolean().default(true),
  /** Port of the zones' own servers (53; another only for lab setups). */
  authoritativePort: z.number().int().min(1).max(65535).default(53)
})
export type WatchStartInput = z.input<typeof watchStartInputSchema>

export const watchSessionSchema = z.object({
  id: z.string(),
  apex: z.string(),
  target: z.string(),
  resolvers: z.array(resolverTargetSchema).max(16),
  labels: z.array(z.string()).max(16),
  mode: z.enum(watchModes),
  intervalSeconds: z.number().int(),
  durationSeconds: z.number().int().optional(),
  state: z.enum(watchStates),
  startedAtWallMs: z.number(),
  endedAtWallMs: z.number().optional(),
  sampleCount: z.number().int().min(0),
  /** The zones' own servers sampled for the authoritative viewpoint ('address:port'); absent when off. */
  authoritative: z
    .object({
      apexServers: z.array(z.string().max(300)).max(16),
      targetServers: z.array(z.string().max(300)).max(16),
      problem: textSchema.optional()
    })
    .optional(),
  /** The ALIAS record read from the apex zone's servers when the watch started. */
  aliasRecord: aliasRecordSchema.optional(),
  /** The running lab's TTL rule when the watch started and the lab served the apex: the bound uses it. */
  ttlRule: ttlRuleSchema.optional()
})
export type WatchSession = z.infer<typeof watchSessionSchema>

/** One observation of one RRset (apex or target, A or AAAA) through one resolver, or at the zones' own servers. */
export const watchSampleSchema = z.object({
  sessionId: z.string(),
  seq: z.number().int().min(0),
  /** 'resolver': `resolverIndex` indexes the session's resolvers; 'authoritative': it is 0. */
  viewpoint: z.enum(viewpoints),
  resolverIndex: z.number().int().min(0),
  /** The server that answered ('address:port'), for the authoritative viewpoint. */
  server: z.string().max(300).optional(),
  side: z.enum(['apex', 'target']),
  family: z.enum(families),
  /** Since the session started (monotonic). */
  elapsedMs: z.number().min(0),
  receivedAtWallMs: z.number(),
  receivedAtMonoMs: z.number(),
  status: z.enum(rrsetStatuses),
  rcode: z.string().max(16).optional(),
  error: errorSchema.optional(),
  /** Sorted, canonical addresses. */
  values: addressListSchema,
  /** TTL at receipt: the lowest among the CNAME chain and the records. */
  ttl: z.number().int().min(0).optional(),
  chainEnd: z.string().max(1100).optional()
})
export type WatchSample = z.infer<typeof watchSampleSchema>

export const mismatchIntervalSchema = z.object({
  startMs: z.number(),
  endMs: z.number(),
  durationMs: z.number().min(0),
  /** Still mismatched at the last sample. */
  open: z.boolean()
})
export type MismatchInterval = z.infer<typeof mismatchIntervalSchema>

/**
 * 'followed': the apex took the new set; 'superseded': the target changed again first; 'reverted': the
 * target went back to the set the apex still served before the apex moved; 'pending': not yet followed.
 */
export const changeOutcomes = ['followed', 'superseded', 'reverted', 'pending'] as const
export type ChangeOutcome = (typeof changeOutcomes)[number]

/** A change of the target's set and when the apex followed it. */
export const targetChangeSchema = z.object({
  from: addressListSchema,
  to: addressListSchema,
  /** Last sample with the old set and first with the new one: the change happened in between. */
  lastOldMs: z.number(),
  firstNewMs: z.number(),
  /**
   * Estimated change time: the middle of that window; when the apex moved in the same window (the lag is
   * an upper bound), its start, lastOldMs.
   */
  changedAtMs: z.number(),
  /**
   * When the apex followed: the middle of the gap between the last apex sample without the new set and
   * the first with it (never before changedAtMs).
   */
  followedAtMs: z.number().optional(),
  lagMs: z.number().min(0).optional(),
  /**
   * The apex moved in the target's own sampling gap, so their order is unknown: lagMs is an upper bound
   * (last sample with the old set to the first where both show the new one), and the stale time counts it.
   */
  lagUpperBound: z.literal(true).optional(),
  /** Superseded or reverted: when the target left the new set (the apex was stale for the change's whole life). */
  endedAtMs: z.number().optional(),
  outcome: z.enum(changeOutcomes)
})
export type TargetChange = z.infer<typeof targetChangeSchema>

export const seriesAnalysisSchema = z.object({
  viewpoint: z.enum(viewpoints),
  resolverIndex: z.number().int().min(0),
  label: z.string(),
  family: z.enum(families),
  apexSamples: z.number().int().min(0),
  targetSamples: z.number().int().min(0),
  /** Apex samples whose set differed from the target's latest set. */
  mismatchedSamples: z.number().int().min(0),
  mismatchIntervals: z.array(mismatchIntervalSchema).max(100_000),
  /** This family's stale time alone (the sum of its intervals). */
  mismatchedMs: z.number().min(0),
  /** Apex samples that only partly overlapped the target's set without being an earlier set (a CDN answering per node): not stale. */
  partialSamples: z.number().int().min(0),
  /** Samples that failed (timeouts, errors): they carry no set. */
  errorSamples: z.number().int().min(0),
  changes: z.array(targetChangeSchema).max(100_000),
  maxLagMs: z.number().optional(),
  medianLagMs: z.number().optional(),
  /** Followed changes whose lag is an upper bound (lagUpperBound). */
  upperBoundLags: z.number().int().min(0).optional(),
  /** The largest lag is an upper bound: shown as "≤". */
  maxLagUpperBound: z.literal(true).optional(),
  maxApexTtl: z.number().int().optional(),
  maxTargetTtl: z.number().int().optional()
})
export type SeriesAnalysis = z.infer<typeof seriesAnalysisSchema>

export const stalenessBoundSchema = z.object({
  policy: ttlRuleSchema,
  targetTtl: z.number().int().min(0),
  apexTtl: z.number().int().min(0),
  /** Where apexTtl came from: the ALIAS record's TTL, or (without one) the largest apex TTL seen. */
  apexTtlSource: z.enum(['alias-record', 'largest-apex-ttl-seen']),
  /** What a resolver may cache the apex answer for under the policy. */
  servedApexTtl: z.number().int().min(0),
  seconds: z.number().int().min(0),
  /** e.g. "target TTL 60 s + apex TTL min(300 s, 60 s) = 120 s". */
  formula: textSchema
})
export type StalenessBound = z.infer<typeof stalenessBoundSchema>

/** The figures of one viewpoint; every count here is a sum over its series, times are wall-clock unions. */
export const viewpointSummarySchema = z.object({
  viewpoint: z.enum(viewpoints),
  label: textSchema,
  series: z.number().int().min(0),
  apexSamples: z.number().int().min(0),
  targetSamples: z.number().int().min(0),
  errorSamples: z.number().int().min(0),
  mismatchedSamples: z.number().int().min(0),
  partialSamples: z.number().int().min(0),
  /** Wall-clock union of every series' mismatch intervals (families and resolvers): never a sum. */
  staleMs: z.number().min(0),
  changes: z.number().int().min(0),
  followed: z.number().int().min(0),
  superseded: z.number().int().min(0),
  reverted: z.number().int().min(0),
  pending: z.number().int().min(0),
  /** Over followed changes only. */
  maxLagMs: z.number().optional(),
  medianLagMs: z.number().optional(),
  /** Followed changes whose lag is an upper bound; the stale time counts the same intervals. */
  upperBoundLags: z.number().int().min(0).optional(),
  maxLagUpperBound: z.literal(true).optional(),
  /** The longest life of a superseded or reverted change (the apex was stale all that time). */
  maxUnfollowedLifeMs: z.number().optional(),
  withinBound: z.boolean().optional()
})
export type ViewpointSummary = z.infer<typeof viewpointSummarySchema>

export const stalenessAnalysisSchema = z.object({
  series: z.array(seriesAnalysisSchema).max(64),
  viewpoints: z.array(viewpointSummarySchema).max(2),
  /** Resolver viewpoint (what users see): the counts and figures below mirror its summary. */
  mismatchedSamples: z.number().int().min(0),
  /** Wall-clock time during which the apex differed from the target through the resolvers (union). */
  mismatchedMs: z.number().min(0),
  /** The same at the zones' own servers (absent without the authoritative viewpoint). */
  authoritativeMismatchedMs: z.number().min(0).optional(),
  changes: z.number().int().min(0),
  followed: z.number().int().min(0),
  superseded: z.number().int().min(0),
  reverted: z.number().int().min(0),
  pending: z.number().int().min(0),
  maxLagMs: z.number().optional(),
  medianLagMs: z.number().optional(),
  maxLagUpperBound: z.literal(true).optional(),
  /** The ALIAS record's TTL in the zone (read from its servers); absent when none was seen. */
  aliasTtl: z.number().int().min(0).optional(),
  /** The largest apex TTL any sample showed: a separate figure, not the ALIAS TTL. */
  maxApexTtl: z.number().int().min(0).optional(),
  maxTargetTtl: z.number().int().min(0).optional(),
  /** The theoretical bound (undefined without TTLs on both sides). */
  bound: stalenessBoundSchema.optional(),
  /** Measured max lag at or below the bound plus the sampling resolution. */
  withinBound: z.boolean().optional(),
  /** How late a change can be seen by sampling alone. */
  samplingResolutionMs: z.number().min(0),
  /** From the first sample to the last (monotonic). */
  spanMs: z.number().min(0),
  summary: z.array(textSchema).max(50)
})
export type StalenessAnalysis = z.infer<typeof stalenessAnalysisSchema>

export const watchIdInputSchema = z.strictObject({ id: sessionIdSchema })
export const watchGetInputSchema = z.strictObject({
  id: sessionIdSchema,
  /** The ALIAS server's TTL rule, for the theoretical bound. Absent: the lab's when it serves the apex, else 'min'. */
  policy: ttlRuleSchema.optional()
})
export const watchExportInputSchema = z.strictObject({
  id: sessionIdSchema,
  format: z.enum(['json', 'csv']),
  policy: ttlRuleSchema.optional()
})
export const watchListSchema = z.array(watchSessionSchema).max(10_000)
export const watchDetailSchema = z.object({
  session: watchSessionSchema,
  samples: z.array(watchSampleSchema).max(1_000_000),
  analysis: stalenessAnalysisSchema
})
export type WatchDetail = z.infer<typeof watchDetailSchema>
export const watchStateEventSchema = z.object({ session: watchSessionSchema })
