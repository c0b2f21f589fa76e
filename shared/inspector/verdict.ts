import { z } from 'zod'
import { addressListSchema, families, textSchema } from './common'

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
const verdicts = ['likely', 'stale', 'other-target', 'not-aliased', 'inconclusive'] as const

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
