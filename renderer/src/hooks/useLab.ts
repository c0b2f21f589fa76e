import { useCallback, useState } from 'react'
import type { GeoFile } from '@shared/geo'
import type { LabStatus } from '@shared/lab'
import type { InspectorApi } from '@shared/api'
import type { ApiError, Result } from '@shared/result'
import { getApi } from '../transport'

type LabChannels = InspectorApi['lab']

/** The lab's channels the Lab view's panels call: each answers as the channel does (a `Result`). */
export type LabActions = Pick<
  LabChannels,
  | 'start'
  | 'stop'
  | 'getZone'
  | 'saveZone'
  | 'profiles'
  | 'updateSettings'
  | 'flushCache'
  | 'setTargetState'
  | 'saveSets'
  | 'rotateTarget'
  | 'compareGet'
  | 'compareStart'
  | 'compareStop'
>

const actions: LabActions = {
  start: (input) => getApi().lab.start(input),
  stop: () => getApi().lab.stop(),
  getZone: () => getApi().lab.getZone(),
  saveZone: (input) => getApi().lab.saveZone(input),
  profiles: () => getApi().lab.profiles(),
  updateSettings: (input) => getApi().lab.updateSettings(input),
  flushCache: () => getApi().lab.flushCache(),
  setTargetState: (input) => getApi().lab.setTargetState(input),
  saveSets: (input) => getApi().lab.saveSets(input),
  rotateTarget: (input) => getApi().lab.rotateTarget(input),
  compareGet: () => getApi().lab.compareGet(),
  compareStart: (input) => getApi().lab.compareStart(input),
  compareStop: () => getApi().lab.compareStop()
}

/**
 * What the Lab view does with the lab server (start, stop, the zone, the profile, the simulated target, the
 * comparison). Its live status is `useLabStatus`; the options that answer with the whole status `useLabOptions`.
 */
export function useLab(): LabActions {
  return actions
}

export interface LabOptionsState {
  busy: boolean
  error: ApiError | null
  /** The geo CDN's regions (null: none); saved, and served at once while the server runs. */
  setGeo(geo: GeoFile | null): Promise<boolean>
  /** Serve `@ HTTPS 0 target.` beside the apex ALIAS. */
  setHttpsAlias(enabled: boolean): Promise<boolean>
}

/** The lab's options that answer with the whole status (lab:setGeo, lab:setHttpsAlias); `onStatus` takes it. */
export function useLabOptions(onStatus: (status: LabStatus) => void): LabOptionsState {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const call = useCallback(
    async (run: () => Promise<Result<LabStatus>>) => {
      setBusy(true)
      const result = await run()
      setBusy(false)
      setError(result.ok ? null : result.error)
      if (result.ok) onStatus(result.value)
      return result.ok
    },
    [onStatus]
  )
  return {
    busy,
    error,
    setGeo: useCallback((geo: GeoFile | null) => call(() => getApi().lab.setGeo({ geo })), [call]),
    setHttpsAlias: useCallback((enabled: boolean) => call(() => getApi().lab.setHttpsAlias({ enabled })), [call])
  }
}
