import type { WatchSample } from '@shared/inspector'

/** A sample with defaults: resolver 0, family A, status ok. */
export function sample(seq: number, elapsedMs: number, side: WatchSample['side'], values: string[], ttl?: number, extra: Partial<WatchSample> = {}): WatchSample {
  return {
    sessionId: 's',
    seq,
    viewpoint: 'resolver',
    resolverIndex: 0,
    side,
    family: 'A',
    elapsedMs,
    receivedAtWallMs: 1_700_000_000_000 + elapsedMs,
    receivedAtMonoMs: elapsedMs,
    status: 'ok',
    values,
    ...(ttl !== undefined ? { ttl } : {}),
    ...extra
  }
}
