import { describe, expect, it } from 'vitest'
import { ALIASMODE_CLIENTS } from '@shared/aliasmode-clients'

describe('the AliasMode client table', () => {
  it('dates and sources every row, and never claims support without a source saying so', () => {
    for (const row of ALIASMODE_CLIENTS) {
      expect(row.asOf).toMatch(/^(\d{4}-\d{2}-\d{2}|mid-\d{4})$/)
      expect(row.source.url).toMatch(/^https:\/\//)
      expect(row.note.length).toBeGreaterThan(20)
    }
    expect(ALIASMODE_CLIENTS.filter((r) => r.follows === 'yes')).toEqual([])
    expect(new Set(ALIASMODE_CLIENTS.map((r) => r.client)).size).toBe(ALIASMODE_CLIENTS.length)
  })
})
