import { useCallback, useState } from 'react'
import type { RecentDomain, RecentDomains } from '@shared/preferences'
import type { ApiError, Result } from '@shared/result'
import { getApi } from '../transport'
import { useAskOnMount } from './useAskOnMount'

export interface RecentDomainsState {
  domains: RecentDomain[]
  warnings: string[]
  error: ApiError | null
  add(apex: string, target?: string): Promise<void>
  remove(apex: string): Promise<void>
}

/** Recently inspected apexes, kept by the main side in preferences.json so they survive a restart. */
export function useRecentDomains(): RecentDomainsState {
  const [state, setState] = useState<RecentDomains>({ domains: [], warnings: [] })
  const [error, setError] = useState<ApiError | null>(null)

  const apply = useCallback((result: Result<RecentDomains>) => {
    if (result.ok) {
      setState(result.value)
      setError(null)
    } else setError(result.error)
  }, [])

  useAskOnMount((api) => api.prefs.recent(), apply)

  return {
    domains: state.domains,
    warnings: state.warnings,
    error,
    add: async (apex, target) => apply(await getApi().prefs.addRecent({ apex, ...(target ? { target } : {}) })),
    remove: async (apex) => apply(await getApi().prefs.removeRecent({ apex }))
  }
}
