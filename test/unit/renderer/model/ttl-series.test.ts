import { describe, expect, it } from 'vitest'
import { ttlChartData, ttlSawtooth } from '../../../../renderer/src/model/watch/ttl-series'
import { sample } from '../../../support/watch-sample'

describe('ttlSawtooth', () => {
  it('falls one second per second between refetches and reaches zero at expiry', () => {
    // fetched with TTL 5 at t=0, next seen at t=10 with a fresh TTL 5
    const points = ttlSawtooth([sample(0, 0, 'apex', ['a'], 5), sample(1, 10_000, 'apex', ['a'], 5)])
    expect(points[0]).toEqual({ x: 0, y: 5 })
    expect(points).toContainEqual({ x: 5, y: 0 })
    expect(points[points.length - 1]).toEqual({ x: 10, y: 5 })
    expect(points.every((p) => p.y >= 0)).toBe(true)
  })

  it('adds no extra point for a countdown seen every second', () => {
    const samples = [0, 1, 2, 3].map((i) => sample(i, i * 1000, 'apex', ['a'], 60 - i))
    expect(ttlSawtooth(samples)).toHaveLength(4)
  })

  it('skips samples without a TTL (errors)', () => {
    const points = ttlSawtooth([sample(0, 0, 'apex', [], undefined, { status: 'error' }), sample(1, 1000, 'apex', ['a'], 30)])
    expect(points).toEqual([{ x: 1, y: 30 }])
  })
})

describe('ttlChartData', () => {
  it('makes one row per x with the series that have a point there', () => {
    const samples = [sample(0, 0, 'apex', ['a'], 60), sample(1, 0, 'target', ['a'], 30), sample(2, 1000, 'apex', ['a'], 59)]
    const data = ttlChartData(samples, 0)
    expect(data.keys).toEqual(['apex-A', 'target-A'])
    expect(data.rows[0]).toMatchObject({ x: 0, 'apex-A': 60, 'target-A': 30 })
    expect(data.rows.every((r, i) => i === 0 || r.x > data.rows[i - 1]!.x)).toBe(true)
  })

  it('downsamples an hour of four 1 Hz series to the limit per series but counts every point', () => {
    const samples = []
    let seq = 0
    for (let t = 0; t < 3600; t++) {
      for (const side of ['apex', 'target'] as const) {
        for (const family of ['A', 'AAAA'] as const) {
          samples.push(sample(seq++, t * 1000, side, ['x'], 60 - (t % 60), { family }))
        }
      }
    }
    const data = ttlChartData(samples, 0, 1000)
    expect(data.keys).toHaveLength(4)
    expect(data.fullPoints).toBeGreaterThanOrEqual(4 * 3600)
    expect(data.drawnPoints).toBeLessThanOrEqual(4 * 1000)
    expect(data.rows.length).toBeLessThanOrEqual(4 * 1000)
  })

  it('ignores other resolvers', () => {
    expect(ttlChartData([sample(0, 0, 'apex', ['a'], 60, { resolverIndex: 1 })], 0).rows).toEqual([])
  })
})
