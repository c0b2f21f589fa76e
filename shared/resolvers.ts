import { z } from 'zod'
import { resolverTargetSchema } from './dns'

/** The contract of the resolver list (electron/resolvers): presets plus the user's saved resolvers. */

export const resolverGroups = ['system', 'public', 'local', 'custom'] as const
export type ResolverGroup = (typeof resolverGroups)[number]

const idSchema = z.string().trim().min(1, 'id must not be empty').max(100, 'id is too long')

export const resolverEntrySchema = z.object({
  id: idSchema,
  label: z.string().max(200),
  group: z.enum(resolverGroups),
  target: resolverTargetSchema,
  builtIn: z.boolean(),
  /** False when the entry cannot be queried now (e.g. the local ALIAS server is not running). */
  available: z.boolean(),
  /** Why the entry is unavailable, or other context for the user. */
  note: z.string().max(500).optional()
})
export type ResolverEntry = z.infer<typeof resolverEntrySchema>

export const resolverListSchema = z.object({
  resolvers: z.array(resolverEntrySchema).max(1000),
  /** Problems with the saved list, e.g. a corrupt resolvers.json that was moved aside. */
  warnings: z.array(z.string().max(4000)).max(100)
})
export type ResolverList = z.infer<typeof resolverListSchema>

export const resolverSaveInputSchema = z.strictObject({
  /** A resolver in any accepted syntax: `IP`, `IP:port`, `[IPv6]:port`, `tcp://`, `tls://`, `https://`. */
  input: z.string().max(2048, 'the resolver must be at most 2048 characters'),
  label: z.string().trim().max(200, 'the label must be at most 200 characters').optional()
})

export const resolverRemoveInputSchema = z.strictObject({ id: idSchema })
export const resolverRemoveResultSchema = z.object({ id: z.string() })
