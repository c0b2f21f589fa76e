import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { ResolverTarget } from '@shared/dns'
import type { Family, TtlPolicy, WatchDetail, WatchSample, WatchSession } from '@shared/inspector'
import { ServiceError } from '../api/service-error'
import { resolverToText } from '../resolvers/resolver-text'
import { observeRrset } from './follow-chain'
import { queryOptions } from './inspect'
import { canonicalName } from './names'
import { askVia, engineQuery, type Ask, type QueryFn } from './query-port'
import { analyzeStaleness } from './staleness'
import { watchCsv, watchJson } from './watch-export'
import { expiryDelayMs, toSample, type ProbeKey } from './watch-probe'
import { WATCH_DB_FILE, WatchStore } from './watch-store'
import { openCheckedWatchStore } from './watch-store-recovery'

export interface WatchRequest {
  apex: string
  target: string
  resolvers: ResolverTarget[]
  mode: WatchSession['mode']
  intervalSeconds: number
  durationSeconds?: number
  timeoutMs?: number
}

export interface WatchServiceOptions {
  store: WatchStore
  queryFn?: QueryFn
  onSample?: (sample: WatchSample) => void
  onState?: (session: WatchSession) => void
  /** Unexpected failures inside a running watch (the watch goes on). */
  logError?: (error: unknown) => void
  maxRunning?: number
}

interface Running {
  id: string
  apex: string
  target: string
  intervalSeconds: number
  asks: Ask[]
  controller: AbortController
  timers: Set<NodeJS.Timeout>
  inflight: Set<Promise<void>>
  seq: number
  startedAtMonoMs: number
}

const FAMILIES: readonly Family[] = ['A', 'AAAA']

/**
 * Runs watch sessions: samples the apex and the target (A and AAAA, through every resolver) at a
 * fixed interval or when each answer's TTL runs out, stores every sample and streams it.
 */
export class WatchService {
  private readonly running = new Map<string, Running>()
  private readonly store: WatchStore
  private closed = false

  constructor(private readonly options: WatchServiceOptions) {
    this.store = options.store
  }

  start(request: WatchRequest): WatchSession {
    this.assertOpen()
    if (this.running.size >= (this.options.maxRunning ?? 16)) {
      throw new ServiceError('conflict', `at most ${this.options.maxRunning ?? 16} watches can run at once; stop one first`)
    }
    const id = randomUUID()
    const controller = new AbortController()
    const options = queryOptions(request.timeoutMs)
    const run: Running = {
      id,
      apex: canonicalName(request.apex),
      target: canonicalName(request.target),
      intervalSeconds: request.intervalSeconds,
      asks: request.resolvers.map((r) => askVia(this.options.queryFn ?? engineQuery, r, options, controller.signal)),
      controller,
      timers: new Set(),
      inflight: new Set(),
      seq: 0,
      startedAtMonoMs: performance.now()
    }
    this.store.createSession({
      id,
      apex: run.apex,
      target: run.target,
      resolvers: request.resolvers,
      labels: request.resolvers.map((r) => r.label ?? resolverToText(r)),
      mode: request.mode,
      intervalSeconds: request.intervalSeconds,
      ...(request.durationSeconds !== undefined ? { durationSeconds: request.durationSeconds } : {}),
      state: 'running',
      startedAtWallMs: Date.now()
    })
    this.running.set(id, run)
    const keys: ProbeKey[] = request.resolvers.flatMap((_, resolverIndex) =>
      (['apex', 'target'] as const).flatMap((side) => FAMILIES.map((family) => ({ resolverIndex, side, family })))
    )
    if (request.mode === 'interval') this.track(run, this.round(run, keys, 0))
    else for (const key of keys) this.track(run, this.expiryLoop(run, key))
    if (request.durationSeconds !== undefined) {
      this.later(run, request.durationSeconds * 1000, async () => {
        this.end(id, 'finished')
      })
    }
    const session = this.session(id)
    this.options.onState?.(session)
    return session
  }

  /** Stops a running watch; a watch that already ended is returned as it is. */
  stop(id: string): WatchSession {
    this.assertOpen()
    if (this.running.has(id)) return this.end(id, 'stopped')
    return this.session(id)
  }

  list(): WatchSession[] {
    this.assertOpen()
    return this.store.listSessions()
  }

  get(id: string, policy: TtlPolicy = 'min'): WatchDetail {
    this.assertOpen()
    const session = this.session(id)
    const samples = this.store.samples(id)
    const targetTtls = samples.flatMap((s) => (s.side === 'target' && s.ttl !== undefined ? [s.ttl] : []))
    const samplingResolutionMs =
      session.mode === 'interval' ? session.intervalSeconds * 1000 : Math.max(1, ...targetTtls) * 1000
    const analysis = analyzeStaleness({ samples, labels: session.labels, policy, samplingResolutionMs })
    return { session, samples, analysis }
  }

  export(id: string, format: 'json' | 'csv', policy: TtlPolicy = 'min'): string {
    const detail = this.get(id, policy)
    return format === 'json' ? watchJson(detail) : watchCsv(detail)
  }

  remove(id: string): { id: string } {
    this.assertOpen()
    if (this.running.has(id)) this.end(id, 'stopped')
    if (!this.store.removeSession(id)) throw new ServiceError('not-found', `no watch session ${id}`)
    return { id }
  }

  /** Ends every running watch (as interrupted: the app is closing), waits for queries in flight, closes the store. */
  async dispose(): Promise<void> {
    if (this.closed) return
    const pending = [...this.running.values()].flatMap((run) => [...run.inflight])
    for (const id of [...this.running.keys()]) this.end(id, 'interrupted')
    await Promise.allSettled(pending)
    this.closed = true
    this.store.close()
  }

  private assertOpen(): void {
    if (this.closed) throw new ServiceError('cancelled', 'the watch service is shutting down')
  }

  private session(id: string): WatchSession {
    const session = this.store.getSession(id)
    if (!session) throw new ServiceError('not-found', `no watch session ${id}`)
    return session
  }

  private end(id: string, state: 'stopped' | 'finished' | 'interrupted'): WatchSession {
    const run = this.running.get(id)
    if (run) {
      this.running.delete(id)
      run.controller.abort()
      for (const timer of run.timers) clearTimeout(timer)
      run.timers.clear()
      this.store.setState(id, state, Date.now())
    }
    const session = this.session(id)
    this.options.onState?.(session)
    return session
  }

  private async probe(run: Running, key: ProbeKey): Promise<WatchSample | undefined> {
    const name = key.side === 'apex' ? run.apex : run.target
    const observation = await observeRrset(run.asks[key.resolverIndex]!, name, key.family)
    if (run.controller.signal.aborted) return undefined
    const sample = toSample(observation, key, run.id, run.seq++, run.startedAtMonoMs)
    this.store.addSample(sample)
    this.options.onSample?.(sample)
    return sample
  }

  private async round(run: Running, keys: readonly ProbeKey[], index: number): Promise<void> {
    await Promise.all(keys.map((key) => this.probe(run, key)))
    if (run.controller.signal.aborted) return
    const period = run.intervalSeconds * 1000
    const elapsed = performance.now() - run.startedAtMonoMs
    // a round that overran skips the slots it missed rather than bunching up
    const next = Math.max(index + 1, Math.floor(elapsed / period) + 1)
    this.later(run, next * period - elapsed, () => this.round(run, keys, next))
  }

  private async expiryLoop(run: Running, key: ProbeKey): Promise<void> {
    const sample = await this.probe(run, key)
    if (!sample || run.controller.signal.aborted) return
    this.later(run, expiryDelayMs(sample, run.intervalSeconds), () => this.expiryLoop(run, key))
  }

  private later(run: Running, ms: number, task: () => Promise<void>): void {
    if (run.controller.signal.aborted) return
    const timer = setTimeout(() => {
      run.timers.delete(timer)
      if (!run.controller.signal.aborted) this.track(run, task())
    }, Math.max(0, ms))
    run.timers.add(timer)
  }

  private track(run: Running, task: Promise<void>): void {
    const tracked: Promise<void> = task
      .catch((error: unknown) => (this.options.logError ?? console.error)(error))
      .finally(() => run.inflight.delete(tracked))
    run.inflight.add(tracked)
  }
}

/** Opens `<dataDir>/watch.sqlite`; sessions a previous run left 'running' become 'interrupted'. */
export function openWatchService(
  dataDir: string,
  options: Omit<WatchServiceOptions, 'store'> & { onNotice?: (message: string) => void } = {}
): WatchService {
  const { store, notice } = openCheckedWatchStore(join(dataDir, WATCH_DB_FILE))
  if (notice) options.onNotice?.(notice)
  store.markInterrupted()
  return new WatchService({ ...options, store })
}
