import { useCallback, useState } from 'react'
import type { GeoFile } from '@shared/geo'
import type { LabStatus } from '@shared/lab'
import type { ApiError, Result } from '@shared/result'
import { getApi } from '../transport'

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
