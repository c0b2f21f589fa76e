import { openObservationStore, type ObservationStore } from '../inspector/observation-store'

export interface LazyObservations {
  get(): ObservationStore
  close(): void
}

/** `<dataDir>/observations.sqlite`, opened on first use (a host that never inspects never touches it). */
export function lazyObservations(dataDir: string, warn: (message: string) => void = console.warn): LazyObservations {
  let store: ObservationStore | undefined
  return {
    get() {
      if (store) return store
      const opened = openObservationStore(dataDir)
      if (opened.problem) warn(opened.problem)
      return (store = opened.store)
    },
    close() {
      store?.close()
    }
  }
}
