import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { ResolverTarget } from '@shared/dns'
import type { TtlPolicy, WatchDetail, WatchSample, WatchSession } from '@shared/inspector'
import { ServiceError } from '@shared/errors'
import { queryOptions } from './inspect'
import { typedName } from '../dns/names'
import { askVia, engineQuery, type QueryFn } from './query-port'
import type { ObservationStore } from './observation-store'
import { analyzeStaleness } from './staleness'
import { watchCsv, watchJson } from './watch-export'
import { parseWatchExport } from './watch-import'
import { joinAuthoritative, keysFor, later, sample, type Running, type SamplingDeps } from './watch-sampling'
import { WATCH_DB_FILE, WatchStore } from './watch-store'
import { openCheckedWatchStore } from './watch-store-recovery'
import { resolverLabel } from '@shared/resolver-target'

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
  /** The running lab's TTL rule when it serves the apex: kept in the session, so the bound uses the rule in force. */
  ttlRule?: TtlPolicy
}

const MAX_RUNNING = 16

/** The server's TTL rule asked for; or, as a function of the session's apex, the rule to assume when the session recorded none. */
type PolicyFor = TtlPolicy | ((apex: string) => TtlPolicy)

export interface WatchServiceOptions {
  store: WatchStore
  queryFn?: QueryFn
  onSample?: (sample: WatchSample) => void
  onState?: (session: WatchSession) => void
  /** Target and apex sets seen are remembered here for later verdicts. */
  observations?: ObservationStore
}

/**
 * Runs watch sessions: samples the apex and the target (A and AAAA, through every resolver) at a
 * fixed interval or when each answer's TTL runs out, stores every sample and streams it.
 */
export class WatchService {
  private readonly running = new Map<string, Running>()
  private readonly store: WatchStore
  private readonly deps: SamplingDeps
  private readonly queryFn: QueryFn
  private closed = false

  constructor(private readonly options: WatchServiceOptions) {
    this.store = options.store
    this.queryFn = options.queryFn ?? engineQuery
    this.deps = { ...options, onSession: (id) => this.options.onState?.(this.session(id)) }
  }

  start(request: WatchRequest): WatchSession {
    this.assertOpen()
    if (this.running.size >= MAX_RUNNING) throw new ServiceError('conflict', `at most ${MAX_RUNNING} watches can run at once; stop one first`)
    const id = randomUUID()
    const controller = new AbortController()
    const options = queryOptions(request.timeoutMs)
    const run: Running = {
      id,
      apex: typedName(request.apex),
      target: typedName(request.target),
      intervalSeconds: request.intervalSeconds,
      asks: request.resolvers.map((r) => askVia(this.queryFn, r, options, controller.signal)),
      mode: request.mode,
      keys: [],
      authDeps: { queryFn: this.queryFn, options, signal: controller.signal },
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
      startedAtWallMs: Date.now(),
      ...(request.ttlRule ? { ttlRule: request.ttlRule } : {})
    })
    this.running.set(id, run)
    run.keys = request.resolvers.flatMap((_, resolverIndex) => keysFor('resolver', resolverIndex))
    sample(run, run.keys, this.deps)
    if (request.authoritative !== false) joinAuthoritative(run, request.authoritativePort ?? 53, request.authoritativeServers, this.deps)
    if (request.durationSeconds !== undefined) {
      later(run, request.durationSeconds * 1000, async () => void this.end(id, 'finished'))
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

  /** A rule the session recorded at start (the lab's then in force) wins over a rule function's. */
  get(id: string, policy: PolicyFor = 'min'): WatchDetail {
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
      policy: typeof policy === 'function' ? (session.ttlRule ?? policy(session.apex)) : policy,
      samplingResolutionMs,
      ...(session.aliasRecord ? { aliasTtl: session.aliasRecord.ttl } : {}),
      ...(auth ? { authoritativeLabel: `zones' own servers (apex at ${auth.apexServers.join(', ') || '?'}; target at ${auth.targetServers.join(', ') || '?'})` } : {})
    })
    return { session, samples, analysis }
  }

  export(id: string, format: 'json' | 'csv', policy: PolicyFor = 'min'): string {
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
