import type { Family, RrsetObservation, Viewpoint, WatchSample } from '@shared/inspector'
import { addressSet } from './addresses'

export interface ProbeKey {
  viewpoint: Viewpoint
  resolverIndex: number
  side: WatchSample['side']
  family: Family
}

/** One observation as a timeline sample (the set canonical, the TTL the lowest along the chain). */
export function toSample(
  observation: RrsetObservation,
  key: ProbeKey,
  sessionId: string,
  seq: number,
  startedAtMonoMs: number,
  server?: string
): WatchSample {
  return {
    sessionId,
    seq,
    viewpoint: key.viewpoint,
    resolverIndex: key.resolverIndex,
    ...(server ? { server } : {}),
    side: key.side,
    family: key.family,
    elapsedMs: Math.max(0, observation.receivedAtMonoMs - startedAtMonoMs),
    receivedAtWallMs: observation.receivedAtWallMs,
    receivedAtMonoMs: observation.receivedAtMonoMs,
    status: observation.status,
    ...(observation.rcode ? { rcode: observation.rcode } : {}),
    ...(observation.error ? { error: observation.error } : {}),
    values: addressSet(observation.records.map((record) => record.data)),
    ...(observation.effectiveTtl !== undefined ? { ttl: observation.effectiveTtl } : {}),
    chainEnd: observation.chainEnd
  }
}

/** Expiry mode: ask again when the answer's TTL has run out, at least a second later. */
export function expiryDelayMs(sample: WatchSample, fallbackSeconds: number): number {
  const seconds = sample.status === 'ok' && sample.ttl !== undefined ? sample.ttl : fallbackSeconds
  // a little past the expiry, so that the resolver's copy has really expired
  return Math.max(1, seconds) * 1000 + 50
}
