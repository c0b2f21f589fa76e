import { useCallback } from 'react'
import type { LabAction, Observation, StepRecord } from '@shared/experiments'
import type { LearnProgress, LearnSaveInput } from '@shared/learn'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'
import { observe } from './learn/observe'
import { useAnswer } from './useAnswer'
import { useAsk } from './useAsk'
import { runActions } from './learn/run-actions'

export interface LearnProgressState {
  progress: LearnProgress | null
  error: ApiError | null
  save(input: LearnSaveInput): Promise<void>
  /** Teacher mode, kept on the main side (learn.json) so that it is there in the next session. */
  setTeacher(enabled: boolean): Promise<void>
}

/** The Learn view's progress, kept on the main side (learn.json) through learn:progress and learn:save. */
export function useLearn(): LearnProgressState {
  const { value: progress, setValue: setProgress, error, take } = useAnswer<LearnProgress | null>(null)
  useAsk((api) => api.learn.progress(), take)
  const save = useCallback(async (input: LearnSaveInput) => take(await getApi().learn.save(input)), [take])
  const setTeacher = useCallback(
    async (enabled: boolean) => {
      // shown at once; the saved state replaces it when the main side answers
      setProgress((p) => (p ? { ...p, teacher: enabled } : p))
      take(await getApi().learn.setTeacher({ enabled }))
    },
    [setProgress, take]
  )
  return { progress, error, save, setTeacher }
}

export interface ExperimentLab {
  /** What the lab really saw since `since`: its status, its stored query log and the last comparison run. */
  observe(since: number | null, steps: Partial<Record<string, StepRecord>>): Promise<Observation>
  /** Runs an experiment's actions through the lab's own channels; `onZoneSaved` hears of a replaced zone. */
  runActions(actions: readonly LabAction[], onZoneSaved?: () => void): Promise<StepRecord>
}

const experimentLab: ExperimentLab = {
  observe: (since, steps) => observe(getApi(), since, steps),
  runActions: (actions, onZoneSaved) => runActions(getApi(), actions, onZoneSaved)
}

/** An experiment's way to the lab: its steps act, and its check looks, through the lab's channels. */
export function useExperimentLab(): ExperimentLab {
  return experimentLab
}
