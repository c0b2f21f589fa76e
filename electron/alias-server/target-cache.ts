/**
 * The ALIAS target cache: one entry per (target, type). Concurrent lookups of an expired entry
 * share ONE upstream query; a lookup late in an entry's life refreshes it in the background
 * (refresh-ahead); an optional poll refreshes entries on a fixed period; when the upstream fails,
 * the last good answer can be served stale (RFC 8767).
 */
import { RR_TYPES } from '@shared/dns-codes'
import { performance } from 'node:perf_hooks'
import type { AliasSettings } from '@shared/alias-server'
import { refreshAheadAfterMs } from './ttl-policy'
import { toUpstreamError, type AddressType, type UpstreamAnswer } from './upstream/types'
import { addressRdata } from './wire/rdata'
import { truncateSubnet } from './geo/client-subnet'
import { raceTimeout, snapshotOf, TargetEntry, type FetchOutcome, type TargetCacheOptions, type TargetLookup } from './target-entry'

export type { CacheCounters, TargetSnapshot } from './target-entry'

const SWEEP_MS = 30_000
const POLL_IDLE_MS = 10 * 60_000

export class TargetCache {
  private readonly entries = new Map<string, TargetEntry>()
  private readonly totals = new Map<string, number>()
  /** Per "type name": the ECS scopes answers came back with, to find an entry that covers a subnet. */
  private readonly scopes = new Map<string, Set<number>>()
  private readonly controllers = new Set<AbortController>()
  private readonly sweeper: NodeJS.Timeout
  private closed = false

  constructor(private readonly options: TargetCacheOptions) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS)
    this.sweeper.unref()
  }

  async lookup(name: string, type: AddressType, subnet?: string): Promise<TargetLookup> {
    const s = this.options.settings()
    const counters = this.options.counters
    const now = Date.now()
    const entry = (subnet ? this.scoped(name, type, subnet, now) : null) ?? this.entry(name, type, now, subnet ?? null)
    entry.lastUsed = now
    if (entry.data && now < entry.expiresAt) {
      let status: 'hit' | 'refresh' = 'hit'
      if (s.refreshAhead && now >= entry.refreshAt && !entry.inflight && !this.recentFailure(entry, now, s)) {
        counters.refreshes++
        void this.fetch(entry)
        status = 'refresh'
      }
      counters.cacheHits++
      const validUntil = entry.inflight || !s.refreshAhead ? entry.expiresAt : entry.refreshAt
      return { kind: 'data', entry, data: entry.data, snapshot: snapshotOf(entry), status, rttMs: null, validUntil }
    }
    if (!entry.inflight && this.recentFailure(entry, now, s)) return this.failed(entry, now, s, null)
    if (entry.inflight) counters.coalesced++
    const inflight = entry.inflight ?? this.fetch(entry)
    counters.cacheMisses++
    let outcome: FetchOutcome | 'late'
    if (this.staleUsable(entry, now, s) && s.staleClientTimeoutMs > 0) {
      outcome = await raceTimeout(inflight, s.staleClientTimeoutMs)
      if (outcome === 'late') {
        counters.staleAnswers++
        const staleReason = toUpstreamError(new Error(`no answer within ${s.staleClientTimeoutMs} ms`), this.options.route(name).label)
        return { kind: 'data', entry, data: entry.data!, snapshot: snapshotOf(entry), status: 'stale', rttMs: null, validUntil: 0, staleReason }
      }
    } else outcome = await inflight
    const after = Date.now()
    if (outcome.ok && entry.data) {
      return { kind: 'data', entry, data: entry.data, snapshot: snapshotOf(entry), status: 'miss', rttMs: outcome.rttMs, validUntil: s.refreshAhead ? entry.refreshAt : entry.expiresAt }
    }
    return this.failed(entry, after, s, outcome.rttMs)
  }

  /** Upstream queries per target, most first. */
  perTarget(limit = 100): Array<{ target: string; type: AddressType; upstreamQueries: number }> {
    return [...this.totals.entries()]
      .map(([key, upstreamQueries]) => {
        const [type, target] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)]
        return { target, type: type as AddressType, upstreamQueries }
      })
      .sort((a, b) => b.upstreamQueries - a.upstreamQueries)
      .slice(0, limit)
  }

  /** The entry as it stands (tests, diagnostics). */
  peek(name: string, type: AddressType): TargetEntry | undefined {
    return this.entries.get(`${type} ${name}`)
  }

  /** Re-arms or cancels poll timers after a settings change. */
  settingsChanged(): void {
    for (const entry of this.entries.values()) {
      if (entry.pollTimer) clearTimeout(entry.pollTimer)
      entry.pollTimer = null
      if (!entry.inflight) this.schedulePoll(entry)
    }
  }

  get size(): number {
    return this.entries.size
  }

  /** Drops every entry (e.g. the upstream changed). */
  clear(): void {
    for (const entry of this.entries.values()) if (entry.pollTimer) clearTimeout(entry.pollTimer)
    this.entries.clear()
    this.scopes.clear()
  }

  close(): void {
    this.closed = true
    clearInterval(this.sweeper)
    for (const c of this.controllers) c.abort()
    this.clear()
  }

  private entry(name: string, type: AddressType, now: number, subnet: string | null = null): TargetEntry {
    const key = subnet ? `${type} ${name} ${subnet}` : `${type} ${name}`
    let entry = this.entries.get(key)
    if (!entry) {
      if (this.entries.size >= this.options.settings().maxCacheEntries) this.evictOne(now)
      entry = new TargetEntry(name, type, subnet)
      this.entries.set(key, entry)
    }
    return entry
  }

  /**
   * An ECS entry whose answer's scope covers `subnet` (RFC 7871 §7.3.1: an answer is reusable for
   * every client inside its scope), fresh; null when there is none.
   */
  private scoped(name: string, type: AddressType, subnet: string, now: number): TargetEntry | null {
    for (const scope of this.scopes.get(`${type} ${name}`) ?? []) {
      const entry = this.entries.get(`${type} ${name} ${truncateSubnet(subnet, scope)}`)
      if (entry && entry.data && now < entry.expiresAt) return entry
    }
    return null
  }

  private recentFailure(entry: TargetEntry, now: number, s: AliasSettings): boolean {
    return entry.failure !== null && now - entry.failure.at < s.failureRecheckSeconds * 1000
  }

  private staleUsable(entry: TargetEntry, now: number, s: AliasSettings): boolean {
    return s.onUpstreamFailure === 'stale' && entry.data !== null && now - entry.expiresAt <= s.maxStaleSeconds * 1000
  }

  private failed(entry: TargetEntry, now: number, s: AliasSettings, rttMs: number | null): TargetLookup {
    const error = entry.failure?.error ?? toUpstreamError(new Error('upstream failed'), this.options.route(entry.name).label)
    const validUntil = (entry.failure?.at ?? now) + s.failureRecheckSeconds * 1000
    if (this.staleUsable(entry, now, s)) {
      this.options.counters.staleAnswers++
      const staleUntil = entry.expiresAt + s.maxStaleSeconds * 1000
      return { kind: 'data', entry, data: entry.data!, snapshot: snapshotOf(entry), status: 'stale', rttMs, validUntil: Math.min(validUntil, staleUntil), staleReason: error }
    }
    return { kind: 'failure', entry, snapshot: snapshotOf(entry), error, rttMs, validUntil }
  }

  private fetch(entry: TargetEntry): Promise<FetchOutcome> {
    const counters = this.options.counters
    const upstream = this.options.route(entry.name)
    const controller = new AbortController()
    this.controllers.add(controller)
    entry.upstreamQueries++
    counters.upstreamQueries++
    const key = `${entry.type} ${entry.name}`
    if (this.totals.has(key) || this.totals.size < 1000) this.totals.set(key, (this.totals.get(key) ?? 0) + 1)
    if (entry.pollTimer) clearTimeout(entry.pollTimer)
    entry.pollTimer = null
    const t0 = performance.now()
    const promise = upstream
      .resolve(entry.name, entry.type, controller.signal, entry.subnet ?? undefined)
      .then(
        (answer): FetchOutcome => {
          const rttMs = performance.now() - t0
          this.store(entry, answer, rttMs)
          return { ok: true, rttMs }
        },
        (err: unknown): FetchOutcome => {
          const error = toUpstreamError(err, upstream.label)
          entry.failure = { at: Date.now(), error }
          counters.upstreamFailures++
          return { ok: false, error, rttMs: performance.now() - t0 }
        }
      )
      .finally(() => {
        entry.inflight = null
        this.controllers.delete(controller)
        this.schedulePoll(entry)
      })
    entry.inflight = promise
    return promise
  }

  private store(entry: TargetEntry, answer: UpstreamAnswer, rttMs: number): void {
    const s = this.options.settings()
    const code = entry.type === 'A' ? RR_TYPES.A : RR_TYPES.AAAA
    const addresses = answer.status === 'addresses' ? answer.addresses : []
    // without negative caching a missing target is asked again on the next query
    const kept = addresses.length === 0 && !s.cacheNegative ? 0 : answer.ttl
    const ttl = Math.max(0, Math.min(Math.floor(kept), s.maxCacheTtl))
    const fetchedAt = Date.now()
    entry.data = {
      status: addresses.length > 0 ? 'addresses' : answer.status === 'nxdomain' ? 'nxdomain' : 'nodata',
      addresses,
      rdata: addresses.map((a) => addressRdata(code, a)),
      ttl,
      addressTtl: Math.max(0, Math.min(Math.floor(answer.addressTtl ?? kept), s.maxCacheTtl)),
      fetchedAt,
      chain: answer.chain,
      server: answer.server,
      rttMs
    }
    entry.expiresAt = fetchedAt + ttl * 1000
    entry.refreshAt = fetchedAt + refreshAheadAfterMs(ttl)
    entry.failure = null
    entry.version++
    entry.scope = entry.subnet && answer.scope !== undefined ? answer.scope : null
    if (entry.subnet && entry.scope !== null) {
      const base = `${entry.type} ${entry.name}`
      const scoped = `${base} ${truncateSubnet(entry.subnet, entry.scope)}`
      if (!this.entries.has(scoped)) this.entries.set(scoped, entry)
      const known = this.scopes.get(base) ?? new Set<number>()
      if (known.size < 8) known.add(entry.scope)
      this.scopes.set(base, known)
    }
  }

  private schedulePoll(entry: TargetEntry): void {
    const poll = this.options.settings().pollIntervalSeconds
    if (this.closed || poll === null || entry.pollTimer) return
    if (this.entries.get(`${entry.type} ${entry.name}`) !== entry) return
    entry.pollTimer = setTimeout(() => {
      entry.pollTimer = null
      if (this.closed || entry.inflight || Date.now() - entry.lastUsed > Math.max(POLL_IDLE_MS, poll * 10_000)) return
      this.options.counters.refreshes++
      void this.fetch(entry)
    }, poll * 1000)
    entry.pollTimer.unref()
  }

  private evictOne(now: number): void {
    let victim: [string, TargetEntry] | undefined
    for (const pair of this.entries) {
      if (pair[1].inflight) continue
      if (!victim || pair[1].lastUsed < victim[1].lastUsed) victim = pair
      if (now - pair[1].lastUsed > SWEEP_MS) break
    }
    if (!victim) return
    if (victim[1].pollTimer) clearTimeout(victim[1].pollTimer)
    this.entries.delete(victim[0])
  }

  private sweep(): void {
    const now = Date.now()
    const s = this.options.settings()
    for (const [key, entry] of this.entries) {
      if (entry.inflight || now - entry.lastUsed < SWEEP_MS) continue
      if (now > entry.expiresAt + s.maxStaleSeconds * 1000) {
        if (entry.pollTimer) clearTimeout(entry.pollTimer)
        this.entries.delete(key)
      }
    }
  }
}
