import { describe, expect, it } from 'vitest'
import { formatClock, formatDateTime, formatDuration, formatElapsed, formatTtl } from '../../../renderer/src/format/time'

describe('the one time formatter', () => {
  it('writes durations in the unit that reads best', () => {
    expect(formatDuration(undefined)).toBe('—')
    expect(formatDuration(null)).toBe('—')
    expect(formatDuration(Number.NaN)).toBe('—')
    expect(formatDuration(0.42)).toBe('0.4 ms')
    expect(formatDuration(85.4)).toBe('85 ms')
    expect(formatDuration(999)).toBe('999 ms')
    expect(formatDuration(12_345)).toBe('12.3 s')
    expect(formatDuration(59_940)).toBe('59.9 s')
    expect(formatDuration(245_000)).toBe('4 min 05 s')
    expect(formatDuration(2 * 3_600_000 + 3 * 60_000 + 20_000)).toBe('2 h 03 min')
    expect(formatDuration(-1500)).toBe('−1.5 s')
    expect(formatTtl(60)).toBe('60 s')
    expect(formatTtl(null)).toBe('—')
  })

  it('writes clock times local, 24-hour and zero-padded, and elapsed time as m:ss', () => {
    const at = new Date(2026, 11, 2, 4, 5, 6, 7).getTime()
    expect(formatClock(at)).toBe('04:05:06')
    expect(formatClock(at, { millis: true })).toBe('04:05:06.007')
    expect(formatDateTime(at)).toBe('2026-12-02 04:05:06')
    expect(formatClock(new Date(2026, 0, 1, 23, 59, 59).getTime())).toBe('23:59:59')
    expect(formatElapsed(0)).toBe('0:00')
    expect(formatElapsed(3725)).toBe('1:02:05')
  })
})
