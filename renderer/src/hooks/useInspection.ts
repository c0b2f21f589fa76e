import { useCallback, useRef, useState } from 'react'
import type { InspectInput, InspectResult } from '@shared/inspector'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'

export interface InspectionState {
  status: 'idle' | 'running' | 'done' | 'error'
  result: InspectResult | null
  error: ApiError | null
  /** The input of the last run (auto-refresh repeats it, whatever the fields say now). */
  input: InspectInput | null
  /** Wall-clock ms when the shown result arrived. */
  finishedAtMs: number | null
  /** How many inspections finished in this view (tests read it to see a single refresh per wave). */
  runs: number
  /** Whether the running inspection is an automatic refresh. */
  refreshing: boolean
  run(input: InspectInput, options?: { refresh?: boolean }): Promise<InspectResult | null>
  /** Back to an empty view (File › New inspection); a run still going is dropped. */
  reset(): void
}

/**
 * One inspection at a time from this view: a newer run supersedes an older one, whose answer is dropped.
 * The previous result stays on screen while a refresh runs, so rows do not flicker.
 */
export function useInspection(): InspectionState {
  const [state, setState] = useState<Omit<InspectionState, 'run' | 'reset'>>({
    status: 'idle',
    result: null,
    error: null,
    input: null,
    finishedAtMs: null,
    runs: 0,
    refreshing: false
  })
  const latest = useRef(0)

  const run = useCallback(async (input: InspectInput, options: { refresh?: boolean } = {}) => {
    const id = ++latest.current
    setState((s) => ({ ...s, status: 'running', input, refreshing: !!options.refresh, error: null }))
    const result = await getApi().inspect.run(input)
    if (id !== latest.current) return null
    setState((s) =>
      result.ok
        ? { ...s, status: 'done', result: result.value, error: null, finishedAtMs: Date.now(), runs: s.runs + 1, refreshing: false }
        : { ...s, status: 'error', error: result.error, runs: s.runs + 1, refreshing: false }
    )
    return result.ok ? result.value : null
  }, [])

  const reset = useCallback(() => {
    latest.current++
    setState((s) => ({ ...s, status: 'idle', result: null, error: null, input: null, finishedAtMs: null, refreshing: false }))
  }, [])

  return { ...state, run, reset }
}
