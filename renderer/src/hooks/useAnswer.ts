import { useCallback, useState } from 'react'
import type { ApiError, Result } from '@shared/result'

/** A value the main side answers with, as last answered, and the error of the last answer when that failed. */
export function useAnswer<T>(initial: T) {
  const [value, setValue] = useState<T>(initial)
  const [error, setError] = useState<ApiError | null>(null)
  const accept = useCallback((next: T) => {
    setValue(next)
    setError(null)
  }, [])
  const take = useCallback((result: Result<T>) => (result.ok ? accept(result.value) : setError(result.error)), [accept])
  return { value, setValue, error, setError, accept, take }
}
