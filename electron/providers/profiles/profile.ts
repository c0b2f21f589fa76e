import { profileSchema, type Profile } from '@shared/providers'
import { assumed } from '../rule'

/** What most providers leave undocumented, assumed alike unless a profile says otherwise (fresh objects per profile). */
const undocumented = () => ({
  targetNxdomain: assumed('empty' as const, 'an empty answer (not documented)'),
  targetNodata: assumed('empty' as const, 'an empty answer (not documented)'),
  targetFailure: assumed('servfail' as const, 'SERVFAIL (not documented)'),
  resolution: assumed({ timeoutMs: 1500, retries: 1 }, 'not documented'),
  negativeCaching: assumed(true, 'not documented'),
  ecs: assumed({ forward: false, ipv4Prefix: null, ipv6Prefix: null }, 'not documented'),
  synthesized: assumed<string[]>([], 'nothing beside the addresses'),
  dnssec: assumed('unknown' as const, 'not checked')
})

type Undocumented = keyof ReturnType<typeof undocumented>
const RULE_ORDER = Object.keys(profileSchema.shape).filter((k) => !['id', 'name', 'summary', 'notes', 'historical'].includes(k)) as (keyof Profile)[]

/** A profile with the undocumented rules filled in, its fields in the schema's order (historical, when set, before the notes). */
export function profile({ id, name, summary, historical, notes, ...given }: Omit<Profile, Undocumented> & Partial<Pick<Profile, Undocumented>>): Profile {
  const rules: Partial<Profile> = { ...undocumented(), ...given }
  return { id, name, summary, ...(historical === undefined ? {} : { historical }), notes, ...Object.fromEntries(RULE_ORDER.map((k) => [k, rules[k]])) } as Profile
}
