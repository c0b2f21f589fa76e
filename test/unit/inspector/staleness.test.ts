import { describe, expect, it } from 'vitest'
import type { WatchSample } from '@shared/inspector'
import { analyzeStaleness, stalenessBound } from '../../../electron/inspector'
import { sample } from '../../support/watch-sample'

type Side = WatchSample['side']

/** A synthetic timeline: [ms, side, values, ttl?], in order; seq follows the order given. */
function timeline(rows: [number, Side, string[], number?][], extra: Partial<WatchSample> = {}): WatchSample[] {
  return rows.map(([elapsedMs, side, values, ttl], seq) => sample(seq, elapsedMs, side, values, ttl, extra))
}

const X = ['192.0.2.1']
const Y = ['192.0.2.2']
const Z = ['192.0.2.3']
const analyze = (samples: WatchSample[]) =>
  analyzeStaleness({ samples, labels: ['unbound'], policy: 'min', samplingResolutionMs: 1000 })

describe('analyzeStaleness', () => {
  it('measures the lag of each change from the middle of its window, and the mismatch intervals', () => {
    const a = analyze(
      timeline([
        [0, 'target', X, 5], [0, 'apex', X, 3],
        [1000, 'target', X, 5], [1000, 'apex', X, 3],
        [2000, 'target', Y, 5], [2000, 'apex', X, 3],
        [3000, 'target', Y, 5], [3000, 'apex', X, 3],
        [4000, 'target', Y, 5], [4000, 'apex', Y, 3],
        [5000, 'target', Y, 5], [5000, 'apex', Y, 3],
        [6000, 'target', Z, 5], [6000, 'apex', Y, 3],
        [6500, 'apex', Z, 3],
        [7000, 'target', Z, 5], [7000, 'apex', Z, 3]
      ])
    )
    const [series] = a.series
    expect(series!.changes).toEqual([
      { from: X, to: Y, lastOldMs: 1000, firstNewMs: 2000, changedAtMs: 1500, followedAtMs: 3500, lagMs: 2000, outcome: 'followed' },
      { from: Y, to: Z, lastOldMs: 5000, firstNewMs: 6000, changedAtMs: 5500, followedAtMs: 6250, lagMs: 750, outcome: 'followed' }
    ])
    expect(series!.mismatchIntervals).toEqual([
      { startMs: 2000, endMs: 4000, durationMs: 2000, open: false },
      { startMs: 6000, endMs: 6500, durationMs: 500, open: false }
    ])
    expect(a.mismatchedSamples).toBe(3)
    expect(a.mismatchedMs).toBe(2500)
    expect(a.maxLagMs).toBe(2000)
    expect(a.medianLagMs).toBe(1375)
    expect(a.changes).toBe(2)
    expect(a.followed).toBe(2)
    expect(a.bound).toMatchObject({ targetTtl: 5, apexTtl: 3, servedApexTtl: 3, seconds: 8 })
    expect(a.withinBound).toBe(true)
    expect(a.summary.join('\n')).toMatch(/lag max 2\.0 s, median 1\.4 s/)
  })

  it('marks a change that the target replaced before the apex followed as superseded', () => {
    const a = analyze(
      timeline([
        [0, 'target', X], [0, 'apex', X],
        [1000, 'target', Y], [1000, 'apex', X],
        [2000, 'target', Z], [2000, 'apex', X],
        [3000, 'target', Z], [3000, 'apex', Z]
      ])
    )
    expect(a.series[0]!.changes.map((c) => [c.outcome, c.lagMs])).toEqual([
      ['superseded', undefined],
      ['followed', 1000]
    ])
    expect(a.maxLagMs).toBe(1000)
    expect(a.mismatchedSamples).toBe(2)
  })

  it('counts an apex that showed the new set before the target sample of the same round, as an upper bound', () => {
    const a = analyze(
      timeline([
        [0, 'apex', X], [5, 'target', X],
        [1000, 'apex', X], [1005, 'target', X],
        [2000, 'apex', Y], [2005, 'target', Y]
      ])
    )
    const change = a.series[0]!.changes[0]!
    // the apex changed in the gap where the target changed: their order is unknown, so the whole gap is the bound
    expect(change).toMatchObject({ changedAtMs: 1005, followedAtMs: 2005, lagMs: 1000, lagUpperBound: true, outcome: 'followed' })
    expect(a.series[0]!.mismatchIntervals).toEqual([{ startMs: 1005, endMs: 2005, durationMs: 1000, open: false }])
    expect(a.maxLagUpperBound).toBe(true)
  })

  it('leaves a change the apex never followed pending, with an open interval', () => {
    const a = analyze(timeline([[0, 'target', X], [0, 'apex', X], [1000, 'target', Y], [1000, 'apex', X], [2000, 'apex', X]]))
    expect(a.series[0]!.changes[0]!.outcome).toBe('pending')
    expect(a.series[0]!.mismatchIntervals).toEqual([{ startMs: 1000, endMs: 2000, durationMs: 1000, open: true }])
    expect(a.maxLagMs).toBeUndefined()
    expect(a.followed).toBe(0)
  })

  it('skips failed samples and keeps resolvers and families apart', () => {
    const r0 = timeline([[0, 'target', X], [0, 'apex', X], [1000, 'target', Y], [3000, 'apex', Y]])
    const failed = timeline([[1500, 'apex', []]], { status: 'error', error: { code: 'timeout', message: 't' }, seq: 100 })
    const r1 = timeline([[0, 'target', X], [0, 'apex', X], [1000, 'target', Y], [1200, 'apex', Y]], { resolverIndex: 1 }).map(
      (s) => ({ ...s, seq: s.seq + 200 })
    )
    const aaaa = timeline([[0, 'target', ['2001:db8::1']], [0, 'apex', ['2001:db8::1']]], { family: 'AAAA' }).map((s) => ({ ...s, seq: s.seq + 300 }))
    const a = analyzeStaleness({ samples: [...r0, ...failed, ...r1, ...aaaa], labels: ['one', 'two'], policy: 'min', samplingResolutionMs: 1000 })
    expect(a.series.map((s) => [s.label, s.family, s.maxLagMs ?? null])).toEqual([
      ['one', 'A', 1000],
      ['one', 'AAAA', null],
      // the apex showed the new set in the round where the target did (1200 against 1000): at most since 0
      ['two', 'A', 1200]
    ])
    expect(a.series[0]!.apexSamples).toBe(2)
    expect(a.medianLagMs).toBe(1100)
  })

  it('reports a lag beyond the theoretical bound', () => {
    const a = analyze(timeline([[0, 'target', X, 1], [0, 'apex', X, 1], [1000, 'target', Y, 1], [9000, 'apex', Y, 1]]))
    expect(a.bound?.seconds).toBe(2)
    expect(a.maxLagMs).toBe(4000)
    expect(a.withinBound).toBe(false)
  })
})

describe('stalenessBound', () => {
  it.each([
    { policy: 'min', target: 60, apex: 300, served: 60, seconds: 120, formula: 'target TTL 60 s + apex TTL min(ALIAS TTL 300 s, target TTL 60 s) = 120 s' },
    { policy: 'min', target: 300, apex: 60, served: 60, seconds: 360, formula: 'target TTL 300 s + apex TTL min(ALIAS TTL 60 s, target TTL 300 s) = 360 s' },
    { policy: 'fixed', target: 60, apex: 300, served: 60, seconds: 120, formula: 'target TTL 60 s + apex TTL min(ALIAS TTL 300 s, target TTL 60 s) = 120 s' },
    { policy: 'passthrough', target: 60, apex: 30, served: 60, seconds: 120, formula: 'target TTL 60 s + apex TTL = target TTL 60 s = 120 s' },
    { policy: 'record', target: 20, apex: 300, served: 300, seconds: 320, formula: 'target TTL 20 s + apex TTL = ALIAS TTL 300 s = 320 s' },
    { policy: 'record', target: 300, apex: 60, served: 60, seconds: 360, formula: 'target TTL 300 s + apex TTL = ALIAS TTL 60 s = 360 s' },
    { policy: 'constant:300', target: 20, apex: 60, served: 300, seconds: 320, formula: 'target TTL 20 s + apex TTL = constant 300 s = 320 s' },
    { policy: 'constant:0', target: 20, apex: 60, served: 0, seconds: 20, formula: 'target TTL 20 s + apex TTL = constant 0 s = 20 s' }
  ] as const)('$policy policy, target $target s, apex $apex s → $seconds s', ({ policy, target, apex, served, seconds, formula }) => {
    expect(stalenessBound(policy, target, apex)).toEqual({ policy, targetTtl: target, apexTtl: apex, apexTtlSource: 'alias-record', servedApexTtl: served, seconds, formula })
  })
})
