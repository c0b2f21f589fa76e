import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { ResolverTarget } from '@shared/dns'
import type { Family, TtlPolicy, Viewpoint, WatchDetail, WatchSample, WatchSession } from '@shared/inspector'
import { ServiceError } from '@shared/errors'
import { observeRrset } from './follow-chain'
import { queryOptions } from './inspect'
import { typedName } from '../dns/names'
import { askVia, engineQuery, type Ask, type QueryFn } from './query-port'
import type { ObservationStore } from './observation-store'
import { analyzeStaleness } from './staleness'
import { discoverAuthoritative, observeAtServers, type AuthoritativeDeps, type AuthoritativeSetup } from './watch-authoritative'
import { watchCsv, watchJson } from './watch-export'
import { parseWatchExport } from './watch-import'
import { expiryDelayMs, toSample, type ProbeKey } from './watch-probe'
import { WATCH_DB_FILE, WatchStore } from './watch-store'
import { openCheckedWatchStore } from './watch-store-recovery'
import { formatResolver, resolverLabel } from '@shared/resolver-target'

export interface WatchRequest {
  apex: string
  target: string
  resolvers: ResolverTarget[]
  mode: WatchSession['mode']
  intervalSeconds: number
  durationSeconds?: number
  timeoutMs?: number
  /** Also sample the zones' own servers (the authoritative viewpoint; default true). */
  authoritative?: boolean
  /** Port of the zones' own servers (default 53). */
  authoritativePort?: number
  /** The zones' own servers, when known (tests, the lab); otherwise found through the first resolver. */
  authoritativeServers?: { apex?: ResolverTarget[]; target?: ResolverTarget[] }
}

export interface WatchServiceOptions {
  store: WatchStore
  queryFn?: QueryFn
  onSample?: (sample: WatchSample) => void
  onState?: (session: WatchSession) => void
  /** Unexpected failures inside a running watch (the watch goes on). */
  logError?: (error: unknown) => void
  maxRunning?: number
  /** Target and apex sets seen are remembered here for later verdicts. */
  observations?: ObservationStore
}

interface Running {
  id: string
  apex: string
  target: string
  intervalSeconds: number
  asks: Ask[]
  mode: WatchSession['mode']
  /** The resolvers' probes; the authoritative ones start once the zones' servers are known. */
  keys: ProbeKey[]
  auth?: AuthoritativeSetup
  authDeps: AuthoritativeDeps
  controller: AbortController
  timers: Set<NodeJS.Timeout>
  inflight: Set<Promise<void>>
  seq: number
  startedAtMonoMs: number
}

const FAMILIES: readonly Family[] = ['A', 'AAAA']

const keysFor = (viewpoint: Viewpoint, resolverIndex: number): ProbeKey[] =>
  (['apex', 'target'] as const).flatMap((side) => FAMILIES.map((family) => ({ viewpoint, resolverIndex, side, family })))

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
      apex: typedName(request.apex),
      target: typedName(request.target),
      intervalSeconds: request.intervalSeconds,
      asks: request.resolvers.map((r) => askVia(this.options.queryFn ?? engineQuery, r, options, controller.signal)),
      mode: request.mode,
      keys: [],
      authDeps: { queryFn: this.options.queryFn ?? engineQuery, options, signal: controller.signal },
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
      labels: request.resolvers.map((r) => resolverLabel(r)),
      mode: request.mode,
      intervalSeconds: request.intervalSeconds,
      ...(request.durationSeconds !== undefined ? { durationSeconds: request.durationSeconds } : {}),
      state: 'running',
      startedAtWallMs: Date.now()
    })
    this.running.set(id, run)
    run.keys = request.resolvers.flatMap((_, resolverIndex) => keysFor('resolver', resolverIndex))
    if (request.mode === 'interval') this.track(run, this.round(run, run.keys, 0))
    else for (const key of run.keys) this.track(run, this.expiryLoop(run, key))
    if (request.authoritative !== false) this.track(run, this.joinAuthoritative(run, request))
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

  /** `policy`: the server's TTL rule, or a function of the session's apex giving it. */
  get(id: string, policy: TtlPolicy | ((apex: string) => TtlPolicy) = 'min'): WatchDetail {
    this.assertOpen()
    const session = this.session(id)
    const samples = this.store.samples(id)
    const targetTtls = samples.flatMap((s) => (s.side === 'target' && s.ttl !== undefined ? [s.ttl] : []))
    const samplingResolutionMs =
      session.mode === 'interval' ? session.intervalSeconds * 1000 : Math.max(1, ...targetTtls) * 1000
    const auth = session.authoritative
    const analysis = analyzeStaleness({
      samples,
      labels: session.labels,
      policy: typeof policy === 'function' ? policy(session.apex) : policy,
      samplingResolutionMs,
      ...(session.aliasRecord ? { aliasTtl: session.aliasRecord.ttl } : {}),
      ...(auth ? { authoritativeLabel: `zones' own servers (apex at ${auth.apexServers.join(', ') || '?'}; target at ${auth.targetServers.join(', ') || '?'})` } : {})
    })
    return { session, samples, analysis }
  }

  export(id: string, format: 'json' | 'csv', policy: TtlPolicy | ((apex: string) => TtlPolicy) = 'min'): string {
    const detail = this.get(id, policy)
    return format === 'json' ? watchJson(detail) : watchCsv(detail)
  }

  remove(id: string): { id: string } {
    this.assertOpen()
    if (this.running.has(id)) this.end(id, 'stopped')
    if (!this.store.removeSession(id)) throw new ServiceError('not-found', `no watch session ${id}`)
    return { id }
  }

  /**
   * Imports a watch export (JSON) as a new session with a new id; a session that was running when it was
   * exported is marked interrupted, since nothing samples it here.
   */
  import(text: string, name?: string): WatchSession {
    this.assertOpen()
    const { session, samples } = parseWatchExport(text, name)
    const id = randomUUID()
    const state = session.state === 'running' ? 'interrupted' : session.state
    const { sampleCount: _count, ...rest } = session
    this.store.importSession(
      { ...rest, id, state, endedAtWallMs: session.endedAtWallMs ?? session.startedAtWallMs },
      samples.map((sample) => ({ ...sample, sessionId: id }))
    )
    const imported = this.session(id)
    this.options.onState?.(imported)
    return imported
  }

  /** How many watches are sampling now. */
  runningCount(): number {
    return this.running.size
  }

  /** Stops every running watch cleanly (state 'stopped'), e.g. when the person closes the window. */
  stopAll(): void {
    for (const id of [...this.running.keys()]) this.end(id, 'stopped')
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

  /** Finds the zones' own servers and the ALIAS record, then samples them beside the resolvers. */
  private async joinAuthoritative(run: Running, request: WatchRequest): Promise<void> {
    const setup = await discoverAuthoritative(
      run.asks[0]!,
      run.apex,
      run.target,
      request.authoritativePort ?? 53,
      run.authDeps,
      request.authoritativeServers
    )
    if (run.controller.signal.aborted) return
    run.auth = setup
    const ready = setup.apex.length > 0 && setup.target.length > 0
    this.store.setAuthoritative(
      run.id,
      { apexServers: setup.apex.map(formatResolver), targetServers: setup.target.map(formatResolver), ...(setup.problem ? { problem: setup.problem } : {}) },
      setup.aliasRecord
    )
    this.options.onState?.(this.session(run.id))
    if (!ready) return
    // its own rounds: a slow or silent zone server never holds up the resolvers' samples
    const keys = keysFor('authoritative', 0)
    if (run.mode === 'interval') this.track(run, this.round(run, keys, 0))
    else for (const key of keys) this.track(run, this.expiryLoop(run, key))
  }

  private async probe(run: Running, key: ProbeKey): Promise<WatchSample | undefined> {
    const name = key.side === 'apex' ? run.apex : run.target
    const { observation, server } =
      key.viewpoint === 'resolver'
        ? { observation: await observeRrset(run.asks[key.resolverIndex]!, name, key.family), server: undefined }
        : await observeAtServers(key.side === 'apex' ? run.auth!.apex : run.auth!.target, name, key.family, run.authDeps)
    if (run.controller.signal.aborted) return undefined
    const sample = toSample(observation, key, run.id, run.seq++, run.startedAtMonoMs, server)
    this.store.addSample(sample)
    this.options.onSample?.(sample)
    if (sample.status === 'ok') {
      this.options.observations?.record([
        { name, side: key.side, family: key.family, values: sample.values, ...(sample.ttl !== undefined ? { ttl: sample.ttl } : {}), seenAtWallMs: sample.receivedAtWallMs, source: server ?? `watch ${key.resolverIndex}` }
      ])
    }
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
