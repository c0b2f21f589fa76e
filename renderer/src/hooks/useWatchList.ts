import { useCallback, useEffect, useState } from 'react'
import type { WatchSession } from '@shared/inspector'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'

export interface WatchListState {
  sessions: WatchSession[]
  loading: boolean
  error: ApiError | null
  reload(): void
  /** Adds or replaces a session (e.g. one just started) without waiting for the next reload. */
  upsert(session: WatchSession): void
  forget(id: string): void
}

const newestFirst = (a: WatchSession, b: WatchSession) => b.startedAtWallMs - a.startedAtWallMs

/** Saved watch sessions, newest first, kept current by `watch:state` events. */
export function useWatchList(): WatchListState {
  const [sessions, setSessions] = useState<WatchSession[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<ApiError | null>(null)
  const [generation, setGeneration] = useState(0)

  const upsert = useCallback((session: WatchSession) => {
    setSessions((list) => [session, ...list.filter((s) => s.id !== session.id)].sort(newestFirst))
  }, [])
  const forget = useCallback((id: string) => setSessions((list) => list.filter((s) => s.id !== id)), [])

  useEffect(() => {
    let live = true
    void getApi()
      .watch.list()
      .then((result) => {
        if (!live) return
        setLoading(false)
        if (result.ok) {
          setSessions([...result.value].sort(newestFirst))
          setError(null)
        } else setError(result.error)
      })
    const off = getApi().watch.onState(({ session }) => upsert(session))
    return () => {
      live = false
      off()
    }
  }, [generation, upsert])

  return { sessions, loading, error, reload: () => setGeneration((g) => g + 1), upsert, forget }
}
