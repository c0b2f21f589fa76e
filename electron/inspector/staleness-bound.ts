import { constantTtl } from '@shared/providers'
import type { StalenessBound, TtlPolicy } from '@shared/inspector'

/**
 * The TTL a resolver may cache the apex answer for, under the server's TTL rule, and its term in the
 * formula: 'min' and 'fixed': the lower of the ALIAS record's TTL and the target's; 'passthrough':
 * the target's, whatever the ALIAS TTL; 'record': the ALIAS record's own, whatever the target's;
 * 'constant:N': N.
 */
function servedApexTtl(policy: TtlPolicy, targetTtl: number, apexTtl: number, name: string): { ttl: number; term: string } {
  const constant = constantTtl(policy)
  if (constant !== null) return { ttl: constant, term: `apex TTL = constant ${constant} s` }
  if (policy === 'passthrough') return { ttl: targetTtl, term: `apex TTL = target TTL ${targetTtl} s` }
  if (policy === 'record') return { ttl: apexTtl, term: `apex TTL = ${name} ${apexTtl} s` }
  return { ttl: Math.min(apexTtl, targetTtl), term: `apex TTL min(${name} ${apexTtl} s, target TTL ${targetTtl} s)` }
}

/**
 * The worst staleness the TTLs allow (defined in the README, "Staleness figures, as computed" → Bound): the
 * ALIAS server may hold the target's answer for the target TTL, then a resolver may cache the apex
 * answer for the TTL the server gives it under its rule (servedApexTtl).
 */
export function stalenessBound(
  policy: TtlPolicy,
  targetTtl: number,
  apexTtl: number,
  apexTtlSource: StalenessBound['apexTtlSource'] = 'alias-record'
): StalenessBound {
  const served = servedApexTtl(policy, targetTtl, apexTtl, apexTtlSource === 'alias-record' ? 'ALIAS TTL' : 'largest apex TTL seen')
  const seconds = targetTtl + served.ttl
  return {
    policy,
    targetTtl,
    apexTtl,
    apexTtlSource,
    servedApexTtl: served.ttl,
    seconds,
    formula: `target TTL ${targetTtl} s + ${served.term} = ${seconds} s`
  }
}
