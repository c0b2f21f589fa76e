import { useCallback, useEffect, useState } from 'react'
import type { ChainStatus, DelegationView } from '@shared/delegation'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'

export interface DelegationState {
  chain: ChainStatus | null
  view: DelegationView | null
  error: ApiError | null
  busy: boolean
  /** Starts the local root and TLD above the running lab, then traces the name through them. */
  startChain(): void
  reload(): void
}

/** The local trust chain's status and, while it runs, the delegation of `name` through it. */
export function useDelegation(name: string): DelegationState {
  const [chain, setChain] = useState<ChainStatus | null>(null)
  const [view, setView] = useState<DelegationView | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    let live = true
    const api = getApi()
    void (async () => {
      const status = await api.chain.status()
      if (!live) return
      if (!status.ok) return setError(status.error)
      setChain(status.value)
      if (!status.value.running || !name) return setView(null)
      setBusy(true)
      const traced = await api.chain.delegation({ name })
      if (!live) return
      setBusy(false)
      if (traced.ok) setView(traced.value)
      setError(traced.ok ? null : traced.error)
    })()
    return () => {
      live = false
      // a trace cut short by a new name or a reload is no longer busy
      setBusy(false)
    }
  }, [name, generation])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  const startChain = useCallback(() => {
    setBusy(true)
    void getApi()
      .chain.start()
      .then((result) => {
        setBusy(false)
        setError(result.ok ? null : result.error)
        if (result.ok) reload()
      })
  }, [reload])
  return { chain, view, error, busy, startChain, reload }
}
