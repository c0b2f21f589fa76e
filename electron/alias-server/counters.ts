/** Server counters: plain numbers bumped on the hot path, and a per-second ring for the query rate. */
import { lookupCostFromLog, type AliasCounters, type CacheStatus } from '@shared/alias-server'
import { rcodeName } from '@shared/dns-codes'
import type { CacheCounters } from './target-cache'

const RING = 16
const QPS_WINDOW_SECONDS = 5
/** ALIAS answers the lookup cost is computed over (the latest). */
const ALIAS_ANSWERS_KEPT = 10_000

export class Counters implements CacheCounters {
  readonly startedAt = Date.now()
  queries = 0
  udpQueries = 0
  tcpQueries = 0
  cacheHits = 0
  cacheMisses = 0
  refreshes = 0
  coalesced = 0
  upstreamQueries = 0
  upstreamFailures = 0
  staleAnswers = 0
  truncated = 0
  rateLimited = 0
  tcpConnections = 0
  tcpTimeouts = 0
  tcpEvictions = 0
  tcpRefused = 0
  logDropped = 0
  /** The last ALIAS answers: what the log says about each (cached or not, upstream wait), for the lookup cost. */
  private readonly aliasAnswers: Array<{ cache: CacheStatus; upstreamRttMs: number | null }> = []
  private aliasNext = 0
  /** Responses by RCODE (12 bits). */
  private readonly rcodes = new Uint32Array(4096)
  private readonly perSecond = new Uint32Array(RING)
  private readonly second = new Float64Array(RING)

  query(now: number, tcp: boolean): void {
    this.queries++
    if (tcp) this.tcpQueries++
    else this.udpQueries++
    const sec = Math.floor(now / 1000)
    const i = sec % RING
    if (this.second[i] !== sec) {
      this.second[i] = sec
      this.perSecond[i] = 0
    }
    this.perSecond[i]!++
  }

  /** One ALIAS answer, as the query log records it. */
  aliasAnswer(cache: CacheStatus, upstreamRttMs: number | null): void {
    if (cache === 'none') return
    // a ring: the hot path never shifts the array
    this.aliasAnswers[this.aliasNext] = { cache, upstreamRttMs }
    this.aliasNext = (this.aliasNext + 1) % ALIAS_ANSWERS_KEPT
  }

  response(rcode: number): void {
    this.rcodes[rcode & 0xfff]!++
  }

  qps(now: number): number {
    const sec = Math.floor(now / 1000)
    let sum = 0
    for (let s = sec - QPS_WINDOW_SECONDS; s < sec; s++) {
      const i = s % RING
      if (this.second[i] === s) sum += this.perSecond[i]!
    }
    return sum / QPS_WINDOW_SECONDS
  }

  snapshot(now: number, perTarget: AliasCounters['perTarget']): AliasCounters {
    const rcodes: Record<string, number> = {}
    this.rcodes.forEach((n, code) => {
      if (n > 0) rcodes[rcodeName(code)] = n
    })
    return {
      startedAt: this.startedAt,
      queries: this.queries,
      udpQueries: this.udpQueries,
      tcpQueries: this.tcpQueries,
      qps: this.qps(now),
      qpsWindowSeconds: QPS_WINDOW_SECONDS,
      rcodes,
      cacheHits: this.cacheHits,
      cacheMisses: this.cacheMisses,
      refreshes: this.refreshes,
      coalesced: this.coalesced,
      upstreamQueries: this.upstreamQueries,
      upstreamFailures: this.upstreamFailures,
      staleAnswers: this.staleAnswers,
      truncated: this.truncated,
      rateLimited: this.rateLimited,
      tcpConnections: this.tcpConnections,
      tcpTimeouts: this.tcpTimeouts,
      tcpEvictions: this.tcpEvictions,
      tcpRefused: this.tcpRefused,
      logDropped: this.logDropped,
      perTarget,
      lookupCost: lookupCostFromLog(this.aliasAnswers)
    }
  }
}
