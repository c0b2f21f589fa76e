import { z } from 'zod'

/** The contract of the user's preferences (electron/services/preference-handlers): recent domains and display settings. */

export const MAX_RECENT_DOMAINS = 20

const nameSchema = z.string().trim().min(1, 'the name must not be empty').max(1024, 'the name is too long')

/** One inspected apex, with the target it was compared with (when one was given). */
export const recentDomainSchema = z.object({
  apex: z.string().max(1024),
  target: z.string().max(1024).optional(),
  /** ISO time of the last inspection. */
  at: z.string().max(64)
})
export type RecentDomain = z.infer<typeof recentDomainSchema>

/** Most recent first, one entry per apex (case-insensitive, trailing dot ignored). */
export const recentDomainsSchema = z.object({
  domains: z.array(recentDomainSchema).max(MAX_RECENT_DOMAINS),
  /** Problems with preferences.json, e.g. a corrupt file that was moved aside. */
  warnings: z.array(z.string().max(4000)).max(10)
})
export type RecentDomains = z.infer<typeof recentDomainsSchema>

export const addRecentInputSchema = z.strictObject({ apex: nameSchema, target: nameSchema.optional() })

export const removeRecentInputSchema = z.strictObject({ apex: nameSchema })

export const themes = ['system', 'light', 'dark'] as const
export type Theme = (typeof themes)[number]

/** Display settings kept on the main side, so browser mode keeps them across launches (its origin changes). */
export const displaySettingsSchema = z.object({
  /** Show the short explanations next to results. */
  teaching: z.boolean(),
  /** 'system' follows the OS's light or dark setting. */
  theme: z.enum(themes)
})
export type DisplaySettings = z.infer<typeof displaySettingsSchema>

export const setTeachingInputSchema = z.strictObject({ enabled: z.boolean() })

export const setThemeInputSchema = z.strictObject({ theme: z.enum(themes) })
