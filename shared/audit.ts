import { z } from 'zod'
import { resolverTargetSchema } from './dns'
import { errorCodes } from './result'

/**
 * The contract of the audit (electron/audit): many apexes inspected at once on the pooled engine.
 * `verdict` is whatever id the inspector returns ('likely', 'not-aliased', 'inconclusive', …) or
 * 'error' when the inspection itself failed; it is a string so that new inspector ids pass through.
 */

export const targetFromValues = ['www', 'https', 'none'] as const
export type TargetFrom = (typeof targetFromValues)[number]

const textSchema = z.string().max(2000)

export const dnssecObservationSchema = z.object({
  resolver: z.string().max(300),
  ad: z.boolean(),
  rrsig: z.boolean(),
  failed: z.boolean().optional()
})
export type DnssecObservation = z.infer<typeof dnssecObservationSchema>

export const auditRowSchema = z.object({
  /** Position in the input, from 0 (rows arrive in completion order). */
  index: z.number().int().min(0),
  name: z.string().max(1100),
  verdict: z.string().min(1).max(40),
  summary: textSchema.optional(),
  target: z.string().max(1100).optional(),
  targetSource: z.string().max(40).optional(),
  /** DNS hosts recognised from the NS names. */
  providers: z.array(z.string().max(100)).max(20),
  /** Provider profiles whose behaviour fits the observations (the inspector's behaviour.consistentWith). */
  profiles: z.array(z.string().max(100)).max(50).optional(),
  /** Apex A TTL: the zone's own servers' when known, else the first resolver's. */
  apexTtl: z.number().int().min(0).optional(),
  targetTtl: z.number().int().min(0).optional(),
  /** Worst staleness the TTLs allow under the 'min' policy (target TTL + min(apex, target)). */
  stalenessBound: z.number().int().min(0).optional(),
  stalenessFormula: textSchema.optional(),
  /**
   * From an apex A query with DO=1 to every resolver: `ad` when every resolver that answered set the
   * AD flag, `rrsig` when RRSIGs came back from any; `disagree` when the resolvers' answers differ;
   * `resolvers` each resolver's own (`failed` when it gave no answer).
   */
  dnssec: z
    .object({
      ad: z.boolean(),
      rrsig: z.boolean(),
      disagree: z.boolean().optional(),
      resolvers: z.array(dnssecObservationSchema).max(16).optional()
    })
    .optional(),
  /** Per-resolver problems, e.g. "127.0.0.1#5300: timeout …". */
  errors: z.array(z.string().max(4000)).max(100),
  error: z.object({ code: z.enum(errorCodes), message: z.string().max(4000) }).optional(),
  durationMs: z.number().min(0)
})
export type AuditRow = z.infer<typeof auditRowSchema>

export const auditStartInputSchema = z.strictObject({
  /** One name per line, optionally followed by its target, or a zone file (its owner names). */
  text: z.string().max(20_000_000, 'the input is larger than 20 MB'),
  resolvers: z.array(resolverTargetSchema).min(1, 'pick at least one resolver').max(16),
  concurrency: z.number().int().min(1).max(1000).optional(),
  rate: z.number().min(0.1).max(1_000_000).optional(),
  targetFrom: z.enum(targetFromValues).optional(),
  authoritativePort: z.number().int().min(1).max(65535).default(53),
  skipAuthoritative: z.boolean().default(false),
  timeoutMs: z.number().int().min(100).max(30_000).default(3000)
})
export type AuditStartInput = z.input<typeof auditStartInputSchema>

export const auditStartResultSchema = z.object({ id: z.string().max(100), total: z.number().int().min(0), kind: z.enum(['list', 'zone']) })
export const auditCancelInputSchema = z.strictObject({ id: z.string().min(1).max(100) })
export const auditCancelResultSchema = z.object({ id: z.string() })

/** A zone saved under the data folder's zones/ (by the lab's editor), offered as audit input. */
export const savedZoneSchema = z.object({
  file: z.string().max(300),
  origin: z.string().max(1100),
  bytes: z.number().int().min(0),
  modifiedMs: z.number().min(0)
})
export type SavedZone = z.infer<typeof savedZoneSchema>
export const savedZoneListSchema = z.array(savedZoneSchema).max(10_000)
export const savedZoneInputSchema = z.strictObject({ file: z.string().min(1).max(300).regex(/^[^/\\]+\.zone$/, 'a saved zone is a file name ending in .zone') })
export const savedZoneTextSchema = z.object({ file: z.string(), origin: z.string(), text: z.string() })

export const auditProgressSchema = z.object({
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  errors: z.number().int().min(0),
  /** Names per second since the start. */
  rate: z.number().min(0),
  /** Seconds left at that rate; absent until the first name is done. */
  etaSeconds: z.number().min(0).optional(),
  elapsedMs: z.number().min(0)
})
export type AuditProgress = z.infer<typeof auditProgressSchema>

/** Rows are batched: a few thousand names finish in seconds, one event each would flood the UI. */
export const auditEventSchema = z.object({
  id: z.string().max(100),
  rows: z.array(auditRowSchema).max(5000),
  progress: auditProgressSchema,
  state: z.enum(['running', 'finished', 'cancelled', 'failed']),
  message: z.string().max(4000).optional()
})
export type AuditEvent = z.infer<typeof auditEventSchema>
