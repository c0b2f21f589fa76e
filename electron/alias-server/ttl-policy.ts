/** The TTL of synthesised address records, by policy. Pure; times in milliseconds, TTLs in seconds. */
import { constantTtl, type TtlRule } from '@shared/providers'
import { remainingTtl } from '@shared/ttl'

/**
 * - 'min' (default): min(cap, target TTL left): the answer never outlives the target in any cache.
 * - 'fixed' (ANAME draft §"TTLs"): min(cap, target TTL as fetched), not counting down, so that
 *   downstream caches do not all expire at the same instant (no query bunching).
 * - 'passthrough' (PowerDNS): the target TTL left, whatever the ALIAS TTL.
 * - 'record': the ALIAS record's own TTL, whatever the target's.
 * - 'constant:N': N seconds (e.g. Cloudflare's proxied answers, 300).
 * `cap` is the ALIAS record's TTL, lowered by any in-zone CNAME/ALIAS on the way.
 */
export function servedTtl(policy: TtlRule, cap: number, targetTtl: number, fetchedAtMs: number, nowMs: number): number {
  switch (policy) {
    case 'fixed':
      return Math.min(cap, targetTtl)
    case 'passthrough':
      return remainingTtl(targetTtl, fetchedAtMs, nowMs)
    case 'record':
      return cap
    case 'min':
      return Math.min(cap, remainingTtl(targetTtl, fetchedAtMs, nowMs))
    default:
      return constantTtl(policy) ?? Math.min(cap, remainingTtl(targetTtl, fetchedAtMs, nowMs))
  }
}

/**
 * The target TTL a rule counts from: 'passthrough' takes the address records' own TTL, as PowerDNS
 * does (seen in the differential test: an A with TTL 120 behind CNAMEs of 60 and 90 is served
 * with 120); the other rules take the lowest TTL along the chain.
 */
export function targetTtlOf(policy: TtlRule, data: { ttl: number; addressTtl?: number }): number {
  return policy === 'passthrough' ? (data.addressTtl ?? data.ttl) : data.ttl
}

/**
 * When to refresh ahead of expiry: at 90 % of the TTL, or 2 s before expiry when that is earlier,
 * but never earlier than half-way. Returns milliseconds after the fetch.
 */
export function refreshAheadAfterMs(ttl: number): number {
  const ttlMs = ttl * 1000
  const lead = Math.max(ttlMs * 0.1, Math.min(2000, ttlMs * 0.5))
  return ttlMs - lead
}
