import { z } from 'zod'
import { ttlRuleNames, ttlRuleSchema, type TtlRule } from '../providers'
import { resolverTargetSchema } from '../dns'
import { addressListSchema, errorSchema, families, nameSchema, resolversSchema, textSchema } from './common'
import { rrsetStatuses } from './observations'
import { aliasRecordSchema } from './verdict'

const watchModes = ['expiry', 'interval'] as const
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
