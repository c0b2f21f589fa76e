/**
 * The local trust chain (root and TLD on loopback above the lab zone) and the delegation view:
 * the chain root → TLD → zone of a name, with NS and DS/DNSKEY status per step.
 */
import { z } from 'zod'

const text = (max: number) => z.string().max(max)

const chainServerSchema = z.object({ zone: text(300), address: text(64), nameServer: text(300) })

export const chainStatusSchema = z.object({
  running: z.boolean(),
  /** The port of every server of the chain (the lab server's). */
  port: z.number().int().min(1).max(65535).nullable(),
  root: chainServerSchema.nullable(),
  tlds: z.array(chainServerSchema).max(16),
  /** The root key as a trust anchor (DNSKEY line for Unbound's trust-anchor, and its DS). */
  anchor: z.object({ dnskey: text(2000), ds: text(2000), keyTag: z.number().int().min(0).max(65535) }).nullable(),
  /** The lab zones the chain delegates. */
  zones: z.array(text(300)).max(16),
  /** dig +trace, delv and Unbound lines that use the chain, for the user to copy. */
  commands: z.array(text(2000)).max(8)
})
export type ChainStatus = z.infer<typeof chainStatusSchema>

export const delegationInputSchema = z.strictObject({
  name: z.string().min(1).max(253),
  /** The root server to start from; default: the running local chain's root. */
  root: z.strictObject({ host: z.string().min(1).max(64), port: z.number().int().min(1).max(65535) }).optional()
})

const stepStatuses = ['secure', 'insecure', 'bogus', 'indeterminate'] as const

export const delegationStepSchema = z.object({
  zone: text(300),
  /** Who told us about this zone: the parent's server (the root's NS came from the starting server). */
  from: z.object({ host: text(64), port: z.number().int(), name: text(300).optional() }),
  nameServers: z.array(z.object({ name: text(300), addresses: z.array(text(64)).max(16) })).max(32),
  /** The DS records the parent served (the root's: the trust anchor). */
  ds: z.array(z.object({ keyTag: z.number().int(), algorithm: z.number().int(), digestType: z.number().int(), matchesKey: z.boolean() })).max(16),
  dnskeys: z.array(z.object({ keyTag: z.number().int(), algorithm: z.number().int(), flags: z.number().int() })).max(16),
  /** The DNSKEY set's signature by a key the DS vouches for. */
  dnskeySignature: z.enum(['valid', 'bad-signature', 'expired', 'not-yet-valid', 'no-key', 'unsigned']),
  status: z.enum(stepStatuses),
  reason: text(1000)
})
export type DelegationStep = z.infer<typeof delegationStepSchema>

export const delegationViewSchema = z.object({
  name: text(300),
  steps: z.array(delegationStepSchema).max(32),
  /** The final answer (A), in presentation form. */
  answer: z.object({ rcode: text(16), records: z.array(text(2000)).max(64) }).nullable(),
  error: text(1000).optional()
})
export type DelegationView = z.infer<typeof delegationViewSchema>
