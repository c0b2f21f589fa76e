import { z } from 'zod'
import { lookupCostSchema } from '../alias-server/lookup-cost'
import { parsePrefix } from '../geo'
import { localitySchema } from '../locality'
import { aliasModeChainSchema } from '../aliasmode'
import { profileIdSchema, ttlRuleSchema } from '../providers'
import { resolverTargetSchema } from '../dns'
import { errorSchema, nameSchema, resolversSchema, textSchema } from './common'
import { apexDnssecSchema } from './dnssec'
import { cacheAgeSchema, rrsetObservationSchema } from './observations'
import { providerMatchSchema, targetSuggestionSchema } from './suggest'
import { familyComparisonSchema, verdictSchema } from './verdict'

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

const authoritativeServerSchema = z.object({
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
