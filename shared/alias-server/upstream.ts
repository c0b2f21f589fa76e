/** Where the server asks for the targets of its ALIAS records. */
import { z } from 'zod'
import { resolverTargetSchema } from '../dns'

export const upstreamModes = ['recursive', 'authoritative', 'simulated'] as const
export type UpstreamMode = (typeof upstreamModes)[number]

export const upstreamConfigSchema = z.discriminatedUnion('mode', [
  /** (a) Ask a resolver (any transport the query engine speaks). */
  z.strictObject({ mode: z.literal('recursive'), resolver: resolverTargetSchema }),
  /**
   * (b) Find the target zone's name servers through `bootstrap` (NS, then their addresses) and ask
   * them directly with RD=0. `serverPort`: where those servers listen (53; tests use another).
   */
  z.strictObject({
    mode: z.literal('authoritative'),
    bootstrap: resolverTargetSchema,
    serverPort: z.number().int().min(1).max(65535).default(53)
  }),
  /** (c) Only the server's own simulated target zone; any other target fails (SERVFAIL, EDE 22). */
  z.strictObject({ mode: z.literal('simulated') })
])
export type UpstreamConfig = z.input<typeof upstreamConfigSchema>
