import { useRef, useState } from 'react'
import type { ResolverTarget } from '@shared/dns'
import type { ApiError } from '@shared/result'
import type { SuggestResult } from '@shared/inspector'
import { targetKey } from '../model/inspect/inspect-model'

type Entry = { key: string } & ({ status: 'loading' } | { status: 'ready'; value: SuggestResult } | { status: 'error'; error: ApiError })

export interface SuggestionsState {
  /** The state for the given apex and resolvers; 'idle' when nothing was asked for them yet. */
  status: 'idle' | 'loading' | 'ready' | 'error'
  value?: SuggestResult
  error?: ApiError
  /** Asks the inspector for target suggestions, once per apex and resolver set. */
  request(): void
}

const keyOf = (apex: string, resolvers: readonly ResolverTarget[]): string =>
  `${apex.trim().toLowerCase().replace(/\.$/, '')}|${resolvers.map(targetKey).join(',')}`

/**
 * Target suggestions (`inspect:suggest`) for what is typed now. Asked on demand (when the target field
 * gets focus), never on every keystroke; an answer for an apex that has since changed is simply not shown.
 */
export function useSuggestions(
  apex: string,
  resolvers: readonly ResolverTarget[],
  suggest: (apex: string, resolvers: ResolverTarget[]) => Promise<{ ok: true; value: SuggestResult } | { ok: false; error: ApiError }>
): SuggestionsState {
  const [entry, setEntry] = useState<Entry | null>(null)
  const asked = useRef<string | null>(null)
  const key = keyOf(apex, resolvers)
  const current = entry?.key === key ? entry : null

  const request = () => {
    if (!apex.trim() || resolvers.length === 0 || asked.current === key) return
    asked.current = key
    setEntry({ key, status: 'loading' })
    void suggest(apex.trim(), [...resolvers]).then((result) => {
      setEntry((prev) => {
        if (prev?.key !== key) return prev
        return result.ok ? { key, status: 'ready', value: result.value } : { key, status: 'error', error: result.error }
      })
      if (!result.ok) asked.current = null
    })
  }

  if (!current) return { status: 'idle', request }
  if (current.status === 'ready') return { status: 'ready', value: current.value, request }
  if (current.status === 'error') return { status: 'error', error: current.error, request }
  return { status: 'loading', request }
}
