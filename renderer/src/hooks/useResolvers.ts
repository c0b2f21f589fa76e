import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ResolverTarget } from '@shared/dns'
import type { ResolverEntry, ResolverGroup, ResolverList } from '@shared/resolvers'
import type { ApiError, Result } from '@shared/result'
import { getApi } from '../transport'
import { useAnswer } from './useAnswer'

const storageKey = 'alias-inspector-selected-resolvers'

function readSelection(): string[] | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey) ?? 'null')
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null
  } catch {
    return null
  }
}

export const GROUP_LABELS: Record<ResolverGroup, string> = {
  system: 'System',
  public: 'Public',
  local: 'Local ALIAS test server',
  custom: 'Custom'
}

const notYet: ResolverList = { resolvers: [], warnings: [] }

export interface ResolversState {
  status: 'loading' | 'ready' | 'error'
  entries: ResolverEntry[]
  warnings: string[]
  loadError: ApiError | null
  selectedIds: string[]
  /** Selected entries that can be queried now, in list order. */
  selected: ResolverEntry[]
  toggle(id: string): void
  deselect(id: string): void
  save(input: string, label?: string): Promise<Result<ResolverEntry>>
  remove(id: string): Promise<Result<{ id: string }>>
  reload(): Promise<void>
}

/**
 * The resolver list from the main side and the user's selection (kept in localStorage: it is this
 * window's view state). Nothing is selected by default except a running local ALIAS server, so no query
 * leaves the machine until the user picks a resolver.
 */
export function useResolvers(): ResolversState {
  const { value: list, error: loadError, take } = useAnswer<ResolverList>(notYet)
  const [chosen, setChosen] = useState<string[] | null>(readSelection)
  const { resolvers: entries, warnings } = list
  const status = loadError ? 'error' : list === notYet ? 'loading' : 'ready'

  const reload = useCallback(async () => take(await getApi().resolvers.list()), [take])

  useEffect(() => {
    void reload()
  }, [reload])

  // the default (nothing chosen yet) is derived, not stored: a running local server, else nothing
  const selectedIds = useMemo(
    () => chosen ?? entries.filter((e) => e.group === 'local' && e.available && e.target.transport === 'udp').map((e) => e.id),
    [chosen, entries]
  )
  const selected = useMemo(() => entries.filter((e) => e.available && selectedIds.includes(e.id)), [entries, selectedIds])

  const choose = useCallback((ids: string[]) => {
    localStorage.setItem(storageKey, JSON.stringify(ids))
    setChosen(ids)
  }, [])

  return {
    status,
    entries,
    warnings,
    loadError,
    selectedIds,
    selected,
    toggle: (id) => choose(selectedIds.includes(id) ? selectedIds.filter((x) => x !== id) : [...selectedIds, id]),
    deselect: (id) => choose(selectedIds.filter((x) => x !== id)),
    save: async (input, label) => {
      const result = await getApi().resolvers.save({ input, ...(label ? { label } : {}) })
      if (result.ok) {
        choose([...selectedIds.filter((x) => x !== result.value.id), result.value.id])
        await reload()
      }
      return result
    },
    remove: async (id) => {
      const result = await getApi().resolvers.remove({ id })
      if (result.ok) {
        choose(selectedIds.filter((x) => x !== id))
        await reload()
      }
      return result
    },
    reload
  }
}

export const targetsOf = (entries: readonly ResolverEntry[]): ResolverTarget[] => entries.map((e) => e.target)
