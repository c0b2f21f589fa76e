import { useCallback, useRef, useState } from 'react'
import type { ResolverTarget } from '@shared/dns'
import type { InspectInput, InspectResult, SuggestResult } from '@shared/inspector'
import type { ApiError, Result } from '@shared/result'
import { DEFAULT_AUTHORITATIVE_PORT, defaultAuthoritativePort } from '../model/inspect/inspect-model'
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
  /** Target suggestions for an apex (`inspect:suggest`). */
  suggest(apex: string, resolvers: ResolverTarget[]): Promise<Result<SuggestResult>>
  /** The lab's port when the apex is in the zone the running lab serves; undefined otherwise. */
  labPortFor(apex: string): Promise<number | undefined>
}

const suggest = (apex: string, resolvers: ResolverTarget[]) => getApi().inspect.suggest({ apex, resolvers })

async function labPortFor(apex: string): Promise<number | undefined> {
  const status = await getApi().lab.status()
  if (!status.ok) return undefined
  const port = defaultAuthoritativePort(apex, status.value)
  return port === DEFAULT_AUTHORITATIVE_PORT ? undefined : port
}

/**
 * The Inspect view's access to the inspector. One inspection at a time from this view: a newer run supersedes an older one, whose answer is dropped.
 * The previous result stays on screen while a refresh runs, so rows do not flicker.
 */
export function useInspect(): InspectionState {
  const [state, setState] = useState<Omit<InspectionState, 'run' | 'reset' | 'suggest' | 'labPortFor'>>({
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

  return { ...state, run, reset, suggest, labPortFor }
}
