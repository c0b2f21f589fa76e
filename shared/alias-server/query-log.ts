/** One query-log entry per query the server answered. */
import { z } from 'zod'

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
