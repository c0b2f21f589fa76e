/**
 * The inspector's locality view: the apex and its target asked with several client subnets (ECS),
 * to see whether far-away users get far-away nodes. JSON contract: `locality` in `inspect --json`.
 */
import { z } from 'zod'
import { parsePrefix } from './geo'

/** Region presets, on documentation prefixes (RFC 5737, RFC 3849): they mean something only in the lab. */
export const SUBNET_PRESETS: Readonly<Record<string, string>> = {
  eu: '192.0.2.0/24',
  us: '198.51.100.0/24',
  ap: '203.0.113.0/24',
  eu6: '2001:db8:e0::/48',
  ap6: '2001:db8:a0::/48'
}

/** A preset name, or a subnet as written; null when neither. */
export function subnetFromText(text: string): string | null {
  const preset = SUBNET_PRESETS[text.toLowerCase()]
  if (preset) return preset
  return parsePrefix(text) ? text : null
}

export const localityRowSchema = z.object({
  subnet: z.string().max(64),
  /** Label of the resolver asked (one row per subnet and resolver). */
  resolver: z.string().max(300),
  apex: z.array(z.string().max(64)).max(64),
  target: z.array(z.string().max(64)).max(64),
  /** The apex and the target share an address: the same node. null when either answered nothing. */
  same: z.boolean().nullable(),
  /** The ECS scope each answer came back with, when the resolver returned one. */
  apexScope: z.number().int().min(0).max(128).optional(),
  targetScope: z.number().int().min(0).max(128).optional()
})
export type LocalityRow = z.infer<typeof localityRowSchema>

export const localitySchema = z.object({
  verdict: z.string().max(4000),
  /** 'follows': the apex gets the target's node everywhere; 'default-node': it does not for some subnets;
   *  'uniform': the target answers the same everywhere (nothing to judge); 'no-data'. */
  kind: z.enum(['follows', 'default-node', 'uniform', 'no-data']),
  rows: z.array(localityRowSchema).max(256)
})
export type Locality = z.infer<typeof localitySchema>
