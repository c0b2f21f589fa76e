import { describe, expect, it } from 'vitest'
import { downsampleMinMax, type Point } from '../../../../renderer/src/model/watch/downsample'

/** One hour of 1 Hz TTL samples: a 60 s sawtooth. */
const sawtooth: Point[] = Array.from({ length: 3600 }, (_, i) => ({ x: i, y: 60 - (i % 60) }))

describe('downsampleMinMax', () => {
  it('returns small inputs unchanged (same array)', () => {
    const few = sawtooth.slice(0, 10)
    expect(downsampleMinMax(few, 1000)).toBe(few)
  })

  it('bounds the output, keeps the ends, keeps x order', () => {
    const out = downsampleMinMax(sawtooth, 1000)
    expect(out.length).toBeLessThanOrEqual(1000)
    expect(out.length).toBeGreaterThan(900)
    expect(out[0]).toBe(sawtooth[0])
    expect(out[out.length - 1]).toBe(sawtooth[sawtooth.length - 1])
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x)
  })

  it('keeps every peak and trough of the sawtooth even at 10x reduction', () => {
    const out = downsampleMinMax(sawtooth, 360)
    expect(Math.max(...out.map((p) => p.y))).toBe(60)
    expect(Math.min(...out.map((p) => p.y))).toBe(1)
    // 60 teeth: every tooth's top (60) survives
    expect(out.filter((p) => p.y === 60).length).toBeGreaterThanOrEqual(59)
  })

  it('keeps a single spike that LTTB-like averaging would flatten', () => {
    const flat: Point[] = Array.from({ length: 5000 }, (_, i) => ({ x: i, y: i === 2345 ? 999 : 5 }))
    expect(downsampleMinMax(flat, 100).some((p) => p.y === 999)).toBe(true)
  })
})
