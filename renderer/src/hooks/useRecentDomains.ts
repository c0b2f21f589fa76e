import type { RecentDomain, RecentDomains } from '@shared/preferences'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'
import { useAnswer } from './useAnswer'
import { useAsk } from './useAsk'

export interface RecentDomainsState {
  domains: RecentDomain[]
  warnings: string[]
  error: ApiError | null
  add(apex: string, target?: string): Promise<void>
  remove(apex: string): Promise<void>
}

/** Recently inspected apexes, kept by the main side in preferences.json so they survive a restart. */
export function useRecentDomains(): RecentDomainsState {
  const { value, error, take } = useAnswer<RecentDomains>({ domains: [], warnings: [] })
  useAsk((api) => api.prefs.recent(), take)
  return {
    domains: value.domains,
    warnings: value.warnings,
    error,
    add: async (apex, target) => take(await getApi().prefs.addRecent({ apex, ...(target ? { target } : {}) })),
    remove: async (apex) => take(await getApi().prefs.removeRecent({ apex }))
  }
}
