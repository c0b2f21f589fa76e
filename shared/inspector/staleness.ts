/** What a watch's samples say about staleness: per series, per viewpoint, and in all. */
import { z } from 'zod'
import { ttlRuleSchema } from '../providers'
import { addressListSchema, families, textSchema } from './common'
import { viewpoints } from './watch'

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
const changeOutcomes = ['followed', 'superseded', 'reverted', 'pending'] as const

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

/** Over followed changes only. */
const lagFigures = {
  maxLagMs: z.number().optional(),
  medianLagMs: z.number().optional(),
  /** Followed changes whose lag is an upper bound (lagUpperBound); the stale time counts the same intervals. */
  upperBoundLags: z.number().int().min(0).optional(),
  /** The largest lag is an upper bound: shown as "≤". */
  maxLagUpperBound: z.literal(true).optional()
}

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
  ...lagFigures,
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

/** How a viewpoint's or a whole watch's target changes ended: the same five counts in both. */
const changeOutcomeCounts = {
  changes: z.number().int().min(0),
  followed: z.number().int().min(0),
  superseded: z.number().int().min(0),
  reverted: z.number().int().min(0),
  pending: z.number().int().min(0)
}
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
  ...changeOutcomeCounts,
  ...lagFigures,
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
  ...changeOutcomeCounts,
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
