import { describe, expect, it } from 'vitest'
import { remainingTtl } from '@shared/ttl'
import { cacheAge } from '../../../electron/inspector'

describe('remainingTtl', () => {
  const record = { ttl: 300, receivedAtWallMs: 1_700_000_000_000, receivedAtMonoMs: 5_000 }
  it.each([
    { now: 1_700_000_000_000, clock: 'wall', left: 300 },
    { now: 1_700_000_120_000, clock: 'wall', left: 180 },
    { now: 1_700_000_120_400, clock: 'wall', left: 180 },
    { now: 1_700_000_400_000, clock: 'wall', left: 0 },
    { now: 65_000, clock: 'mono', left: 240 },
    { now: 1_000, clock: 'mono', left: 300 }
  ] as const)('$clock clock at $now → $left s', ({ now, clock, left }) => {
    expect(remainingTtl(record.ttl, clock === 'wall' ? record.receivedAtWallMs : record.receivedAtMonoMs, now)).toBe(left)
  })
})

describe('cacheAge', () => {
  it.each([
    { resolverTtl: 180, authTtl: 300, state: 'cached', held: 120, text: 'cached for 120 s of 300 s' },
    { resolverTtl: 300, authTtl: 300, state: 'full', held: 0, text: 'full TTL (300 s): just fetched, or not cached' },
    { resolverTtl: 0, authTtl: 60, state: 'cached', held: 60, text: 'cached for 60 s of 60 s' },
    { resolverTtl: 3600, authTtl: 300, state: 'above', held: 0, text: /above the authoritative 300 s/ }
  ] as const)('$resolverTtl of $authTtl → $state', ({ resolverTtl, authTtl, state, held, text }) => {
    const age = cacheAge('example.test.', 'A', resolverTtl, authTtl)
    expect(age.state).toBe(state)
    expect(age.cachedForSeconds).toBe(held)
    if (typeof text === 'string') expect(age.text).toBe(text)
    else expect(age.text).toMatch(text)
  })
})
