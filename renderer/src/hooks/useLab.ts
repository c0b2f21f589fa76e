import { useCallback } from 'react'
import type { GeoFile } from '@shared/geo'
import type { LabStatus } from '@shared/lab'
import type { InspectorApi } from '@shared/api'
import type { ApiError, Result } from '@shared/result'
import { getApi } from '../transport'
import { useCall } from './useCall'

/**
 * What the Lab view does with the lab server (start, stop, the zone, the profile, the simulated target, the
 * comparison): the lab's channels, each answering as the channel does (a `Result`). Its live status is
 * `useLabStatus`; the options that answer with the whole status `useLabOptions`.
 */
export function useLab(): InspectorApi['lab'] {
  return getApi().lab
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
  const { busy, error, call } = useCall()
  const set = useCallback(
    async (run: () => Promise<Result<LabStatus>>) => {
      const result = await call(run)
      if (result.ok) onStatus(result.value)
      return result.ok
    },
    [call, onStatus]
  )
  return {
    busy,
    error,
    setGeo: useCallback((geo: GeoFile | null) => set(() => getApi().lab.setGeo({ geo })), [set]),
    setHttpsAlias: useCallback((enabled: boolean) => set(() => getApi().lab.setHttpsAlias({ enabled })), [set])
  }
}
