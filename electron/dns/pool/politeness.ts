import { performance } from 'node:perf_hooks'
import type { ResolverTarget } from '@shared/dns'
import { ServiceError } from '@shared/errors'
import { isLoopback } from '@shared/resolver-target'

export interface ResolverLimits {
  /** Queries in flight at once to this resolver. */
  concurrency: number
  /** Queries started per second (token bucket, bursts up to one second's worth). */
  qps: number
}

/** Defaults: our own machine is ours to load; anyone else's server gets fewer; public presets fewest. */
export const POLITENESS_DEFAULTS = {
  loopback: { concurrency: 512, qps: Infinity },
  other: { concurrency: 64, qps: 500 },
  public: { concurrency: 16, qps: 50 }
} as const satisfies Record<string, ResolverLimits>

export type ResolverClass = keyof typeof POLITENESS_DEFAULTS

class Bucket {
  private tokens: number
  private last = performance.now()
  private running = 0
  private readonly waiting: Array<() => void> = []
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly limits: ResolverLimits) {
    this.tokens = Number.isFinite(limits.qps) ? Math.max(1, limits.qps) : Infinity
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new ServiceError('cancelled', 'query cancelled'))
    return new Promise((resolve, reject) => {
      const go = (): void => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }
      const onAbort = (): void => {
        const i = this.waiting.indexOf(go)
        if (i >= 0) this.waiting.splice(i, 1)
        reject(new ServiceError('cancelled', 'query cancelled'))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiting.push(go)
      this.pump()
    })
  }

  /** Takes a turn at once when one is free and nobody waits (no promise on the hot path). */
  tryAcquire(): boolean {
    if (this.waiting.length > 0 || this.running >= this.limits.concurrency) return false
    this.refill()
    if (this.tokens < 1) return false
    this.tokens--
    this.running++
    return true
  }

  release(): void {
    this.running--
    this.pump()
  }

  private refill(): void {
    if (!Number.isFinite(this.limits.qps)) return
    const now = performance.now()
    this.tokens = Math.min(Math.max(1, this.limits.qps), this.tokens + ((now - this.last) / 1000) * this.limits.qps)
    this.last = now
  }

  private pump(): void {
    this.refill()
    while (this.waiting.length > 0 && this.running < this.limits.concurrency && this.tokens >= 1) {
      this.tokens--
      this.running++
      this.waiting.shift()!()
    }
    if (this.waiting.length > 0 && this.running < this.limits.concurrency && !this.timer) {
      const wait = Math.max(1, ((1 - this.tokens) / this.limits.qps) * 1000)
      this.timer = setTimeout(() => {
        this.timer = undefined
        this.pump()
      }, wait)
    }
  }
}

/** Per-resolver concurrency and rate limits; a query waits for its turn before it is sent. */
export class Politeness {
  private readonly buckets = new Map<string, Bucket>()
  // callers reuse one resolver object for thousands of queries: its bucket without building the key
  private readonly byTarget = new WeakMap<ResolverTarget, Bucket>()

  constructor(
    private readonly classify: (target: ResolverTarget) => ResolverClass,
    private readonly overrides: Partial<ResolverLimits> = {}
  ) {}

  limitsFor(target: ResolverTarget): ResolverLimits {
    return { ...POLITENESS_DEFAULTS[this.classify(target)], ...this.overrides }
  }

  private bucketFor(target: ResolverTarget): Bucket {
    const known = this.byTarget.get(target)
    if (known) return known
    const key = `${target.transport}|${target.host}|${target.port}|${target.url ?? ''}`
    let bucket = this.buckets.get(key)
    if (!bucket) {
      bucket = new Bucket(this.limitsFor(target))
      this.buckets.set(key, bucket)
    }
    this.byTarget.set(target, bucket)
    return bucket
  }

  run<T>(target: ResolverTarget, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    const bucket = this.bucketFor(target)
    if (signal?.aborted) return Promise.reject(new ServiceError('cancelled', 'query cancelled'))
    if (bucket.tryAcquire()) return held(bucket, work)
    return bucket.acquire(signal).then(() => held(bucket, work))
  }
}

function held<T>(bucket: Bucket, work: () => Promise<T>): Promise<T> {
  let running: Promise<T>
  try {
    running = work()
  } catch (err) {
    bucket.release()
    return Promise.reject(err)
  }
  return running.then(
    (value) => {
      bucket.release()
      return value
    },
    (err: unknown) => {
      bucket.release()
      throw err
    }
  )
}

/** Loopback is 'loopback'; the given public addresses are 'public'; anything else 'other'. */
export function classifyBy(publicHosts: ReadonlySet<string>): (target: ResolverTarget) => ResolverClass {
  return (target) => {
    const host = target.host.replace(/^\[|\]$/g, '').toLowerCase()
    if (isLoopback(host)) return 'loopback'
    return publicHosts.has(host) ? 'public' : 'other'
  }
}
