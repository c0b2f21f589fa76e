/** An HTTPS AliasMode chain as a client follows it (RFC 9460): `httpsAlias` in `inspect --json`. */
import { z } from 'zod'

export const aliasModeChainSchema = z.object({
  start: z.string().max(300),
  chain: z.array(z.object({ name: z.string().max(300), target: z.string().max(300), ttl: z.number().int().min(0) })).max(16),
  end: z.enum(['service', 'no-https', 'unavailable', 'loop', 'too-long', 'error']),
  final: z.string().max(300),
  service: z.array(z.string().max(2000)).max(32),
  a: z.array(z.string().max(64)).max(64),
  aaaa: z.array(z.string().max(64)).max(64),
  problem: z.string().max(1000).optional()
})
