/** The apex-readiness advisor: what it found, what it recommends, and the risks in numbers. */
import { z } from 'zod'
import { profileIdSchema } from './providers'
import { inspectInputSchema } from './inspector'

export const recommendations = ['provider-alias', 'https-aliasmode', 'flatten', 'www-redirect'] as const
export type Recommendation = (typeof recommendations)[number]

export const adviceFactsSchema = z.object({
  apex: z.string(),
  target: z.string(),
  /** The provider's profile (from the NS names, or given); null when it has none. */
  profile: profileIdSchema.nullable(),
  provider: z.string().max(100).nullable(),
  /** How the provider aliases an apex ('none': it does not). */
  flattening: z.enum(['automatic', 'alias-record', 'aname', 'none', 'unknown']),
  signed: z.boolean(),
  /** Whether the target answers differently by client subnet, and how many subnets asked got another node at the apex. */
  geo: z.object({ varies: z.boolean(), asked: z.number().int().min(0), apart: z.number().int().min(0) }),
  apexRecords: z.object({ MX: z.number().int().min(0), TXT: z.number().int().min(0), CAA: z.number().int().min(0) }),
  targetTtl: z.number().int().min(0),
  apexTtl: z.number().int().min(0)
})
export type AdviceFacts = z.infer<typeof adviceFactsSchema>

export const riskSchema = z.object({
  /** Worst seconds a user may be sent to addresses the target no longer has. */
  stalenessBoundSeconds: z.number().int().min(0),
  stalenessFormula: z.string().max(400),
  /** Share of the subnets asked that would get another node than the target gives them (0..1). */
  localityPenalty: z.number().min(0).max(1),
  locality: z.string().max(600),
  dnssec: z.string().max(600)
})
export type Risk = z.infer<typeof riskSchema>

export const adviceOptionSchema = z.object({ technique: z.enum(recommendations), usable: z.boolean(), why: z.string().max(800), risk: riskSchema })
export type AdviceOption = z.infer<typeof adviceOptionSchema>

export const adviceSchema = z.object({
  facts: adviceFactsSchema,
  recommendation: z.enum(recommendations),
  summary: z.string().max(1000),
  reasons: z.array(z.string().max(800)).max(20),
  /** Every technique, the recommended one first, with its risks. */
  options: z.array(adviceOptionSchema).max(4)
})
export type Advice = z.infer<typeof adviceSchema>

/** `advise:run`: the inspection's input (the target required) and, optionally, the DNS host's profile. */
export const adviseInputSchema = inspectInputSchema.extend({ target: inspectInputSchema.shape.apex, profile: profileIdSchema.optional() })
export type AdviseInput = z.input<typeof adviseInputSchema>
