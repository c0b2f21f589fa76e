import { useState } from 'react'
import type { AppInfo } from '@shared/app'
import type { ApiError } from '@shared/result'
import { useAsk } from './useAsk'

export type AppInfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: AppInfo }
  | { status: 'error'; error: ApiError }

export function useAppInfo(): AppInfoState {
  const [state, setState] = useState<AppInfoState>({ status: 'loading' })
  useAsk(
    (api) => api.app.info(),
    (result) => setState(result.ok ? { status: 'ready', info: result.value } : { status: 'error', error: result.error })
  )
  return state
}
