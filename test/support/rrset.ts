import type { ObservedRecord, RrsetObservation } from '@shared/inspector'

/** An observed RRset with plain defaults (a recursive answer, no chain, one query): `ok` when it has records, else `nodata`. */
export function rrset(name: string, type: string, records: ObservedRecord[], extra: Partial<RrsetObservation> = {}): RrsetObservation {
  return { name, type, status: records.length > 0 ? 'ok' : 'nodata', authoritative: false, recursionAvailable: true, records, chain: [], chainEnd: name, queries: 1, durationMs: 2, receivedAtWallMs: 0, receivedAtMonoMs: 0, ...extra }
}
