import type { EventName, EventPayload } from './channels'

export type BusListener = (event: EventName, payload: unknown) => void

/** Events from services to whichever hosts are attached (Electron windows, browser-mode sockets). */
export class EventBus {
  private readonly listeners = new Set<BusListener>()

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload)
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
