import { describe, expect, it } from 'vitest'
import { compareFamily, setRelation } from '../../../electron/inspector'

describe('setRelation', () => {
  it.each([
    { apex: ['192.0.2.1', '192.0.2.2'], target: ['192.0.2.2', '192.0.2.1'], relation: 'equal' },
    { apex: ['192.0.2.1'], target: ['192.0.2.1', '192.0.2.2'], relation: 'apex-subset' },
    { apex: ['192.0.2.1', '192.0.2.2'], target: ['192.0.2.2'], relation: 'target-subset' },
    { apex: ['192.0.2.1', '192.0.2.2'], target: ['192.0.2.2', '192.0.2.3'], relation: 'overlap' },
    { apex: ['192.0.2.1'], target: ['198.51.100.1'], relation: 'disjoint' },
    { apex: [], target: ['198.51.100.1'], relation: 'no-data' },
    { apex: ['192.0.2.1'], target: [], relation: 'no-data' },
    { apex: [], target: [], relation: 'no-data' }
  ] as const)('$apex vs $target → $relation', ({ apex, target, relation }) => {
    expect(setRelation([...apex].sort(), [...target].sort())).toBe(relation)
  })
})

describe('compareFamily', () => {
  it('treats differently written IPv6 addresses as one and lists the common ones', () => {
    const c = compareFamily({ family: 'AAAA', apex: ['2001:DB8:0:0::1', '2001:db8::2'], target: ['2001:db8::1'] })
    expect(c.relation).toBe('target-subset')
    expect(c.apex).toEqual(['2001:db8::1', '2001:db8::2'])
    expect(c.common).toEqual(['2001:db8::1'])
  })

  it.each([
    { apexTtl: 60, targetTtl: 300, ttlRelation: 'at-or-below' },
    { apexTtl: 300, targetTtl: 300, ttlRelation: 'at-or-below' },
    { apexTtl: 301, targetTtl: 300, ttlRelation: 'above' },
    { apexTtl: undefined, targetTtl: 300, ttlRelation: 'unknown' }
  ] as const)('apex TTL $apexTtl vs target TTL $targetTtl → $ttlRelation', ({ apexTtl, targetTtl, ttlRelation }) => {
    const c = compareFamily({ family: 'A', apex: ['192.0.2.1'], target: ['192.0.2.1'], apexTtl, targetTtl })
    expect(c.ttlRelation).toBe(ttlRelation)
  })
})
