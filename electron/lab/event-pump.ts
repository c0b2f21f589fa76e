/**
 * Forwards a running server's activity to the event bus at a pace a UI can take: counters once a second,
 * and every change of the simulated target as it happens. Query-log entries are not broadcast: the window
 * reads them from the stored log (`lab:log`), told by `lab:logged` after each write.
 */
import type { EventBus } from '@shared/event-bus'
import type { AliasServer } from '../alias-server'

const COUNTERS_INTERVAL_MS = 1000

export interface EventPump {
  close(): void
}

export function startEventPump(server: AliasServer, events: EventBus): EventPump {
  const countersTimer = setInterval(() => events.emit('lab:counters', server.counters()), COUNTERS_INTERVAL_MS)
  countersTimer.unref()

  const name = server.simulatedTarget.state().name
  const unsubscribeTarget = server.simulatedTarget.onChange((change) => events.emit('lab:target', { ...change, name }))

  return {
    close() {
      unsubscribeTarget()
      clearInterval(countersTimer)
    }
  }
}
