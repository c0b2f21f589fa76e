import { useEffect, useRef } from 'react'
import type { InspectorApi } from '@shared/api'
import type { Result } from '@shared/result'
import { getApi } from '../transport'

/**
 * Asks the main side when the component mounts, and again whenever `again` changes; an answer that arrives
 * after the next question (or after the component unmounted) is dropped.
 */
export function useAsk<T>(ask: (api: InspectorApi) => Promise<Result<T>>, take: (result: Result<T>) => void, again?: unknown): void {
  const calls = useRef({ ask, take })
  calls.current = { ask, take }
  useEffect(() => {
    let live = true
    void calls.current.ask(getApi()).then((result) => {
      if (live) calls.current.take(result)
    })
    return () => {
      live = false
    }
  }, [again])
}
