import { describe, expect, it } from 'vitest'
import type { WatchSample } from '@shared/inspector'
import { analyzeStaleness } from '../../../electron/inspector'
import { sample } from '../../support/watch-sample'

type Row = [number, WatchSample['side'], string[], number?]

const X = ['192.0.2.1']
const Y = ['192.0.2.2']
const Z = ['192.0.2.3']
const auth = (list: Row[], family: WatchSample['family'] = 'A', seq0 = 0): WatchSample[] =>
  list.map(([ms, side, values, ttl], i) => sample(seq0 + i, ms, side, values, ttl, { viewpoint: 'authoritative', family }))
const analyze = (samples: WatchSample[]) =>
  analyzeStaleness({ samples, labels: [], policy: 'min', samplingResolutionMs: 1000, aliasTtl: 60 })
const authoritative = (a: ReturnType<typeof analyze>) => a.viewpoints.find((v) => v.viewpoint === 'authoritative')!

/**
 * The zones' own servers: the ALIAS server follows its target within milliseconds, so the apex and the
 * target both show the new set in the same sampling round. Lag and stale time must tell the same story.
 */
describe('a change the apex followed within the target\'s own sampling gap', () => {
  // 1 s rounds; each round asks the target, then the apex 3 ms later
  const rounds = (sets: string[][]): Row[] => sets.flatMap((set, k): Row[] => [[k * 1000, 'target', set, 30], [k * 1000 + 3, 'apex', set, 30]])

  it('is an upper bound of one gap for both the lag and the stale time (not a third of the gap against 3 ms)', () => {
    const a = analyze(auth(rounds([X, X, Y, Y, Z, Z])))
    const v = authoritative(a)
    const changes = a.series[0]!.changes
    expect(changes.map((c) => [c.outcome, c.lagMs, c.lagUpperBound])).toEqual([
      ['followed', 1003, true],
      ['followed', 1003, true]
    ])
    // one rule for both: the stale time is the union of exactly the lags' intervals
    expect(a.series[0]!.mismatchIntervals).toEqual([
      { startMs: 1000, endMs: 2003, durationMs: 1003, open: false },
      { startMs: 3000, endMs: 4003, durationMs: 1003, open: false }
    ])
    expect(v.staleMs).toBe(2006)
    expect(v.maxLagMs).toBe(1003)
    expect(v.maxLagUpperBound).toBe(true)
    expect(v.upperBoundLags).toBe(2)
    expect(a.authoritativeMismatchedMs).toBe(v.staleMs)
    expect(a.summary.join('\n')).toContain('lag max ≤ 1.0 s')
    expect(a.summary.join('\n')).toContain('2 lags are upper bounds')
  })

  it('the apex seen first in the round counts the same gap', () => {
    const rows: Row[] = [[0, 'apex', X], [4, 'target', X], [1000, 'apex', X], [1004, 'target', X], [2000, 'apex', Y], [2004, 'target', Y]]
    const a = analyze(auth(rows))
    const change = a.series[0]!.changes[0]!
    expect(change).toMatchObject({ lastOldMs: 1004, changedAtMs: 1004, followedAtMs: 2004, lagMs: 1000, lagUpperBound: true })
    expect(authoritative(a).staleMs).toBe(change.lagMs)
  })

  it('both families in the same rounds: the stale time is their union, one gap per change', () => {
    const a4 = auth(rounds([X, X, Y, Y]))
    const a6 = auth(rounds([['2001:db8::1'], ['2001:db8::1'], ['2001:db8::2'], ['2001:db8::2']]), 'AAAA', 100)
    const a = analyze([...a4, ...a6])
    expect(a.series.map((s) => s.mismatchedMs)).toEqual([1003, 1003])
    expect(authoritative(a).staleMs).toBe(1003)
    expect(authoritative(a).maxLagMs).toBe(1003)
  })

  it('a follow one round later is a measured lag, not a bound, and agrees with the stale time', () => {
    const rows: Row[] = [...rounds([X, X]), [2000, 'target', Y], [2003, 'apex', X], [3000, 'target', Y], [3003, 'apex', Y]]
    const a = analyze(auth(rows))
    const change = a.series[0]!.changes[0]!
    expect(change.lagUpperBound).toBeUndefined()
    expect(change.lagMs).toBe(1003)
    expect(authoritative(a).maxLagUpperBound).toBeUndefined()
    expect(authoritative(a).staleMs).toBe(1003)
  })

  it('an earlier stale interval is not counted twice when the next change is followed in its own gap', () => {
    // Y followed late (at 2003), then Z followed within its gap: the bound starts where the last interval ended
    const rows: Row[] = [...rounds([X]), [1000, 'target', Y], [1003, 'apex', X], [2000, 'target', Y], [2003, 'apex', Y], [2500, 'target', Z], [2503, 'apex', Z]]
    const a = analyze(auth(rows))
    const [first, second] = a.series[0]!.changes
    expect(first!.lagUpperBound).toBeUndefined()
    expect(second).toMatchObject({ lagMs: 503, lagUpperBound: true })
    expect(a.series[0]!.mismatchIntervals.map((i) => [i.startMs, i.endMs])).toEqual([
      [1000, 2003],
      [2003, 2503]
    ])
  })
})
