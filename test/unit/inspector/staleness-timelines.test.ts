import { describe, expect, it } from 'vitest'
import type { WatchSample } from '@shared/inspector'
import { analyzeStaleness, unionMs } from '../../../electron/inspector'
import { sample } from '../../support/watch-sample'

type Row = [number, WatchSample['side'], string[], number?]

let seq = 0
/** Hand-written timeline rows for one series; seq follows the order given across calls. */
function rows(list: Row[], extra: Partial<WatchSample> = {}): WatchSample[] {
  return list.map(([ms, side, values, ttl]) => sample(seq++, ms, side, values, ttl, extra))
}

const X = ['192.0.2.1']
const Y = ['192.0.2.2']
const Z = ['192.0.2.3']
const X6 = ['2001:db8::1']
const Y6 = ['2001:db8::2']
const analyze = (samples: WatchSample[], extra: { aliasTtl?: number; labels?: string[] } = {}) =>
  analyzeStaleness({ samples, labels: extra.labels ?? ['r0', 'r1'], policy: 'min', samplingResolutionMs: 1000, ...(extra.aliasTtl !== undefined ? { aliasTtl: extra.aliasTtl } : {}) })

describe('staleness on hand-written timelines', () => {
  it('a rotation back to the set the apex still serves is "reverted", never a lag of 0', () => {
    const a = analyze(
      rows([
        [0, 'target', X, 15], [0, 'apex', X, 13],
        [1000, 'target', Y, 15], [1000, 'apex', X, 12],
        [2000, 'target', Y, 15], [2000, 'apex', X, 11],
        [3000, 'target', X, 15], [3000, 'apex', X, 10],
        [4000, 'target', X, 15], [4000, 'apex', X, 9]
      ]),
      { aliasTtl: 60 }
    )
    const series = a.series[0]!
    expect(series.changes).toEqual([
      { from: X, to: Y, lastOldMs: 0, firstNewMs: 1000, changedAtMs: 500, endedAtMs: 2500, outcome: 'reverted' }
    ])
    expect(a.reverted).toBe(1)
    expect(a.followed).toBe(0)
    expect(a.maxLagMs).toBeUndefined()
    expect(a.medianLagMs).toBeUndefined()
    expect(series.mismatchIntervals).toEqual([{ startMs: 1000, endMs: 3000, durationMs: 2000, open: false }])
    expect(a.summary.join('\n')).toContain('1 change reverted by the target before the apex followed; the apex was stale for their whole life (up to 2.0 s)')
  })

  it('changes replaced before the apex followed are "superseded", counted apart, and the bound statement says so', () => {
    const a = analyze(
      rows([
        [0, 'target', X, 5], [0, 'apex', X, 5],
        [1000, 'target', Y, 5], [1000, 'apex', X, 5],
        [2000, 'target', Z, 5], [2000, 'apex', X, 5],
        [3000, 'target', ['192.0.2.4'], 5], [3000, 'apex', X, 5],
        [4000, 'target', ['192.0.2.4'], 5], [4000, 'apex', ['192.0.2.4'], 5]
      ]),
      { aliasTtl: 60 }
    )
    expect(a.series[0]!.changes.map((c) => c.outcome)).toEqual(['superseded', 'superseded', 'followed'])
    expect(a.superseded).toBe(2)
    expect(a.followed).toBe(1)
    expect(a.maxLagMs).toBe(1000)
    expect(a.summary.join('\n')).toContain('2 changes superseded before the apex followed; the apex was stale for their whole life (up to 1.0 s)')
    expect(a.bound).toMatchObject({ targetTtl: 5, apexTtl: 60, apexTtlSource: 'alias-record', seconds: 10 })
    expect(a.withinBound).toBe(true)
  })

  it('a superseded change that lived past the bound puts the viewpoint beyond it', () => {
    const a = analyze(
      rows([
        [0, 'target', X, 1], [0, 'apex', X, 1],
        [1000, 'target', Y, 1], [1000, 'apex', X, 1],
        [8000, 'target', Y, 1], [8000, 'apex', X, 1],
        [9000, 'target', Z, 1], [9000, 'apex', Z, 1]
      ])
    )
    expect(a.series[0]!.changes.map((c) => c.outcome)).toEqual(['superseded', 'followed'])
    // the apex followed within the gap in which the target changed: their order is unknown, so at most that gap, never 0
    expect(a.maxLagMs).toBe(1000)
    expect(a.maxLagUpperBound).toBe(true)
    expect(a.bound?.seconds).toBe(2)
    // the followed lag alone is within the bound, but the apex was stale for the superseded change's 8 s life
    expect(a.withinBound).toBe(false)
  })

  it('stale time is the wall-clock union over families, and per-family times are kept apart', () => {
    const a = analyze([
      ...rows([
        [0, 'target', X], [0, 'apex', X],
        [1000, 'target', Y], [1000, 'apex', X],
        [4000, 'target', Y], [4000, 'apex', Y]
      ]),
      ...rows(
        [
          [0, 'target', X6], [0, 'apex', X6],
          [2000, 'target', Y6], [2000, 'apex', X6],
          [5000, 'target', Y6], [5000, 'apex', Y6]
        ],
        { family: 'AAAA' }
      )
    ])
    expect(a.series.map((s) => [s.family, s.mismatchedMs])).toEqual([
      ['A', 3000],
      ['AAAA', 3000]
    ])
    // 1000..4000 and 2000..5000 overlap: 4 s of wall clock, not 6 s
    expect(a.mismatchedMs).toBe(4000)
    expect(a.spanMs).toBe(5000)
    expect(a.mismatchedMs).toBeLessThanOrEqual(a.spanMs)
    expect(a.summary.join('\n')).toContain('apex stale 4.0 s of 5.0 s (wall clock, families together; per family A 3.0 s, AAAA 3.0 s)')
  })

  it('two resolvers: counts are sums, stale time is a union, lags are per change', () => {
    const r0 = rows([[0, 'target', X], [0, 'apex', X], [1000, 'target', Y], [1000, 'apex', X], [3000, 'target', Y], [3000, 'apex', Y]])
    const r1 = rows([[0, 'target', X], [0, 'apex', X], [1000, 'target', Y], [1000, 'apex', X], [2000, 'target', Y], [2000, 'apex', Y]], { resolverIndex: 1 })
    const a = analyze([...r0, ...r1])
    expect(a.series.map((s) => [s.label, s.maxLagMs])).toEqual([
      ['r0', 1500],
      ['r1', 1000]
    ])
    expect(a.changes).toBe(2)
    expect(a.followed).toBe(2)
    expect(a.mismatchedSamples).toBe(2)
    expect(a.mismatchedMs).toBe(2000)
    const resolver = a.viewpoints.find((v) => v.viewpoint === 'resolver')!
    expect(resolver.apexSamples).toBe(a.series.reduce((n, s) => n + s.apexSamples, 0))
  })

  it('gaps and errors widen the change window and are counted, never read as a set', () => {
    const a = analyze([
      ...rows([[0, 'target', X], [0, 'apex', X]]),
      ...rows([[1000, 'target', []], [1000, 'apex', []]], { status: 'error', error: { code: 'timeout', message: 'timed out' } }),
      ...rows([[2000, 'target', Y], [2000, 'apex', X], [5000, 'target', Y], [5000, 'apex', Y]])
    ])
    const series = a.series[0]!
    expect(series.errorSamples).toBe(2)
    expect(series.changes[0]).toMatchObject({ lastOldMs: 0, firstNewMs: 2000, changedAtMs: 1000, followedAtMs: 3500, lagMs: 2500, outcome: 'followed' })
    expect(series.apexSamples).toBe(3)
    expect(a.summary.join('\n')).toContain('2 samples failed')
  })

  it('keeps the two viewpoints apart: authoritative and resolver figures side by side', () => {
    const auth = rows(
      [[0, 'target', X, 15], [0, 'apex', X, 15], [1000, 'target', Y, 15], [1000, 'apex', X, 15], [2000, 'target', Y, 15], [2000, 'apex', Y, 15]],
      { viewpoint: 'authoritative' }
    )
    const res = rows([[0, 'target', X, 9], [0, 'apex', X, 9], [1000, 'target', Y, 15], [1000, 'apex', X, 9], [5000, 'target', Y, 11], [5000, 'apex', Y, 13]])
    const a = analyzeStaleness({ samples: [...auth, ...res], labels: ['unbound'], policy: 'min', samplingResolutionMs: 1000, aliasTtl: 60, authoritativeLabel: "zones' own servers" })
    expect(a.series.map((s) => [s.viewpoint, s.label])).toEqual([
      ['resolver', 'unbound'],
      ['authoritative', "zones' own servers"]
    ])
    expect(a.authoritativeMismatchedMs).toBe(1000)
    expect(a.mismatchedMs).toBe(4000)
    expect(a.viewpoints.map((v) => [v.viewpoint, v.maxLagMs])).toEqual([
      ['authoritative', 1000],
      ['resolver', 2500]
    ])
    // ALIAS TTL is the record's; the largest apex TTL seen is its own figure
    expect(a.aliasTtl).toBe(60)
    expect(a.maxApexTtl).toBe(15)
    expect(a.bound).toMatchObject({ apexTtl: 60, apexTtlSource: 'alias-record', targetTtl: 15, servedApexTtl: 15, seconds: 30 })
    expect(a.summary.join('\n')).toContain('ALIAS TTL 60 s (the record in the zone); largest apex TTL seen 15 s')
  })

  it('without an ALIAS record the bound says it used the largest apex TTL seen', () => {
    const a = analyze(rows([[0, 'target', X, 20], [0, 'apex', X, 13], [1000, 'target', X, 19], [1000, 'apex', X, 12]]))
    expect(a.aliasTtl).toBeUndefined()
    expect(a.bound).toMatchObject({ apexTtl: 13, apexTtlSource: 'largest-apex-ttl-seen' })
    expect(a.bound!.formula).toContain('largest apex TTL seen 13 s')
  })

  it('a partial overlap (a CDN answering per node) is said, not counted as stale', () => {
    const a = analyze(
      rows([
        [0, 'target', ['192.0.2.1', '192.0.2.2'], 5], [0, 'apex', ['192.0.2.2', '192.0.2.3'], 5],
        [1000, 'target', ['192.0.2.1', '192.0.2.2'], 5], [1000, 'apex', ['192.0.2.2', '192.0.2.3'], 5]
      ])
    )
    expect(a.mismatchedSamples).toBe(0)
    expect(a.mismatchedMs).toBe(0)
    expect(a.series[0]!.partialSamples).toBe(2)
    expect(a.summary.join('\n')).toContain('2 partly overlapped (a CDN answering per node: not counted as stale)')
  })

  it('an apex that still serves an earlier set is stale even when the sets overlap', () => {
    const a = analyze(
      rows([
        [0, 'target', ['192.0.2.1', '192.0.2.2']], [0, 'apex', ['192.0.2.1', '192.0.2.2']],
        [1000, 'target', ['192.0.2.2', '192.0.2.3']], [1000, 'apex', ['192.0.2.1', '192.0.2.2']],
        [2000, 'target', ['192.0.2.2', '192.0.2.3']], [2000, 'apex', ['192.0.2.2', '192.0.2.3']]
      ])
    )
    expect(a.mismatchedSamples).toBe(1)
    expect(a.mismatchedMs).toBe(1000)
    expect(a.series[0]!.partialSamples).toBe(0)
  })
})

describe('unionMs', () => {
  it('merges overlapping and touching intervals and adds disjoint ones', () => {
    expect(unionMs([])).toBe(0)
    expect(unionMs([{ startMs: 0, endMs: 10 }, { startMs: 5, endMs: 15 }, { startMs: 15, endMs: 20 }, { startMs: 30, endMs: 31 }])).toBe(21)
    expect(unionMs([{ startMs: 5, endMs: 6 }, { startMs: 0, endMs: 10 }])).toBe(10)
  })
})
