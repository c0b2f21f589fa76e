import { useCallback, useEffect, useState } from 'react'
import type { WatchSession } from '@shared/inspector'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'
import { useAnswer } from './useAnswer'
import { useAsk } from './useAsk'

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
  const { value: sessions, setValue: setSessions, error, take } = useAnswer<WatchSession[]>([])
  const [loading, setLoading] = useState(true)
  const [generation, setGeneration] = useState(0)

  const upsert = useCallback((session: WatchSession) => {
    setSessions((list) => [session, ...list.filter((s) => s.id !== session.id)].sort(newestFirst))
  }, [setSessions])
  const forget = useCallback((id: string) => setSessions((list) => list.filter((s) => s.id !== id)), [setSessions])

  useAsk(
    (api) => api.watch.list(),
    (result) => {
      setLoading(false)
      take(result.ok ? { ok: true, value: [...result.value].sort(newestFirst) } : result)
    },
    generation
  )
  useEffect(() => getApi().watch.onState(({ session }) => upsert(session)), [upsert])

  return { sessions, loading, error, reload: () => setGeneration((g) => g + 1), upsert, forget }
}
