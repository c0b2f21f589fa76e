import { describe, expect, it } from 'vitest'
import type { WatchSample } from '@shared/inspector'
import { expiryDelayMs, toSample } from '../../../electron/inspector/watch-probe'
import { rrset } from '../../support/rrset'

const observation = rrset(
  'cdn.example.test.',
  'AAAA',
  ['2001:DB8::2', '2001:db8:0::1'].map((data) => ({ name: 'pop.example.test.', type: 'AAAA', ttl: 30, data, receivedAtWallMs: 1_700_000_005_000, receivedAtMonoMs: 6_000 })),
  { chain: [{ name: 'cdn.example.test.', target: 'pop.example.test.', ttl: 20 }], chainEnd: 'pop.example.test.', effectiveTtl: 20, durationMs: 3, receivedAtWallMs: 1_700_000_005_000, receivedAtMonoMs: 6_000 }
)

describe('toSample', () => {
  it('keeps the canonical sorted set, the chain TTL and the time since the session started', () => {
    expect(toSample(observation, { viewpoint: 'resolver', resolverIndex: 1, side: 'target', family: 'AAAA' }, 's', 7, 1_000)).toEqual({
      sessionId: 's',
      seq: 7,
      viewpoint: 'resolver',
      resolverIndex: 1,
      side: 'target',
      family: 'AAAA',
      elapsedMs: 5_000,
      receivedAtWallMs: 1_700_000_005_000,
      receivedAtMonoMs: 6_000,
      status: 'ok',
      values: ['2001:db8::1', '2001:db8::2'],
      ttl: 20,
      chainEnd: 'pop.example.test.'
    })
  })
})

describe('expiryDelayMs', () => {
  const base = toSample(observation, { viewpoint: 'resolver', resolverIndex: 0, side: 'apex', family: 'AAAA' }, 's', 0, 0)
  it.each([
    { name: 'TTL 20 s: just after it runs out', sample: base, ms: 20_050 },
    { name: 'TTL 0: the 1 s floor', sample: { ...base, ttl: 0 }, ms: 1_050 },
    { name: 'an error: the interval', sample: { ...base, status: 'error', ttl: undefined } as WatchSample, ms: 30_050 },
    { name: 'no data (no TTL): the interval', sample: { ...base, status: 'nodata', values: [], ttl: undefined } as WatchSample, ms: 30_050 }
  ])('$name', ({ sample, ms }) => {
    expect(expiryDelayMs(sample, 30)).toBe(ms)
  })
})
