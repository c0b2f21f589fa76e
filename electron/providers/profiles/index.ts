/** Every profile, in the order the picker and --list-profiles show them. Adding a provider is one entry here. */
import type { Profile, ProfileId } from '@shared/providers'
import { azure, cloudflare, google, route53 } from './clouds'
import { dyn, ultradns } from './enterprise'
import { dnsimple, dnsmadeeasy, ns1 } from './managed'
import { draft, powerdns, technitium } from './standards'

export const PROFILES: readonly Profile[] = [draft, powerdns, cloudflare, route53, dnsimple, ns1, azure, google, technitium, dnsmadeeasy, dyn, ultradns]

export function profileById(id: ProfileId): Profile {
  const found = PROFILES.find((p) => p.id === id)
  if (!found) throw new Error(`no profile "${id}"`)
  return found
}
