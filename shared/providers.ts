import { z } from 'zod'

/**
 * The contract of provider profiles (electron/providers): how each DNS provider serves an ALIAS,
 * as data. Every rule carries its source and whether it was checked against that source; a rule
 * without a source is an assumption and says so.
 */

export const profileIds = ['draft', 'powerdns', 'cloudflare', 'route53', 'dnsimple', 'ns1', 'azure', 'google', 'technitium', 'dnsmadeeasy', 'dyn', 'ultradns'] as const
export type ProfileId = (typeof profileIds)[number]
export const profileIdSchema = z.enum(profileIds)

/**
 * TTL of synthesised address records. 'passthrough': the target's TTL left; 'record': the ALIAS
 * record's own TTL; 'min': the lower of the ALIAS TTL and the target's TTL left, counting down;
 * 'fixed': the lower of the ALIAS TTL and the target's TTL as fetched, not counting down;
 * 'constant:N': always N seconds.
 */
export type TtlRule = 'passthrough' | 'record' | 'min' | 'fixed' | `constant:${number}`
export const ttlRuleNames = ['min', 'fixed', 'passthrough', 'record'] as const
const MAX_CONSTANT_TTL = 604_800

export function isTtlRule(value: unknown): value is TtlRule {
  if (typeof value !== 'string') return false
  if ((ttlRuleNames as readonly string[]).includes(value)) return true
  const m = /^constant:(\d{1,6})$/.exec(value)
  return m !== null && Number(m[1]) <= MAX_CONSTANT_TTL
}

/** N of 'constant:N', else null. */
export function constantTtl(rule: TtlRule): number | null {
  return rule.startsWith('constant:') ? Number(rule.slice('constant:'.length)) : null
}

export const ttlRuleSchema = z.custom<TtlRule>(isTtlRule, {
  message: `a TTL rule is one of ${ttlRuleNames.join(', ')} or constant:N (N seconds, 0..${MAX_CONSTANT_TTL})`
})

/** What a target outcome turns into at the alias: an empty NOERROR (NODATA), SERVFAIL, or the last good answer. */
const missingOutcomes = ['empty', 'servfail'] as const
const failureOutcomes = ['stale-else-empty', 'stale-else-servfail', 'empty', 'servfail'] as const

export const ruleSourceSchema = z.object({ title: z.string().max(300), url: z.string().max(500) })
export type RuleSource = z.infer<typeof ruleSourceSchema>

const rule = <T extends z.ZodType>(value: T) =>
  z.object({
    value,
    /** Plain words: what the rule means for this provider. */
    text: z.string().max(600),
    /** null: no source found; the rule is an assumption. */
    source: ruleSourceSchema.nullable(),
    /** Checked against the source's text (false: taken from the issue or inferred, not confirmed). */
    checked: z.boolean()
  })

export const profileSchema = z.object({
  id: profileIdSchema,
  name: z.string().max(100),
  /** One line for --list-profiles and the picker. */
  summary: z.string().max(300),
  /** Where the profile's model stops: documented differences that are not rules. */
  notes: z.array(z.string().max(600)).max(10),
  /** Set when the service no longer exists: what happened to it, with the source. */
  historical: z.string().max(600).optional(),
  ttl: rule(ttlRuleSchema),
  targetNxdomain: rule(z.enum(missingOutcomes)),
  targetNodata: rule(z.enum(missingOutcomes)),
  /** A target SERVFAIL or timeout (one rule: no provider documents a difference between the two). */
  targetFailure: rule(z.enum(failureOutcomes)),
  resolution: rule(z.object({ timeoutMs: z.number().int().min(50), retries: z.number().int().min(0).max(5) })),
  negativeCaching: rule(z.boolean()),
  ecs: rule(z.object({ forward: z.boolean(), ipv4Prefix: z.number().int().min(0).max(32).nullable(), ipv6Prefix: z.number().int().min(0).max(128).nullable() })),
  placement: rule(z.enum(['apex', 'anywhere'])),
  /** What an alias may point at. */
  targets: rule(z.enum(['any-name', 'own-resources-or-same-zone'])),
  /** A query for the alias type itself (65401): the record, or an empty answer. */
  aliasTypeQuery: rule(z.enum(['record', 'nodata'])),
  /** Records the provider adds beside the synthesised addresses. */
  synthesized: rule(z.array(z.string().max(200)).max(10)),
  axfr: rule(z.enum(['raw-alias', 'expanded', 'omitted', 'no-transfer'])),
  dnssec: rule(z.enum(['unsigned-alias-answers', 'signed-on-the-fly', 'not-with-alias', 'unknown']))
})
export type Profile = z.infer<typeof profileSchema>
export type ProfileRuleName = Exclude<keyof Profile, 'id' | 'name' | 'summary' | 'notes' | 'historical'>
export const profileListSchema = z.array(profileSchema).max(50)
