import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckResult, ReadyExperiment, StepRecord } from '@shared/experiments'
import type { ExperimentProgress, LearnSaveInput } from '@shared/learn'
import { useNavigation } from '../../context/NavigationContext'
import { useExperimentLab } from '../../hooks/useLearn'

const CHECK_EVERY_MS = 2000

export interface ExperimentRun {
  records: Partial<Record<string, StepRecord>>
  /** The step (or 'setup') whose actions are running now. */
  busy: string | null
  check: CheckResult | null
  /** Steps the lab shows as done: run here, or detected in the lab's state and log. */
  doneSteps: ReadonlySet<string>
  error: string | null
  runStep(stepId: string): Promise<void>
  reset(): Promise<void>
  recheck(): Promise<void>
}

/** Runs one experiment against the real lab: its steps' actions, its starting state, and its check (polled while open). */
export function useExperimentRun(experiment: ReadyExperiment, progress: ExperimentProgress | undefined, save: (input: LearnSaveInput) => Promise<void>): ExperimentRun {
  const { labZoneReplaced, labStateChanged } = useNavigation()
  const lab = useExperimentLab()
  const [records, setRecords] = useState<Partial<Record<string, StepRecord>>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [check, setCheck] = useState<CheckResult | null>(null)
  const [doneSteps, setDoneSteps] = useState<ReadonlySet<string>>(new Set())
  const [error, setError] = useState<string | null>(null)
  const recordsRef = useRef(records)
  recordsRef.current = records
  const since = progress?.startedAt ?? null
  const state = progress?.state ?? 'new'

  const recheck = useCallback(async () => {
    const observation = await lab.observe(since, recordsRef.current)
    const result = experiment.check(observation)
    setCheck(result)
    setDoneSteps(new Set(experiment.steps.filter((s) => recordsRef.current[s.id] || s.detect?.(observation)).map((s) => s.id)))
    if (result.done && state !== 'done') await save({ id: experiment.id, state: 'done', observed: result.observed, outcome: result.outcome })
  }, [lab, experiment, since, state, save])

  const runStep = useCallback(
    async (stepId: string) => {
      const step = experiment.steps.find((s) => s.id === stepId)
      if (!step?.actions) return
      setBusy(stepId)
      setError(null)
      try {
        const record = await lab.runActions(step.actions, labZoneReplaced)
        labStateChanged()
        recordsRef.current = { ...recordsRef.current, [stepId]: record }
        setRecords(recordsRef.current)
        if (state === 'new') await save({ id: experiment.id, state: 'in-progress' })
        await recheck()
      } finally {
        setBusy(null)
      }
    },
    [lab, experiment, labZoneReplaced, labStateChanged, recheck, save, state]
  )

  const reset = useCallback(async () => {
    setBusy('setup')
    setError(null)
    recordsRef.current = {}
    setRecords({})
    setCheck(null)
    setDoneSteps(new Set())
    try {
      const startedAt = Date.now()
      const record = await lab.runActions(experiment.setup, labZoneReplaced)
      labStateChanged()
      if (!record.ok) setError(`The lab could not be reset: ${record.error}`)
      await save({ id: experiment.id, reset: true, startedAt })
    } finally {
      setBusy(null)
    }
  }, [lab, experiment, labZoneReplaced, labStateChanged, save])

  // a page opened again shows at once which steps the lab's state and log already show done
  useEffect(() => {
    if (since !== null) void recheck()
    // once per opening and per reset, not on every change of recheck
  }, [since])

  // "do it yourself" steps and long runs (the comparison) are seen by checking again while the page is open
  const watching = progress?.prediction != null && state !== 'done'
  useEffect(() => {
    if (!watching) return
    const timer = setInterval(() => void recheck(), CHECK_EVERY_MS)
    return () => clearInterval(timer)
  }, [watching, recheck])

  return { records, busy, check, doneSteps, error, runStep, reset, recheck }
}
