import { describe, expect, it } from 'vitest'
import type { SeriesAnalysis } from '@shared/inspector'
import { mergeNarrow, mergeShades, timelineData, type Segment } from '../../../../renderer/src/model/watch/lanes'
import { lagBars } from '../../../../renderer/src/model/watch/lag-data'
import { sample } from '../../../support/watch-sample'

const series = (extra: Partial<SeriesAnalysis>): SeriesAnalysis => ({
  viewpoint: 'resolver',
  resolverIndex: 0,
  label: 'r',
  family: 'A',
  apexSamples: 0,
  targetSamples: 0,
  mismatchedSamples: 0,
  mismatchIntervals: [],
  mismatchedMs: 0,
  partialSamples: 0,
  errorSamples: 0,
  changes: [],
  ...extra
})

describe('timelineData', () => {
  const samples = [
    sample(0, 0, 'target', ['192.0.2.1']),
    sample(1, 0, 'apex', ['192.0.2.1']),
    sample(2, 1000, 'target', ['192.0.2.2']),
    sample(3, 1000, 'apex', ['192.0.2.1']),
    sample(4, 2000, 'target', ['192.0.2.2']),
    sample(5, 2000, 'apex', ['192.0.2.2'])
  ]

  it('runs of the same set become one segment; apex and target share a colour per set', () => {
    const data = timelineData(samples, [], 0)
    const apex = data.segments.filter((s) => s.lane === 0)
    const target = data.segments.filter((s) => s.lane === 1)
    expect(apex.map((s) => [s.startS, s.endS, s.key])).toEqual([
      [0, 2, '192.0.2.1'],
      [2, 2, '192.0.2.2']
    ])
    expect(target.map((s) => [s.startS, s.endS, s.key])).toEqual([
      [0, 1, '192.0.2.1'],
      [1, 2, '192.0.2.2']
    ])
    expect(apex[0]!.colour).toBe(target[0]!.colour)
    expect(apex[1]!.colour).toBe(target[1]!.colour)
    expect(data.legend.map((l) => l.label)).toEqual(['192.0.2.1', '192.0.2.2'])
  })

  it('shades the analysis mismatch intervals of the chosen resolver only', () => {
    const data = timelineData(samples, [
      series({ mismatchIntervals: [{ startMs: 1000, endMs: 2000, durationMs: 1000, open: false }] }),
      series({ resolverIndex: 1, mismatchIntervals: [{ startMs: 0, endMs: 2000, durationMs: 2000, open: false }] })
    ], 0)
    expect(data.shades).toEqual([{ family: 'A', startS: 1, endS: 2, open: false }])
  })

  it('bounds the segments of a set that flaps every sample', () => {
    const flapping = Array.from({ length: 3600 }, (_, i) => sample(i, i * 1000, 'apex', [i % 2 ? '192.0.2.1' : '192.0.2.2']))
    const data = timelineData(flapping, [], 0, 100)
    expect(data.segments.length).toBeLessThanOrEqual(110)
    expect(data.segments.some((s) => s.key === 'mixed')).toBe(true)
  })
})

describe('mergeNarrow and mergeShades', () => {
  it('keeps wide segments, merges narrow neighbours', () => {
    const seg = (startS: number, endS: number, key: string): Segment => ({ lane: 0, startS, endS, key, colour: 0 })
    const out = mergeNarrow([seg(0, 10, 'a'), seg(10, 10.5, 'b'), seg(10.5, 11, 'c'), seg(11, 20, 'a')], 1)
    expect(out.map((s) => s.key)).toEqual(['a', 'mixed', 'a'])
  })

  it('joins shades closer than the gap', () => {
    const out = mergeShades(
      [
        { family: 'A', startS: 0, endS: 1, open: false },
        { family: 'A', startS: 1.2, endS: 2, open: true },
        { family: 'A', startS: 10, endS: 11, open: false }
      ],
      0.5
    )
    expect(out).toEqual([
      { family: 'A', startS: 0, endS: 2, open: true },
      { family: 'A', startS: 10, endS: 11, open: false }
    ])
  })
})

describe('lagBars', () => {
  it('one bar per change in time order, lag in seconds, pending without a lag', () => {
    const bars = lagBars(
      [
        series({
          changes: [
            { from: ['1'], to: ['2'], lastOldMs: 0, firstNewMs: 2000, changedAtMs: 1000, followedAtMs: 4500, lagMs: 3500, outcome: 'followed' },
            { from: ['2'], to: [], lastOldMs: 9000, firstNewMs: 10000, changedAtMs: 9500, outcome: 'pending' }
          ]
        }),
        series({ family: 'AAAA', changes: [{ from: [], to: ['::1'], lastOldMs: 4000, firstNewMs: 6000, changedAtMs: 5000, followedAtMs: 6000, lagMs: 1000, outcome: 'followed' }] })
      ],
      0
    )
    expect(bars.map((b) => [b.label, b.lagS, b.outcome])).toEqual([
      ['#1 A', 3.5, 'followed'],
      ['#2 AAAA', 1, 'followed'],
      ['#3 A', undefined, 'pending']
    ])
    expect(bars[2]!.to).toBe('no addresses')
    expect(bars.map((b) => b.axisLabel)).toEqual(['#1 A', '#2 AAAA', '#3 A (pending)'])
  })
})
