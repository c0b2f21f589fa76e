/**
 * Seconds of `ttl` left at `nowMs` for a record received at `receivedAtMs` (same clock: wall time
 * across processes, the monotonic clock only inside the process that received it). Whole seconds,
 * never above the TTL (a clock that ticks once a second may read a little before the receipt) and
 * never below 0.
 */
export function remainingTtl(ttl: number, receivedAtMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil(ttl - Math.max(0, nowMs - receivedAtMs) / 1000))
}
