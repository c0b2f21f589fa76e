import { useSyncExternalStore } from 'react'
import type { QueryLogEntry } from '@shared/alias-server'
import { LogBuffer } from '../components/QueryLog/log-buffer'
import { getApi } from '../transport'

export const QUERY_LOG_CAPACITY = 10_000

/**
 * The lab's query log for the whole window: it starts listening to `lab:query` the first time the log is shown
 * and keeps listening while other views are open, so switching tabs loses nothing. Newest first, capped.
 */
class QueryLogStore {
  readonly buffer = new LogBuffer(QUERY_LOG_CAPACITY)
  paused = false
  private held: QueryLogEntry[] = []
  private version = 0
  private readonly listeners = new Set<() => void>()
  private connected = false

  getVersion = (): number => this.version

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    if (!this.connected) {
      this.connected = true
      getApi().lab.onQuery((batch) => this.receive(batch))
    }
    return () => this.listeners.delete(listener)
  }

  setPaused(paused: boolean): void {
    this.paused = paused
    if (!paused && this.held.length) {
      this.buffer.push(this.held)
      this.held = []
    }
    this.bump()
  }

  /** Rows held back while paused. */
  get heldCount(): number {
    return this.held.length
  }

  clear(): void {
    this.buffer.clear()
    this.held = []
    this.bump()
  }

  private receive(batch: readonly QueryLogEntry[]): void {
    if (this.paused) {
      this.held.push(...batch)
      if (this.held.length > QUERY_LOG_CAPACITY) this.held.splice(0, this.held.length - QUERY_LOG_CAPACITY)
    } else this.buffer.push(batch)
    this.bump()
  }

  private bump(): void {
    this.version++
    for (const listener of this.listeners) listener()
  }
}

export const queryLog = new QueryLogStore()

/** Re-renders on every batch; read rows through `queryLog.buffer`. */
export function useQueryLog(): { version: number; log: QueryLogStore } {
  const version = useSyncExternalStore(queryLog.subscribe, queryLog.getVersion)
  return { version, log: queryLog }
}
