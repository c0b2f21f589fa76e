import { useCallback, useEffect, useState } from 'react'
import type { LabStatus, LabTargetEvent } from '@shared/lab'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'
import { useAnswer } from './useAnswer'
import { useAsk } from './useAsk'

type Rotation = NonNullable<NonNullable<LabStatus['target']>['rotation']>

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/** The rotation after a change of the target: a rotation step moves to the set it applied. */
function rotationAfter(rotation: Rotation | null, change: LabTargetEvent): Rotation | null {
  if (!rotation || change.reason !== 'rotate') return rotation
  const index = rotation.sets.findIndex((set) => sameList(set.a, change.a) && sameList(set.aaaa, change.aaaa))
  return { ...rotation, index: index < 0 ? rotation.index : index, nextAt: change.time + rotation.everySeconds * 1000 }
}

export interface LabStatusState {
  status: LabStatus | null
  error: ApiError | null
  /** Replaces the status with one a call returned (lab:start / lab:stop answer with it). */
  accept(status: LabStatus): void
  reload(): void
}

/** The lab server's status, kept live by `lab:counters` (once a second) and `lab:target` events. */
export function useLabStatus(): LabStatusState {
  const { value: status, setValue: setStatus, error, accept, take } = useAnswer<LabStatus | null>(null)
  const [generation, setGeneration] = useState(0)
  useAsk((api) => api.lab.status(), take, generation)

  useEffect(() => {
    const api = getApi()
    const offCounters = api.lab.onCounters((counters) => setStatus((s) => (s && s.running ? { ...s, counters } : s)))
    const offTarget = api.lab.onTarget((change) =>
      setStatus((s) =>
        s?.target
          ? {
              ...s,
              target: {
                ...s.target,
                a: change.a,
                aaaa: change.aaaa,
                ttl: change.ttl,
                version: change.version,
                changedAt: change.time,
                rotation: rotationAfter(s.target.rotation, change)
              }
            }
          : s
      )
    )
    return () => {
      offCounters()
      offTarget()
    }
  }, [setStatus])

  return { status, error, accept, reload: useCallback(() => setGeneration((g) => g + 1), []) }
}
