import type { TtlPolicy, WatchSample, WatchSession } from '@shared/inspector'
import { stalenessBound } from './staleness-bound'

export interface WatchAlert {
  kind: 'stale' | 'resolver-failing'
  sessionId: string
  title: string
  body: string
}

/** Error samples in a row, through one resolver, before it counts as failing (one lost packet is not news). */
const FAILING_AFTER = 2

interface PairState {
  apex?: WatchSample
  target?: WatchSample
  apexTtl: number
  targetTtl: number
  staleSinceMs?: number
  alerted: boolean
}

interface ResolverState {
  errorsInARow: number
  alerted: boolean
}

const seconds = (ms: number) => Math.round(ms / 1000)

/**
 * Watches the samples of running watches and says when something goes wrong, once per episode: the apex keeps
 * serving addresses the target no longer has for longer than its TTLs allow (the staleness bound), or a resolver
 * that answered starts failing. The desktop host turns these into OS notifications.
 */
export class WatchAlerts {
  private readonly sessions = new Map<string, WatchSession>()
  private readonly pairs = new Map<string, PairState>()
  private readonly resolvers = new Map<string, ResolverState>()

  constructor(
    private readonly notify: (alert: WatchAlert) => void,
    private readonly policy: TtlPolicy = 'min'
  ) {}

  onState(session: WatchSession): void {
    if (session.state === 'running') return void this.sessions.set(session.id, session)
    this.sessions.delete(session.id)
    for (const map of [this.pairs, this.resolvers]) {
      for (const key of map.keys()) if (key.startsWith(`${session.id}|`)) map.delete(key)
    }
  }

  onSample(sample: WatchSample): void {
    const session = this.sessions.get(sample.sessionId)
    if (!session) return
    const label = session.labels[sample.resolverIndex] ?? `resolver ${sample.resolverIndex + 1}`
    this.checkResolver(session, sample, label)
    this.checkStaleness(session, sample, label)
  }

  private checkResolver(session: WatchSession, sample: WatchSample, label: string): void {
    const key = `${session.id}|${sample.resolverIndex}`
    const state = this.resolvers.get(key) ?? { errorsInARow: 0, alerted: false }
    this.resolvers.set(key, state)
    if (sample.status !== 'error') {
      state.errorsInARow = 0
      state.alerted = false
      return
    }
    state.errorsInARow++
    if (state.errorsInARow < FAILING_AFTER || state.alerted) return
    state.alerted = true
    const reason = sample.error ? `${sample.error.code}: ${sample.error.message.slice(0, 160)}` : 'no answer'
    this.notify({
      kind: 'resolver-failing',
      sessionId: session.id,
      title: `${label} is failing`,
      body: `While watching ${session.apex}, ${label} stopped answering (${reason}).`
    })
  }

  private checkStaleness(session: WatchSession, sample: WatchSample, label: string): void {
    const key = `${session.id}|${sample.resolverIndex}|${sample.family}`
    const state = this.pairs.get(key) ?? { apexTtl: 0, targetTtl: 0, alerted: false }
    this.pairs.set(key, state)
    if (sample.status !== 'ok') return
    if (sample.side === 'apex') {
      state.apex = sample
      state.apexTtl = Math.max(state.apexTtl, sample.ttl ?? 0)
    } else {
      state.target = sample
      state.targetTtl = Math.max(state.targetTtl, sample.ttl ?? 0)
    }
    if (!state.apex || !state.target) return
    const targetValues = new Set(state.target.values)
    // the apex still hands out an address its target no longer has
    const stale = state.apex.values.some((value) => !targetValues.has(value))
    if (!stale) {
      state.staleSinceMs = undefined
      state.alerted = false
      return
    }
    state.staleSinceMs ??= Math.max(state.apex.elapsedMs, state.target.elapsedMs)
    const bound = stalenessBound(this.policy, state.targetTtl, state.apexTtl)
    const lasted = sample.elapsedMs - state.staleSinceMs
    if (state.alerted || lasted <= bound.seconds * 1000) return
    state.alerted = true
    this.notify({
      kind: 'stale',
      sessionId: session.id,
      title: `${session.apex} is stale`,
      body: `Through ${label}, ${session.apex} ${sample.family} has served addresses ${session.target} no longer has for ${seconds(lasted)} s, beyond the ${bound.seconds} s its TTLs allow.`
    })
  }
}
