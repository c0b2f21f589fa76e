import { describe, expect, it } from 'vitest'
import { secondaryView } from '../../../../renderer/src/model/lab/secondary-model'

const at = { a: ['192.0.2.10'], aaaa: ['2001:db8::10'], version: 1 }
const moved = { a: ['192.0.2.77'], aaaa: ['2001:db8::10'], version: 2 }

describe('what a secondary of another brand serves', () => {
  it('after a raw transfer: no apex addresses at all', () => {
    expect(secondaryView({ mode: 'raw', ...at, at: 0 }, false, at, false)).toMatchObject({ state: 'broken', a: [], aaaa: [] })
  })

  it('after an expanded transfer: the addresses of then, stale once the target moves unless NOTIFY follows', () => {
    const snap = { mode: 'expanded' as const, ...at, at: 0 }
    expect(secondaryView(snap, false, at, false)).toMatchObject({ state: 'current', a: ['192.0.2.10'] })
    expect(secondaryView(snap, false, moved, false)).toMatchObject({ state: 'stale', a: ['192.0.2.10'] })
    expect(secondaryView(snap, false, moved, true)).toMatchObject({ state: 'current', a: ['192.0.2.77'] })
  })

  it('of a signed zone: refused', () => {
    expect(secondaryView({ mode: 'expanded', ...at, at: 0 }, true, at, true).state).toBe('refused')
  })
})
