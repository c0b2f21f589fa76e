/**
 * Forwards a running server's activity to the event bus at a pace a UI can take: query-log entries
 * in batches (at most one event per 100 ms, at most MAX_BATCH entries each, the newest kept),
 * counters once a second, and every change of the simulated target as it happens.
 */
import type { QueryLogEntry } from '@shared/alias-server'
import type { EventBus } from '@shared/event-bus'
import type { AliasServer } from '../alias-server'

export const QUERY_EVENT_INTERVAL_MS = 100
export const COUNTERS_INTERVAL_MS = 1000
export const MAX_BATCH = 1000

export interface EventPump {
  /** Entries left out of query events because more arrived than an event may carry. */
  dropped(): number
  close(): void
}

export function startEventPump(server: AliasServer, events: EventBus): EventPump {
  let pending: QueryLogEntry[] = []
  let dropped = 0
  let lastFlush = 0
  let flushTimer: NodeJS.Timeout | null = null

  const flush = (): void => {
    flushTimer = null
    if (pending.length === 0) return
    const batch = pending
    pending = []
    lastFlush = Date.now()
    events.emit('lab:query', batch)
  }

  const unsubscribeQueries = server.onQuery((entries) => {
    for (const entry of entries) pending.push(entry)
    if (pending.length > MAX_BATCH) {
      dropped += pending.length - MAX_BATCH
      pending = pending.slice(-MAX_BATCH)
    }
    if (flushTimer !== null) return
    const wait = Math.max(0, lastFlush + QUERY_EVENT_INTERVAL_MS - Date.now())
    flushTimer = setTimeout(flush, wait)
    flushTimer.unref()
  })

  const countersTimer = setInterval(() => {
    const counters = server.counters()
    events.emit('lab:counters', { ...counters, logDropped: counters.logDropped + dropped })
  }, COUNTERS_INTERVAL_MS)
  countersTimer.unref()

  const name = server.simulatedTarget.state().name
  const unsubscribeTarget = server.simulatedTarget.onChange((change) => events.emit('lab:target', { ...change, name }))

  return {
    dropped: () => dropped,
    close() {
      unsubscribeQueries()
      unsubscribeTarget()
      clearInterval(countersTimer)
      if (flushTimer !== null) clearTimeout(flushTimer)
      flush()
    }
  }
}
