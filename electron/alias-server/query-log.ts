/**
 * The query log: the hot path only appends a few values to a flat buffer; entries are built and
 * handed to listeners in batches, off the hot path. Nothing is buffered without a listener.
 */
import type { CacheStatus, QueryLogEntry } from '@shared/alias-server'
import type { LogInfo } from './prepared-answer'

export type QueryLogListener = (batch: QueryLogEntry[]) => void

const FLUSH_MS = 50
const MAX_PENDING = 20_000
const FIELDS = 9

export class QueryLog {
  private readonly listeners = new Set<QueryLogListener>()
  private pending: unknown[] = []
  private timer: NodeJS.Timeout | null = null
  enabled = true
  dropped = 0

  /** True when an entry would go anywhere: check before computing what to log. */
  get active(): boolean {
    return this.enabled && this.listeners.size > 0
  }

  add(
    time: number,
    address: string,
    port: number,
    tcp: boolean,
    info: LogInfo,
    ttl: number | null,
    cache: CacheStatus,
    rttMs: number | null,
    truncated: boolean
  ): void {
    if (this.pending.length >= MAX_PENDING * FIELDS) {
      this.dropped++
      return
    }
    this.pending.push(time, address, port, tcp, info, ttl, cache, rttMs, truncated)
    if (this.timer === null) {
      this.timer = setTimeout(() => this.flush(), FLUSH_MS)
      this.timer.unref()
    }
  }

  onQuery(listener: QueryLogListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Delivers what is buffered now. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const p = this.pending
    if (p.length === 0) return
    this.pending = []
    const batch: QueryLogEntry[] = new Array(p.length / FIELDS)
    for (let i = 0, k = 0; i < p.length; i += FIELDS, k++) {
      const address = p[i + 1] as string
      const info = p[i + 4] as LogInfo
      const rtt = p[i + 7] as number | null
      const entry: QueryLogEntry = {
        time: p[i] as number,
        client: address.charCodeAt(0) !== 0x3a && address.indexOf(':') < 0 ? `${address}:${p[i + 2] as number}` : `[${address}]:${p[i + 2] as number}`,
        transport: p[i + 3] ? 'tcp' : 'udp',
        name: info.name,
        type: info.type,
        rcode: info.rcode,
        answer: info.summary,
        ttl: p[i + 5] as number | null,
        cache: p[i + 6] as CacheStatus,
        upstreamRttMs: rtt === null ? null : Math.round(rtt * 100) / 100,
        truncated: p[i + 8] as boolean
      }
      if (info.ede) entry.ede = info.ede
      if (info.rule) entry.rule = info.rule
      if (info.subnet) entry.subnet = info.subnet
      if (info.region) entry.region = info.region
      batch[k] = entry
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(batch)
      } catch {
        // a listener's failure is its own
      }
    }
  }

  close(): void {
    this.flush()
    this.listeners.clear()
  }
}
