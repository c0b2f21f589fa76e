import { describe, expect, it } from 'vitest'
import { csvCell } from '../../../electron/inspector/watch-export'

describe('watch CSV export', () => {
  it('defuses every text cell a spreadsheet would run as a formula (= + - @ tab CR)', () => {
    for (const hostile of ['=1+1', '+1+1', '-1+1', '-2+3+cmd|x!A0', '@SUM(A1)', '\t=1', '\r=1', '-', '-x']) {
      const cell = csvCell(hostile)
      expect(cell.replace(/^"/, '').startsWith("'"), `${JSON.stringify(hostile)} → ${cell}`).toBe(true)
    }
  })

  it('leaves numbers, plain text and empty cells alone, and quotes per RFC 4180', () => {
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell(300)).toBe('300')
    expect(csvCell('192.0.2.1 192.0.2.2')).toBe('192.0.2.1 192.0.2.2')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell('a,"b"')).toBe('"a,""b"""')
    expect(csvCell('=a,b')).toBe(`"'=a,b"`)
  })
})
