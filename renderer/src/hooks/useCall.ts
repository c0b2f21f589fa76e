import { useCallback, useState } from 'react'
import type { ApiError, Result } from '@shared/result'

/** A call to the main side made on demand: busy while it runs, then its error (null after one that succeeded). */
export function useCall() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const call = useCallback(async <T>(run: () => Promise<Result<T>>): Promise<Result<T>> => {
    setBusy(true)
    try {
      const result = await run()
      setError(result.ok ? null : result.error)
      return result
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, error, setError, call }
}
