import { useEffect, useRef } from 'react'
import type { InspectorApi } from '@shared/api'
import type { Result } from '@shared/result'
import { getApi } from '../transport'

/** Asks the main side once, when the component mounts; an answer that arrives after it unmounted is dropped. */
export function useAskOnMount<T>(ask: (api: InspectorApi) => Promise<Result<T>>, take: (result: Result<T>) => void): void {
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
  }, [])
}
