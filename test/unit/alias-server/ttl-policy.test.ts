import { describe, expect, it } from 'vitest'
import { remainingTtl } from '@shared/ttl'
import { refreshAheadAfterMs, servedTtl } from '../../../electron/alias-server/ttl-policy'

const T0 = 1_000_000

describe('TTL policies', () => {
  it('counts the target TTL down in whole seconds, never below 0', () => {
    expect(remainingTtl(30, T0, T0)).toBe(30)
    expect(remainingTtl(30, T0, T0 + 999)).toBe(30)
    expect(remainingTtl(30, T0, T0 + 1000)).toBe(29)
    expect(remainingTtl(30, T0, T0 + 45_000)).toBe(0)
  })

  it("'min' serves min(ALIAS TTL, target TTL left), counting down", () => {
    expect(servedTtl('min', 60, 300, T0, T0)).toBe(60)
    expect(servedTtl('min', 60, 300, T0, T0 + 250_000)).toBe(50)
    expect(servedTtl('min', 300, 20, T0, T0 + 5_000)).toBe(15)
  })

  it("'fixed' serves min(ALIAS TTL, target TTL as fetched) and does not count down", () => {
    expect(servedTtl('fixed', 60, 300, T0, T0 + 250_000)).toBe(60)
    expect(servedTtl('fixed', 300, 20, T0, T0 + 5_000)).toBe(20)
  })

  it("'passthrough' serves the target TTL left, above the ALIAS TTL too", () => {
    expect(servedTtl('passthrough', 60, 300, T0, T0 + 10_000)).toBe(290)
    expect(servedTtl('passthrough', 600, 20, T0, T0 + 5_000)).toBe(15)
  })

  it('refreshes ahead at 90 % of the TTL, or 2 s before expiry when that is earlier, never before half-way', () => {
    expect(refreshAheadAfterMs(300)).toBe(270_000)
    expect(refreshAheadAfterMs(10)).toBe(8_000)
    expect(refreshAheadAfterMs(2)).toBe(1_000)
    expect(refreshAheadAfterMs(0)).toBe(0)
  })
})
