/**
 * Where an alias may stand and what it may point at, per profile: used by the server to warn about
 * a zone the provider would refuse, and by the inspector to rule profiles out.
 */
import type { ProfileId } from '@shared/providers'
import { profileById } from './profiles'
import { canonicalName } from '../dns/names'

/** Host names of the resources an alias may point at, for providers that allow only their own. */
const OWN_RESOURCES: Partial<Record<ProfileId, RegExp[]>> = {
  route53: [/\.cloudfront\.net\.$/, /\.elb\.amazonaws\.com\.$/, /(^|\.)s3-website[.-][a-z0-9-]+\.amazonaws\.com\.$/, /\.execute-api\.[a-z0-9-]+\.amazonaws\.com\.$/, /\.awsglobalaccelerator\.com\.$/, /\.elasticbeanstalk\.com\.$/, /\.vpce\.amazonaws\.com\.$/, /\.amplifyapp\.com\.$/],
  azure: [/\.trafficmanager\.net\.$/, /\.azurefd\.net\.$/, /\.azureedge\.net\.$/, /\.cloudapp\.azure\.com\.$/, /\.cloudapp\.net\.$/, /\.azurestaticapps\.net\.$/]
}

const within = (name: string, origin: string): boolean => name === origin || name.endsWith(`.${origin}`)

/** Why `profile` could not serve an alias at `owner` (in zone `origin`) to `target`; null when it could. */
export function aliasRefusal(profile: ProfileId, owner: string, origin: string, target: string): string | null {
  const p = profileById(profile)
  const [o, z, t] = [canonicalName(owner), canonicalName(origin), canonicalName(target)]
  if (p.placement.value === 'apex' && o !== z) return `${p.name} allows an alias at the zone apex only, not at ${o}`
  if (p.targets.value === 'own-resources-or-same-zone' && !within(t, z) && !(OWN_RESOURCES[profile] ?? []).some((re) => re.test(t))) {
    return `${p.name} aliases only its own resources or records in the same zone; ${t} is neither`
  }
  return null
}

/** For the inspector: whether a target could be one of the provider's own resources. */
export function isOwnResource(profile: ProfileId, target: string): boolean {
  return (OWN_RESOURCES[profile] ?? []).some((re) => re.test(canonicalName(target)))
}
