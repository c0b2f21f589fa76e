import { describe, expect, it } from 'vitest'
import { nameToWire } from '../../../electron/dns/names'
import type { PreparedAnswer } from '../../../electron/alias-server/prepared-answer'
import { SubnetAnswers } from '../../../electron/alias-server/subnet-answers'

const wire = nameToWire('example.test.')
/** Stand-ins: the cache only keeps and returns them. */
const answer = (n: number): PreparedAnswer => ({ n }) as unknown as PreparedAnswer

describe('SubnetAnswers', () => {
  it('keys by forwarded subnet, the echoed ECS, type, class and EDNS shape', () => {
    const base = SubnetAnswers.key(wire, 1, 1, 1, '203.0.113.0/24', '203.0.113.9/32')
    const others = [
      SubnetAnswers.key(wire, 1, 1, 1, '203.0.114.0/24', '203.0.113.9/32'),
      SubnetAnswers.key(wire, 1, 1, 1, '203.0.113.0/24', '203.0.113.10/32'),
      SubnetAnswers.key(wire, 1, 1, 1, '203.0.113.0/24', ''),
      SubnetAnswers.key(wire, 28, 1, 1, '203.0.113.0/24', '203.0.113.9/32'),
      SubnetAnswers.key(wire, 1, 1, 3, '203.0.113.0/24', '203.0.113.9/32'),
      SubnetAnswers.key(nameToWire('www.example.test.'), 1, 1, 1, '203.0.113.0/24', '203.0.113.9/32')
    ]
    expect(new Set([base, ...others]).size).toBe(7)
    const cache = new SubnetAnswers()
    cache.set(base, answer(1))
    expect(cache.get(base)).toEqual(answer(1))
    for (const key of others) expect(cache.get(key)).toBeUndefined()
  })

  it('replaces the answer for a key and drops the oldest beyond its size', () => {
    const cache = new SubnetAnswers(2)
    const key = (i: number): string => SubnetAnswers.key(wire, 1, 1, 0, `10.0.${i}.0/24`, '')
    cache.set(key(1), answer(1))
    cache.set(key(2), answer(2))
    cache.set(key(1), answer(11))
    cache.set(key(3), answer(3))
    expect(cache.size).toBe(2)
    expect(cache.get(key(2))).toBeUndefined()
    expect(cache.get(key(1))).toEqual(answer(11))
    expect(cache.get(key(3))).toEqual(answer(3))
  })
})
