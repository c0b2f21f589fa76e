import { constantTtl } from '@shared/providers'
import type { StalenessBound, TtlPolicy } from '@shared/inspector'

/**
 * The TTL a resolver may cache the apex answer for, under the server's TTL rule: 'min' and 'fixed':
 * the lower of the ALIAS record's TTL and the target's; 'passthrough': the target's, whatever the
 * ALIAS TTL; 'record': the ALIAS record's own, whatever the target's; 'constant:N': N.
 */
function servedApexTtl(policy: TtlPolicy, targetTtl: number, apexTtl: number): number {
  const constant = constantTtl(policy)
  if (constant !== null) return constant
  if (policy === 'passthrough') return targetTtl
  if (policy === 'record') return apexTtl
  return Math.min(apexTtl, targetTtl)
}

function servedTerm(policy: TtlPolicy, targetTtl: number, apexTtl: number, name: string): string {
  const constant = constantTtl(policy)
  if (constant !== null) return `apex TTL = constant ${constant} s`
  if (policy === 'passthrough') return `apex TTL = target TTL ${targetTtl} s`
  if (policy === 'record') return `apex TTL = ${name} ${apexTtl} s`
  return `apex TTL min(${name} ${apexTtl} s, target TTL ${targetTtl} s)`
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
  const served = servedApexTtl(policy, targetTtl, apexTtl)
  const name = apexTtlSource === 'alias-record' ? 'ALIAS TTL' : 'largest apex TTL seen'
  const seconds = targetTtl + served
  return {
    policy,
    targetTtl,
    apexTtl,
    apexTtlSource,
    servedApexTtl: served,
    seconds,
    formula: `target TTL ${targetTtl} s + ${servedTerm(policy, targetTtl, apexTtl, name)} = ${seconds} s`
  }
}
