import { z } from 'zod'
import { profileIdSchema } from '../providers'
import { nameSchema, resolversSchema, textSchema } from './common'

const flatteningKinds = ['automatic', 'alias-record', 'aname', 'none', 'unknown'] as const

export const providerMatchSchema = z.object({
  id: z.string().max(50),
  name: z.string().max(100),
  flattening: z.enum(flatteningKinds),
  /** How the provider handles apex aliasing, in plain words. */
  note: textSchema,
  /** The provider profile with its cited rules, or null: recognised by its NS names but no profile ("no profile"). */
  profile: profileIdSchema.nullable(),
  /** NS names that matched. */
  nsNames: z.array(z.string()).max(64)
})
export type ProviderMatch = z.infer<typeof providerMatchSchema>

export const targetSuggestionSchema = z.object({
  name: z.string().max(1100),
  source: z.enum(['alias-record', 'apex-cname', 'https-alias', 'www-cname']),
  reason: textSchema
})
export type TargetSuggestion = z.infer<typeof targetSuggestionSchema>

export const suggestInputSchema = z.strictObject({ apex: nameSchema, resolvers: resolversSchema })
export const suggestResultSchema = z.object({
  apex: z.string(),
  suggestions: z.array(targetSuggestionSchema).max(50),
  /** Best match first; empty when the NS names match no known provider. */
  providers: z.array(providerMatchSchema).max(20),
  nsNames: z.array(z.string()).max(64)
})
export type SuggestResult = z.infer<typeof suggestResultSchema>
