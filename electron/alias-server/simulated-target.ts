/**
 * A mutable zone standing in for a CDN: its apex's A/AAAA sets and TTL change live, by hand or on
 * a rotation schedule. Every change is an event carrying its true time, for the staleness analysis.
 */
import { parseInput } from '@shared/errors'
import {
  targetFailureSchema,
  type TargetFailure,
  type TargetFailureInput,
  simulatedRotateInputSchema,
  simulatedSetInputSchema,
  type SimulatedRotateInput,
  type SimulatedSetInput,
  type SimulatedTargetChange,
  type SimulatedTargetState
} from '@shared/alias-server'
import { isAtOrBelow, type Zone, type ZoneRecord } from '../zone'
import { canonicalName } from '../dns/names'

export interface SimulatedTargetOptions {
  /** Default 'cdn.example.test.'. */
  name?: string
  a?: string[]
  aaaa?: string[]
  ttl?: number
  /** Delay of every simulated upstream answer (to make coalescing and refresh-ahead visible). */
  latencyMs?: number
}

export const DEFAULT_SIMULATED_NAME = 'cdn.example.test.'

type Listener = (change: SimulatedTargetChange) => void

/** How the target treats one query of the ALIAS server, from its failure state. */
export interface TargetBehaviour {
  silent: boolean
  servfail: boolean
  delayMs: number
}

const ISSUES = { limit: 100, root: 'input' }

export class SimulatedTarget {
  readonly name: string
  readonly latencyMs: number
  private a: string[]
  private aaaa: string[]
  private ttl: number
  private version = 0
  private changedAt = Date.now()
  private failure: TargetFailure = { state: 'ok' }
  private rotation: { everySeconds: number; sets: Array<{ a: string[]; aaaa: string[]; ttl?: number }>; index: number; nextAt: number; timer: NodeJS.Timeout } | null = null
  private readonly listeners = new Set<Listener>()

  constructor(options: SimulatedTargetOptions = {}) {
    this.name = canonicalName(options.name ?? DEFAULT_SIMULATED_NAME)
    const initial = parseInput(simulatedSetInputSchema, { a: options.a, aaaa: options.aaaa, ttl: options.ttl }, ISSUES)
    this.a = initial.a ?? ['192.0.2.10']
    this.aaaa = initial.aaaa ?? ['2001:db8::10']
    this.ttl = initial.ttl ?? 60
    this.latencyMs = Math.max(0, options.latencyMs ?? 0)
  }

  state(): SimulatedTargetState {
    const r = this.rotation
    return {
      name: this.name,
      a: [...this.a],
      aaaa: [...this.aaaa],
      ttl: this.ttl,
      version: this.version,
      changedAt: this.changedAt,
      failure: { ...this.failure },
      rotation: r ? { everySeconds: r.everySeconds, sets: r.sets.map((s) => ({ ...s })), index: r.index, nextAt: r.nextAt } : null
    }
  }

  /** Changes the sets and/or TTL now (fields left out keep their value). */
  set(input: SimulatedSetInput): SimulatedTargetState {
    const v = parseInput(simulatedSetInputSchema, input, ISSUES)
    this.apply(v.a ?? this.a, v.aaaa ?? this.aaaa, v.ttl ?? this.ttl, 'set')
    return this.state()
  }

  /**
   * Puts the target in a failure state (the failure-mode lab). Caches are left alone: the ALIAS
   * server meets the failure when its cached answer expires, as it would with a real target.
   */
  setFailure(input: TargetFailureInput): SimulatedTargetState {
    this.failure = parseInput(targetFailureSchema, input, ISSUES)
    return this.state()
  }

  behaviourFor(type: 'A' | 'AAAA'): TargetBehaviour {
    const f = this.failure
    const familyFails = f.state === 'family' && f.family === type
    return {
      silent: f.state === 'silent' || (familyFails && f.failure === 'silent'),
      servfail: f.state === 'servfail' || (familyFails && f.failure === 'servfail'),
      delayMs: f.state === 'slow' ? f.delayMs : 0
    }
  }

  /** Applies sets[0] now, then the next set every `everySeconds`, round and round. */
  rotate(input: SimulatedRotateInput): SimulatedTargetState {
    const v = parseInput(simulatedRotateInputSchema, input, ISSUES)
    this.stopRotation()
    const everyMs = v.everySeconds * 1000
    const sets = v.sets.map((s) => ({ a: s.a, aaaa: s.aaaa, ...(s.ttl !== undefined ? { ttl: s.ttl } : {}) }))
    const step = (index: number): void => {
      const s = sets[index]!
      if (this.rotation) {
        this.rotation.index = index
        this.rotation.nextAt = Date.now() + everyMs
      }
      this.apply(s.a, s.aaaa, s.ttl ?? this.ttl, 'rotate')
    }
    const timer = setInterval(() => {
      if (this.rotation) step((this.rotation.index + 1) % sets.length)
    }, everyMs)
    timer.unref()
    this.rotation = { everySeconds: v.everySeconds, sets, index: 0, nextAt: Date.now() + everyMs, timer }
    step(0)
    return this.state()
  }

  stopRotation(): SimulatedTargetState {
    if (this.rotation) clearInterval(this.rotation.timer)
    this.rotation = null
    return this.state()
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The simulated zone as the server serves it: SOA (serial = version) and the apex A/AAAA sets. */
  zone(): Zone {
    const record = (type: string, rdata: string[], ttl: number): ZoneRecord => ({ name: this.name, type, ttl, class: 'IN', rdata, line: 0, column: 0 })
    const soa = [`ns.${this.name}`, `hostmaster.${this.name}`, String(this.version), '3600', '600', '86400', String(this.ttl)]
    return {
      origin: this.name,
      records: [
        record('SOA', soa, this.ttl),
        ...this.a.map((ip) => record('A', [ip], this.ttl)),
        ...this.aaaa.map((ip) => record('AAAA', [ip], this.ttl))
      ]
    }
  }

  /** Addresses of `type` at `name` right now: null when the name is outside the zone. */
  lookup(name: string, type: 'A' | 'AAAA'): { status: 'addresses' | 'nxdomain' | 'nodata'; addresses: string[]; ttl: number } | null {
    if (this.failure.state === 'nxdomain' && isAtOrBelow(name, this.name)) return { status: 'nxdomain', addresses: [], ttl: this.ttl }
    if (this.failure.state === 'nodata' && name === this.name) return { status: 'nodata', addresses: [], ttl: this.ttl }
    if (name === this.name) {
      const addresses = type === 'A' ? [...this.a] : [...this.aaaa]
      return { status: addresses.length > 0 ? 'addresses' : 'nodata', addresses, ttl: this.ttl }
    }
    if (isAtOrBelow(name, this.name)) return { status: 'nxdomain', addresses: [], ttl: this.ttl }
    return null
  }

  close(): void {
    this.stopRotation()
    this.listeners.clear()
  }

  private apply(a: string[], aaaa: string[], ttl: number, reason: SimulatedTargetChange['reason']): void {
    this.a = [...a]
    this.aaaa = [...aaaa]
    this.ttl = ttl
    this.version++
    this.changedAt = Date.now()
    const change: SimulatedTargetChange = { time: this.changedAt, version: this.version, a: [...a], aaaa: [...aaaa], ttl, reason }
    for (const listener of [...this.listeners]) {
      try {
        listener(change)
      } catch {
        // a listener's failure is its own
      }
    }
  }
}
