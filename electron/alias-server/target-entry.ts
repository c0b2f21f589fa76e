/** The target cache's entries and the shapes its lookups return (electron/alias-server/target-cache.ts). */
import type { AliasSettings } from '@shared/alias-server'
import type { AddressType, Upstream, UpstreamAnswer, UpstreamError } from './upstream/types'
import type { TtlSource } from './wire/message-builder'

export interface TargetData {
  status: UpstreamAnswer['status']
  addresses: string[]
  rdata: Buffer[]
  /** Seconds, as fetched (capped at maxCacheTtl); the negative TTL for NXDOMAIN/NODATA. */
  ttl: number
  /** The address set's own TTL, as fetched (capped like `ttl`). */
  addressTtl: number
  fetchedAt: number
  chain: string[]
  server: string
  rttMs: number
}

/**
 * What an answer was built from: the entry, its version and its data as read together. An answer
 * stays valid only while the entry keeps that version, so a refresh drops every answer built from the
 * old data at once, whatever the question's shape. The version is never read later than the data:
 * a refresh can land between the lookup and the encoding of the answer.
 */
export interface TargetSnapshot extends TtlSource {
  readonly entry: TargetEntry
  readonly version: number
  readonly data: TargetData | null
}

export class TargetEntry implements TtlSource {
  /** Increments whenever `data` changes. */
  version = 0
  data: TargetData | null = null
  expiresAt = 0
  refreshAt = 0
  inflight: Promise<FetchOutcome> | null = null
  failure: { at: number; error: UpstreamError } | null = null
  lastUsed = 0
  upstreamQueries = 0
  pollTimer: NodeJS.Timeout | null = null
  /** ECS scope of the last answer; null when no client subnet was forwarded or none came back. */
  scope: number | null = null

  constructor(
    readonly name: string,
    readonly type: AddressType,
    /** The client subnet forwarded with ECS for this entry; null: the server asks as itself. */
    readonly subnet: string | null = null
  ) {}
}

export type FetchOutcome = { ok: true; rttMs: number } | { ok: false; error: UpstreamError; rttMs: number }

export type TargetLookup =
  | {
      kind: 'data'
      entry: TargetEntry
      data: TargetData
      snapshot: TargetSnapshot
      status: 'hit' | 'miss' | 'refresh' | 'stale'
      /** The upstream round trip this lookup waited for. */
      rttMs: number | null
      /** Until when an answer built from this lookup may be reused. */
      validUntil: number
      /** Why the data is stale. */
      staleReason?: UpstreamError
    }
  | { kind: 'failure'; entry: TargetEntry; snapshot: TargetSnapshot; error: UpstreamError; rttMs: number | null; validUntil: number }

export const snapshotOf = (entry: TargetEntry): TargetSnapshot => ({ entry, version: entry.version, data: entry.data })

export interface CacheCounters {
  cacheHits: number
  cacheMisses: number
  refreshes: number
  coalesced: number
  upstreamQueries: number
  upstreamFailures: number
  staleAnswers: number
}

export interface TargetCacheOptions {
  settings: () => AliasSettings
  /** The upstream for a target name (the simulated zone's names go to the simulated target). */
  route: (name: string) => Upstream
  counters: CacheCounters
}

/** The promise's value, or 'late' when it takes longer than `ms`. */
export async function raceTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms)
  })
  try {
    return await Promise.race([promise, late])
  } finally {
    clearTimeout(timer)
  }
}
