import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { POLITENESS_DEFAULTS, Politeness, classifyBy } from '../../../electron/dns/pool/politeness'

const target = (host: string) => ({ transport: 'udp' as const, host, port: 53 })

describe('politeness', () => {
  it('is gentlest with public resolvers and leaves loopback unthrottled by rate', () => {
    const p = new Politeness(classifyBy(new Set(['9.9.9.9'])))
    expect(p.limitsFor(target('9.9.9.9'))).toEqual(POLITENESS_DEFAULTS.public)
    expect(p.limitsFor(target('192.0.2.53'))).toEqual(POLITENESS_DEFAULTS.other)
    expect(p.limitsFor(target('127.0.0.1'))).toEqual(POLITENESS_DEFAULTS.loopback)
    expect(POLITENESS_DEFAULTS.public.qps).toBeLessThan(POLITENESS_DEFAULTS.other.qps)
    expect(POLITENESS_DEFAULTS.public.concurrency).toBeLessThan(POLITENESS_DEFAULTS.other.concurrency)
  })

  it('never runs more than the concurrency limit at once', async () => {
    const p = new Politeness(() => 'other', { concurrency: 3, qps: Infinity })
    let running = 0
    let peak = 0
    await Promise.all(
      Array.from({ length: 20 }, () =>
        p.run(target('192.0.2.1'), undefined, async () => {
          running++
          peak = Math.max(peak, running)
          await new Promise((resolve) => setTimeout(resolve, 5))
          running--
        })
      )
    )
    expect(peak).toBe(3)
  })

  it('paces starts to the rate after a one-second burst', async () => {
    const p = new Politeness(() => 'other', { concurrency: 100, qps: 20 })
    const t0 = performance.now()
    // 20 start at once (the burst), 10 more need about half a second
    await Promise.all(Array.from({ length: 30 }, () => p.run(target('192.0.2.1'), undefined, async () => undefined)))
    expect(performance.now() - t0).toBeGreaterThanOrEqual(400)
  })

  it('lets a waiting query go when it is cancelled', async () => {
    const p = new Politeness(() => 'other', { concurrency: 1, qps: Infinity })
    let release!: () => void
    const first = p.run(target('192.0.2.1'), undefined, () => new Promise<void>((resolve) => (release = resolve)))
    const abort = new AbortController()
    const second = p.run(target('192.0.2.1'), abort.signal, async () => 'ran')
    abort.abort()
    await expect(second).rejects.toMatchObject({ code: 'cancelled' })
    release()
    await first
  })
})
