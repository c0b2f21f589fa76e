import { useCallback, useEffect, useState } from 'react'
import type { LearnProgress, LearnSaveInput } from '@shared/learn'
import type { ApiError } from '@shared/result'
import { getApi } from '../../transport'

export interface LearnProgressState {
  progress: LearnProgress | null
  error: ApiError | null
  save(input: LearnSaveInput): Promise<void>
  /** Teacher mode, kept on the main side (learn.json) so that it is there in the next session. */
  setTeacher(enabled: boolean): Promise<void>
}

/** The Learn view's progress, kept on the main side (learn.json) through learn:progress and learn:save. */
export function useLearnProgress(): LearnProgressState {
  const [progress, setProgress] = useState<LearnProgress | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  useEffect(() => {
    let live = true
    void getApi().learn.progress().then((r) => {
      if (!live) return
      if (r.ok) setProgress(r.value)
      else setError(r.error)
    })
    return () => {
      live = false
    }
  }, [])
  const save = useCallback(async (input: LearnSaveInput) => {
    const r = await getApi().learn.save(input)
    if (r.ok) {
      setProgress(r.value)
      setError(null)
    } else setError(r.error)
  }, [])
  const setTeacher = useCallback(async (enabled: boolean) => {
    // shown at once; the saved state replaces it when the main side answers
    setProgress((p) => (p ? { ...p, teacher: enabled } : p))
    const r = await getApi().learn.setTeacher({ enabled })
    if (r.ok) {
      setProgress(r.value)
      setError(null)
    } else setError(r.error)
  }, [])
  return { progress, error, save, setTeacher }
}
