/** The server's own simulated target zone: its address sets, their rotation, and how it fails. */
import { z } from 'zod'

const ipv4List = z.array(z.ipv4()).max(64)
const ipv6List = z.array(z.ipv6()).max(64)
const simulatedTtl = z.number().int().min(0).max(86_400)

const addressSetSchema = z.strictObject({ a: ipv4List.default([]), aaaa: ipv6List.default([]), ttl: simulatedTtl.optional() })

export const simulatedSetInputSchema = z.strictObject({ a: ipv4List.optional(), aaaa: ipv6List.optional(), ttl: simulatedTtl.optional() })
export type SimulatedSetInput = z.input<typeof simulatedSetInputSchema>

export const simulatedRotateInputSchema = z.strictObject({
  everySeconds: z.number().min(0.1).max(86_400),
  sets: z.array(addressSetSchema).min(1).max(64)
})
export type SimulatedRotateInput = z.input<typeof simulatedRotateInputSchema>

/**
 * The failure-mode lab: how the simulated target answers the ALIAS server. 'silent' never answers;
 * 'slow' answers after delayMs (a timeout when that exceeds the server's upstreamTimeoutMs);
 * 'family' fails one address family only (SERVFAIL, or silent).
 */
export const targetFailureStates = ['ok', 'nxdomain', 'nodata', 'servfail', 'silent', 'slow', 'family'] as const
export const targetFailureSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('ok') }),
  z.strictObject({ state: z.literal('nxdomain') }),
  z.strictObject({ state: z.literal('nodata') }),
  z.strictObject({ state: z.literal('servfail') }),
  z.strictObject({ state: z.literal('silent') }),
  z.strictObject({ state: z.literal('slow'), delayMs: z.number().int().min(1).max(60_000) }),
  z.strictObject({ state: z.literal('family'), family: z.enum(['A', 'AAAA']), failure: z.enum(['servfail', 'silent']).default('servfail') })
])
export type TargetFailure = z.output<typeof targetFailureSchema>
export type TargetFailureInput = z.input<typeof targetFailureSchema>

export const simulatedTargetStateSchema = z.object({
  /** Origin of the simulated zone, e.g. 'cdn.example.test.'; its apex holds the A/AAAA sets. */
  name: z.string().max(1100),
  a: z.array(z.string()),
  aaaa: z.array(z.string()),
  ttl: simulatedTtl,
  /** Increments on every change. */
  version: z.number().int().min(0),
  changedAt: z.number(),
  /** How the target answers the ALIAS server now (the failure-mode lab). */
  failure: targetFailureSchema,
  rotation: z
    .object({ everySeconds: z.number(), sets: z.array(z.object({ a: z.array(z.string()), aaaa: z.array(z.string()), ttl: simulatedTtl.optional() })), index: z.number().int(), nextAt: z.number() })
    .nullable()
})
export type SimulatedTargetState = z.infer<typeof simulatedTargetStateSchema>

/** One change of the simulated target: the true change times for the staleness analysis. */
export const simulatedTargetChangeSchema = z.object({
  time: z.number(),
  version: z.number().int().min(0),
  a: z.array(z.string()),
  aaaa: z.array(z.string()),
  ttl: simulatedTtl,
  reason: z.enum(['set', 'rotate'])
})
export type SimulatedTargetChange = z.infer<typeof simulatedTargetChangeSchema>
