import { useState, useSyncExternalStore } from 'react'
import type { StalenessAnalysis, TtlPolicy, WatchSample, WatchSession } from '@shared/inspector'
import type { ApiError } from '@shared/result'
import { getApi } from '../transport'
import { inSeqOrder, mergeSamples } from '../model/watch/merge-samples'

export interface WatchSessionState {
  status: 'loading' | 'ready' | 'error'
  session: WatchSession | null
  /** Every sample of the session, in seq order (the full data: charts downsample for display only). */
  samples: readonly WatchSample[]
  analysis: StalenessAnalysis | null
  /** null: as served (the lab's rule when the lab serves the apex, else min). */
  policy: TtlPolicy | null
  error: ApiError | null
}

/** How often live samples are handed to React: four series at 1 Hz would otherwise render four times a second. */
const FLUSH_MS = 250
/** Live analysis refresh: at least this far apart, and further apart when fetching takes long (big sessions). */
const MIN_REFRESH_MS = 1500
const MAX_REFRESH_MS = 15_000

/**
 * One watch session as an external store: the stored samples (`watch:get`), live samples appended from
 * `watch:sample`, state changes from `watch:state`, and the staleness analysis refetched while samples arrive.
 * It connects to the main side while React subscribes and disconnects when the last subscriber leaves.
 */
class WatchSessionStore {
  private state: WatchSessionState
  private readonly listeners = new Set<() => void>()
  private unsubscribe: Array<() => void> = []
  private pending: WatchSample[] = []
  private flushTimer: ReturnType<typeof setTimeout> | undefined
  private refreshTimer: ReturnType<typeof setTimeout> | undefined
  private fetching = false
  private again = false
  private lastFetchMs = 0

  constructor(
    readonly id: string,
    policy: TtlPolicy | null = null
  ) {
    this.state = { status: 'loading', session: null, samples: [], analysis: null, policy, error: null }
  }

  getSnapshot = (): WatchSessionState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    if (this.listeners.size === 1) this.connect()
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) this.disconnect()
    }
  }

  setPolicy(policy: TtlPolicy | null): void {
    if (policy === this.state.policy) return
    this.set({ policy })
    void this.refresh()
  }

  async stop(): Promise<ApiError | null> {
    const result = await getApi().watch.stop({ id: this.id })
    if (!result.ok) return result.error
    this.set({ session: result.value })
    void this.refresh()
    return null
  }

  private set(patch: Partial<WatchSessionState>): void {
    this.state = { ...this.state, ...patch }
    for (const listener of this.listeners) listener()
  }

  private connect(): void {
    const api = getApi()
    this.unsubscribe = [
      api.watch.onSample((sample) => {
        if (sample.sessionId !== this.id) return
        this.pending.push(sample)
        this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS)
      }),
      api.watch.onState(({ session }) => {
        if (session.id !== this.id) return
        this.set({ session: { ...session, sampleCount: Math.max(session.sampleCount, this.state.samples.length) } })
        if (session.state !== 'running') void this.refresh()
      })
    ]
    void this.refresh()
  }

  private disconnect(): void {
    for (const off of this.unsubscribe) off()
    this.unsubscribe = []
    clearTimeout(this.flushTimer)
    clearTimeout(this.refreshTimer)
    this.flushTimer = undefined
    this.refreshTimer = undefined
  }

  private flush(): void {
    this.flushTimer = undefined
    if (this.pending.length === 0) return
    const samples = mergeSamples(this.state.samples, this.pending)
    this.pending = []
    const session = this.state.session ? { ...this.state.session, sampleCount: Math.max(this.state.session.sampleCount, samples.length) } : null
    this.set({ samples, session })
    this.scheduleRefresh()
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) return
    const delay = Math.min(MAX_REFRESH_MS, Math.max(MIN_REFRESH_MS, this.lastFetchMs * 10))
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined
      void this.refresh()
    }, delay)
  }

  /** Fetches the stored session and analysis; calls made while one is in flight run once more after it. */
  private async refresh(): Promise<void> {
    if (this.fetching) {
      this.again = true
      return
    }
    this.fetching = true
    const started = performance.now()
    const result = await getApi().watch.get({ id: this.id, ...(this.state.policy ? { policy: this.state.policy } : {}) })
    this.lastFetchMs = performance.now() - started
    this.fetching = false
    // applied even when nobody listens any more: the data is right, and a later subscriber starts from it
    if (!result.ok) {
      this.set({ status: this.state.session ? 'ready' : 'error', error: result.error })
    } else {
      const { session, analysis } = result.value
      const samples = inSeqOrder(result.value.samples)
      const lastSeq = samples.length ? samples[samples.length - 1]!.seq : -1
      const newer = this.state.samples.filter((s) => s.seq > lastSeq)
      this.set({ status: 'ready', session, samples: mergeSamples(samples, newer), analysis, error: null })
    }
    if (this.again) {
      this.again = false
      if (this.listeners.size > 0) this.scheduleRefresh()
    }
  }
}

/** The live state of one watch session; remount (key by id) to follow another session. */
export function useWatchSession(id: string, policy: TtlPolicy | null = null): { state: WatchSessionState; store: WatchSessionStore } {
  const [store] = useState(() => new WatchSessionStore(id, policy))
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return { state, store }
}
