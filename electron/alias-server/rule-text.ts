/**
 * Which rule produced an ALIAS answer, in words, for the query log: "target timed out twice,
 * 500 ms each → empty NOERROR, as DNSimple does". A rule that a flag or the lab changed from the
 * profile's default says "(override; the DNSimple profile serves …)" instead.
 */
import type { AliasSettings } from '@shared/alias-server'
import { constantTtl } from '@shared/providers'
import { overriddenSettings, profileById, type ProfileSettings } from '../providers'
import type { UpstreamError } from './upstream/types'

function attribution(settings: AliasSettings, keys: Array<keyof ProfileSettings>): string {
  const name = profileById(settings.profile).name.replace(/ \(.*\)$/, '')
  const overridden = overriddenSettings(settings)
  return keys.some((k) => overridden.includes(k)) ? ` (override of the ${name} profile)` : `, as ${name} does`
}

const times = (n: number): string => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`)

export function ttlRuleText(settings: AliasSettings): string {
  const p = settings.ttlPolicy
  const constant = constantTtl(p)
  const what =
    p === 'passthrough'
      ? "the target's TTL, counting down"
      : p === 'record'
        ? "the ALIAS record's own TTL"
        : p === 'fixed'
          ? "the lower of the ALIAS record's TTL and the target's as fetched, not counting down"
          : constant !== null
            ? `always ${constant} s`
            : "the lower of the ALIAS record's TTL and the target's, counting down"
  return `TTL: ${what} (${p})${attribution(settings, ['ttlPolicy'])}`
}

export function missingRuleText(settings: AliasSettings, nxdomain: boolean, servfail: boolean): string {
  const outcome = servfail ? 'SERVFAIL' : 'empty NOERROR'
  const key: keyof ProfileSettings = nxdomain && settings.onTargetNxdomain !== null ? 'onTargetNxdomain' : 'onTargetMissing'
  return `target ${nxdomain ? 'NXDOMAIN' : 'NODATA'} → ${outcome}${attribution(settings, [key])}`
}

/** What happened upstream: "target timed out twice, 500 ms each", "target answered SERVFAIL". */
function failureCause(settings: AliasSettings, error: UpstreamError): string {
  if (error.kind === 'timeout') return `target timed out ${times(settings.upstreamRetries + 1)}, ${settings.upstreamTimeoutMs} ms each`
  if (error.kind === 'servfail') return 'target answered SERVFAIL'
  return `target unreachable (${error.message})`
}

export function failureRuleText(settings: AliasSettings, error: UpstreamError, outcome: 'stale' | 'servfail' | 'empty' | 'static'): string {
  const result =
    outcome === 'stale'
      ? `last good answer served stale (TTL ${settings.staleTtl})`
      : outcome === 'servfail'
        ? settings.onUpstreamFailure === 'stale'
          ? 'SERVFAIL (no answer to serve stale)'
          : 'SERVFAIL'
        : outcome === 'empty'
          ? settings.onUpstreamFailure === 'stale'
            ? 'empty NOERROR (no answer to serve stale)'
            : 'empty NOERROR'
          : 'the static address records beside the ALIAS'
  const keys: Array<keyof ProfileSettings> = ['onUpstreamFailure', 'upstreamTimeoutMs', 'upstreamRetries', ...(outcome !== 'stale' ? (['staleFallback'] as const) : [])]
  return `${failureCause(settings, error)} → ${result}${attribution(settings, keys)}`
}
