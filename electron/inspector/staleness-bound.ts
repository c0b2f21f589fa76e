import type { StalenessBound, TtlPolicy } from '@shared/inspector'

/**
 * The worst staleness the TTLs allow: the ALIAS server may hold the target's answer for the target
 * TTL, then a resolver may cache the apex answer for the TTL the server gives it under its policy
 * ('min' and 'fixed': the lower of the ALIAS record's TTL and the target's; 'passthrough': the
 * target's, whatever the ALIAS TTL).
 */
export function stalenessBound(
  policy: TtlPolicy,
  targetTtl: number,
  apexTtl: number,
  apexTtlSource: StalenessBound['apexTtlSource'] = 'alias-record'
): StalenessBound {
  const served = policy === 'passthrough' ? targetTtl : Math.min(apexTtl, targetTtl)
  const name = apexTtlSource === 'alias-record' ? 'ALIAS TTL' : 'largest apex TTL seen'
  const term =
    policy === 'passthrough' ? `apex TTL = target TTL ${targetTtl} s` : `apex TTL min(${name} ${apexTtl} s, target TTL ${targetTtl} s)`
  const seconds = targetTtl + served
  return {
    policy,
    targetTtl,
    apexTtl,
    apexTtlSource,
    servedApexTtl: served,
    seconds,
    formula: `target TTL ${targetTtl} s + ${term} = ${seconds} s`
  }
}
