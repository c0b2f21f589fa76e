import { useSyncExternalStore } from 'react'

// One clock for the whole window: every countdown reads it, so there is never a timer per row.
// It ticks once a second, on the second; smooth bar motion is done by CSS animations, not by JS.
const listeners = new Set<() => void>()
let now = Date.now()
let timer: ReturnType<typeof setTimeout> | undefined

function schedule(): void {
  timer = setTimeout(() => {
    now = Date.now()
    for (const listener of listeners) listener()
    schedule()
  }, 1000 - (Date.now() % 1000))
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (!timer) {
    now = Date.now()
    schedule()
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer) {
      clearTimeout(timer)
      timer = undefined
    }
  }
}

/** Wall-clock milliseconds, updated once a second by the shared clock. */
export function useClock(): number {
  return useSyncExternalStore(subscribe, () => now)
}
