import { useEffect, useMemo, useRef } from 'react'
import type { InspectResult } from '@shared/inspector'
import { refreshDueAt } from '../model/inspect/inspect-model'
import { useClock } from './useClock'

/**
 * Re-runs the inspection when the records shown expire: once per expiry wave (the first expiry plus a
 * second's grace for the rows that run out with it), never per row, and not while a run is in flight.
 * It reads the shared 1 Hz clock: there is no timer of its own.
 */
export function useAutoRefresh(options: {
  enabled: boolean
  result: InspectResult | null
  finishedAtMs: number | null
  busy: boolean
  refresh(): void
}): { dueAtMs: number | undefined } {
  const { enabled, result, finishedAtMs, busy, refresh } = options
  const now = useClock()
  const dueAtMs = useMemo(
    () => (result && finishedAtMs !== null ? refreshDueAt(result, finishedAtMs) : undefined),
    [result, finishedAtMs]
  )
  const due = enabled && !busy && dueAtMs !== undefined && now >= dueAtMs
  const firedFor = useRef<InspectResult | null>(null)

  useEffect(() => {
    if (!due || !result || firedFor.current === result) return
    firedFor.current = result
    refresh()
  }, [due, result, refresh])

  return { dueAtMs }
}
