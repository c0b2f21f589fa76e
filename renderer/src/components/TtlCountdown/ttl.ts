/** Remaining TTL in whole seconds, derived from when the record was received: never stored, never polled. */
export function remainingTtl(receivedAtMs: number, ttlAtReceipt: number, nowMs: number): number {
  // the shared clock ticks once a second, so `now` may be a little older than a fresh record: never above the TTL
  return Math.max(0, Math.ceil(ttlAtReceipt - Math.max(0, nowMs - receivedAtMs) / 1000))
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  return `${h}h${String(m).padStart(2, '0')}m`
}
