import { performance } from 'node:perf_hooks'
import { families, type Viewpoint, type WatchSample, type WatchSession } from '@shared/inspector'
import { observeRrset } from './follow-chain'
import type { Ask, AuthoritativeDeps } from './query-port'
import type { ObservationStore } from './observation-store'
import { formatResolver } from '@shared/resolver-target'
import { discoverAuthoritative, observeAtServers, type AuthoritativeSetup } from './watch-authoritative'
import { expiryDelayMs, toSample, type ProbeKey } from './watch-probe'
import type { ResolverTarget } from '@shared/dns'
import type { WatchStore } from './watch-store'

/** One running watch: what it samples, and the timers and queries to cancel when it ends. */
export interface Running {
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

export interface SamplingDeps {
  store: WatchStore
  onSample?: (sample: WatchSample) => void
  /** The session changed (its zones' servers became known). */
  onSession?: (id: string) => void
  observations?: ObservationStore
}

export const keysFor = (viewpoint: Viewpoint, resolverIndex: number): ProbeKey[] =>
  (['apex', 'target'] as const).flatMap((side) => families.map((family) => ({ viewpoint, resolverIndex, side, family })))

/** Samples `keys` of one watch, in rounds at its interval or each when its answer's TTL runs out. */
export function sample(run: Running, keys: readonly ProbeKey[], deps: SamplingDeps): void {
  if (run.mode === 'interval') track(run, round(run, keys, 0, deps))
  else for (const key of keys) track(run, expiryLoop(run, key, deps))
}

/** Finds the zones' own servers and the ALIAS record, then samples them beside the resolvers. */
export function joinAuthoritative(
  run: Running,
  port: number,
  known: { apex?: ResolverTarget[]; target?: ResolverTarget[] } | undefined,
  deps: SamplingDeps
): void {
  const join = async (): Promise<void> => {
    const setup = await discoverAuthoritative(run.asks[0]!, run.apex, run.target, port, run.authDeps, known)
    if (run.controller.signal.aborted) return
    run.auth = setup
    deps.store.setAuthoritative(
      run.id,
      { apexServers: setup.apex.map(formatResolver), targetServers: setup.target.map(formatResolver), ...(setup.problem ? { problem: setup.problem } : {}) },
      setup.aliasRecord
    )
    deps.onSession?.(run.id)
    // its own rounds: a slow or silent zone server never holds up the resolvers' samples
    if (setup.apex.length > 0 && setup.target.length > 0) sample(run, keysFor('authoritative', 0), deps)
  }
  track(run, join())
}

/** Runs `task` after `ms` unless the watch ended first. */
export function later(run: Running, ms: number, task: () => Promise<void>): void {
  if (run.controller.signal.aborted) return
  const timer = setTimeout(() => {
    run.timers.delete(timer)
    if (!run.controller.signal.aborted) track(run, task())
  }, Math.max(0, ms))
  run.timers.add(timer)
}

async function probe(run: Running, key: ProbeKey, deps: SamplingDeps): Promise<WatchSample | undefined> {
  const name = key.side === 'apex' ? run.apex : run.target
  const { observation, server } =
    key.viewpoint === 'resolver'
      ? { observation: await observeRrset(run.asks[key.resolverIndex]!, name, key.family), server: undefined }
      : await observeAtServers(key.side === 'apex' ? run.auth!.apex : run.auth!.target, name, key.family, run.authDeps)
  if (run.controller.signal.aborted) return undefined
  const sample = toSample(observation, key, run.id, run.seq++, run.startedAtMonoMs, server)
  deps.store.addSample(sample)
  deps.onSample?.(sample)
  if (sample.status === 'ok') {
    deps.observations?.record([
      { name, side: key.side, family: key.family, values: sample.values, ...(sample.ttl !== undefined ? { ttl: sample.ttl } : {}), seenAtWallMs: sample.receivedAtWallMs, source: server ?? `watch ${key.resolverIndex}` }
    ])
  }
  return sample
}

async function round(run: Running, keys: readonly ProbeKey[], index: number, deps: SamplingDeps): Promise<void> {
  await Promise.all(keys.map((key) => probe(run, key, deps)))
  if (run.controller.signal.aborted) return
  const period = run.intervalSeconds * 1000
  const elapsed = performance.now() - run.startedAtMonoMs
  // a round that overran skips the slots it missed rather than bunching up
  const next = Math.max(index + 1, Math.floor(elapsed / period) + 1)
  later(run, next * period - elapsed, () => round(run, keys, next, deps))
}

async function expiryLoop(run: Running, key: ProbeKey, deps: SamplingDeps): Promise<void> {
  const sample = await probe(run, key, deps)
  if (!sample || run.controller.signal.aborted) return
  later(run, expiryDelayMs(sample, run.intervalSeconds), () => expiryLoop(run, key, deps))
}

/** Unexpected failures inside a running watch are logged; the watch goes on. */
function track(run: Running, task: Promise<void>): void {
  const tracked: Promise<void> = task
    .catch((error: unknown) => console.error(error))
    .finally(() => run.inflight.delete(tracked))
  run.inflight.add(tracked)
}
