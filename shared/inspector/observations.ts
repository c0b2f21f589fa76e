import { z } from 'zod'
import { errorSchema, textSchema } from './common'

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
