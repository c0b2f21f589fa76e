/** A profile as the ALIAS server's settings: the defaults it sets (flags and the lab override them). */
import type { AliasSettings, AliasSettingsPatch } from '@shared/alias-server'
import type { Profile, ProfileId } from '@shared/providers'
import { profileById } from './profiles'

export type ProfileSettings = Required<Pick<AliasSettings, 'profile' | 'ttlPolicy' | 'onTargetMissing' | 'onTargetNxdomain' | 'onUpstreamFailure' | 'staleFallback' | 'upstreamTimeoutMs' | 'upstreamRetries' | 'cacheNegative' | 'aliasTypeQuery' | 'dnssecAliasAnswers'>>

export function profileSettings(idOrProfile: ProfileId | Profile): ProfileSettings {
  const p = typeof idOrProfile === 'string' ? profileById(idOrProfile) : idOrProfile
  const missing = (o: 'empty' | 'servfail') => (o === 'empty' ? 'nodata' : 'servfail') as 'nodata' | 'servfail'
  const failure = p.targetFailure.value
  return {
    profile: p.id,
    ttlPolicy: p.ttl.value,
    onTargetMissing: missing(p.targetNodata.value),
    onTargetNxdomain: p.targetNxdomain.value === p.targetNodata.value ? null : missing(p.targetNxdomain.value),
    onUpstreamFailure: failure.startsWith('stale') ? 'stale' : failure === 'empty' ? 'nodata' : 'servfail',
    staleFallback: failure === 'stale-else-empty' ? 'nodata' : 'servfail',
    upstreamTimeoutMs: p.resolution.value.timeoutMs,
    upstreamRetries: p.resolution.value.retries,
    cacheNegative: p.negativeCaching.value,
    aliasTypeQuery: p.aliasTypeQuery.value,
    dnssecAliasAnswers: p.dnssec.value === 'unsigned-alias-answers' ? 'unsigned' : 'signed'
  }
}

/** The settings in `current` that differ from what its profile sets: the overrides in force. */
export function overriddenSettings(current: AliasSettings): Array<keyof ProfileSettings> {
  const defaults = profileSettings(current.profile)
  return (Object.keys(defaults) as Array<keyof ProfileSettings>).filter((k) => defaults[k] !== current[k])
}

export type { AliasSettingsPatch }
