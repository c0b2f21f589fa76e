import { z } from 'zod'
import { lookupCostSchema } from './lookup-cost'

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
  lookupCost: lookupCostSchema.optional()
})
export type AliasCounters = z.infer<typeof aliasCountersSchema>
