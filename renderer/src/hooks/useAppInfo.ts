import { useEffect, useState } from 'react'
import type { AppInfo } from '@shared/app'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'

export type AppInfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: AppInfo }
  | { status: 'error'; error: ApiError }

export function useAppInfo(): AppInfoState {
  const [state, setState] = useState<AppInfoState>({ status: 'loading' })
  useEffect(() => {
    let live = true
    void getApi()
      .app.info()
      .then((result) => {
        if (!live) return
        setState(result.ok ? { status: 'ready', info: result.value } : { status: 'error', error: result.error })
      })
    return () => {
      live = false
    }
  }, [])
  return state
}
