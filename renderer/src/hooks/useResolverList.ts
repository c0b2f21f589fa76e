import { useEffect, useState } from 'react'
import type { ResolverEntry } from '@shared/resolvers'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'

export type ResolverListState =
  | { status: 'loading' }
  | { status: 'ready'; resolvers: ResolverEntry[]; warnings: string[] }
  | { status: 'error'; error: ApiError }

/** The resolver list (presets and saved), fetched once per mount; `reloadKey` refetches (e.g. after the lab starts). */
export function useResolverList(reloadKey: unknown = 0): ResolverListState {
  const [state, setState] = useState<ResolverListState>({ status: 'loading' })
  useEffect(() => {
    let live = true
    void getApi()
      .resolvers.list()
      .then((result) => {
        if (!live) return
        setState(
          result.ok
            ? { status: 'ready', resolvers: result.value.resolvers, warnings: result.value.warnings }
            : { status: 'error', error: result.error }
        )
      })
    return () => {
      live = false
    }
  }, [reloadKey])
  return state
}
