import { useCallback, useEffect, useRef, useState } from 'react'
import type { LabLogPage, QueryLogFilter, QueryLogStats } from '@shared/lab-log'
import type { ApiError, Result } from '@shared/result'
import { LogPages, PAGE_SIZE } from '../model/lab/log-pages'
import { getApi } from '../transport'

/** New entries are shown at most this often (the store writes ten times a second); a filtered count costs more. */
const REFRESH_MS = 500
const FILTERED_REFRESH_MS = 1000

export type LogFacets = NonNullable<LabLogPage['facets']>

export interface StoredQueryLog {
  filter: QueryLogFilter
  setFilter(filter: QueryLogFilter): void
  paused: boolean
  setPaused(paused: boolean): void
  /** Rows of the view: the entries matching the filter up to `newestId` when it was last refreshed. */
  pages: LogPages
  matched: number
  /** The figures as of the view's last refresh. */
  stats: QueryLogStats | null
  /** The newest figures (events keep coming while paused). */
  latest: QueryLogStats | null
  facets: LogFacets
  error: ApiError | null
  /** Bumps when rows arrive, so that the list re-renders. */
  version: number
  /** Fetches the pages that hold rows first..last when they are not here yet. */
  ensure(first: number, last: number): void
  clear(): Promise<void>
  /** The entries matching the filter, all of them, as CSV or JSON text. */
  exportAs(format: 'csv' | 'json'): Promise<Result<string>>
}

/**
 * The lab's query log as kept on the main side (lab-log.sqlite), read page by page: so it is the same after a
 * reload or a restart, and 100,000 entries cost only the rows on screen. New entries show up while not paused.
 */
export function useStoredQueryLog(): StoredQueryLog {
  const [filter, setFilterState] = useState<QueryLogFilter>({})
  const [paused, setPausedState] = useState(false)
  const [view, setView] = useState<{ pages: LogPages; matched: number; stats: QueryLogStats | null; anchor: number }>(() => ({
    pages: new LogPages(),
    matched: 0,
    stats: null,
    anchor: 0
  }))
  const [latest, setLatest] = useState<QueryLogStats | null>(null)
  const [facets, setFacets] = useState<LogFacets>({ types: [], rcodes: [], clients: [] })
  const [error, setError] = useState<ApiError | null>(null)
  const [version, setVersion] = useState(0)
  const generation = useRef(0)
  const current = useRef({ filter, paused, view })
  current.current = { filter, paused, view }

  const refresh = useCallback(async () => {
    const ticket = ++generation.current
    const result = await getApi().lab.log({ filter: current.current.filter, offset: 0, limit: PAGE_SIZE, facets: true })
    if (ticket !== generation.current) return
    if (!result.ok) return setError(result.error)
    setError(null)
    const pages = new LogPages()
    pages.claim(0, 0)
    pages.put(0, result.value.rows)
    setView({ pages, matched: result.value.matched, stats: result.value.stats, anchor: result.value.stats.newestId })
    setLatest(result.value.stats)
    if (result.value.facets) setFacets(result.value.facets)
  }, [])

  // the first read, and again whenever the filter changes
  useEffect(() => {
    void refresh()
  }, [filter, refresh])

  // new entries: shown at most every REFRESH_MS, not while paused
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let last = 0
    const off = getApi().lab.onLogged((stats) => {
      setLatest(stats)
      if (current.current.paused || timer !== null) return
      timer = setTimeout(() => {
        timer = null
        last = Date.now()
        void refresh()
      }, Math.max(0, last + (Object.keys(current.current.filter).length > 0 ? FILTERED_REFRESH_MS : REFRESH_MS) - Date.now()))
    })
    return () => {
      off()
      if (timer !== null) clearTimeout(timer)
    }
  }, [refresh])

  const ensure = useCallback((first: number, last: number) => {
    const { view: v, filter: f } = current.current
    const wanted = v.pages.claim(first, Math.min(last, v.matched - 1))
    const ticket = generation.current
    for (const page of wanted) {
      void getApi()
        .lab.log({ filter: f, atOrBefore: v.anchor, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((result) => {
          if (ticket !== generation.current) return
          if (!result.ok) {
            v.pages.release(page)
            return setError(result.error)
          }
          v.pages.put(page, result.value.rows)
          setVersion((n) => n + 1)
        })
    }
  }, [])

  return {
    filter,
    setFilter: setFilterState,
    paused,
    setPaused: (next) => {
      setPausedState(next)
      current.current.paused = next
      if (!next) void refresh()
    },
    pages: view.pages,
    matched: view.matched,
    stats: view.stats,
    latest,
    facets,
    error,
    version,
    ensure,
    clear: async () => {
      const result = await getApi().lab.logClear()
      if (!result.ok) return setError(result.error)
      await refresh()
    },
    exportAs: (format) => getApi().lab.logExport({ filter, format })
  }
}
