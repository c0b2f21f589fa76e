import { describe, expect, it } from 'vitest'
import type { LocalityRow } from '@shared/locality'
import { subnetFromText } from '@shared/locality'
import { localityVerdict } from '../../../electron/inspector/locality'
import { UsageError } from '@shared/errors'
import { parseInspectArgs } from '../../../electron/cli/inspect-args'

const row = (subnet: string, apex: string[], target: string[]): LocalityRow => ({
  subnet,
  resolver: 'r1',
  apex,
  target,
  same: apex.length === 0 || target.length === 0 ? null : apex.some((a) => target.includes(a))
})

describe('localityVerdict', () => {
  it('cannot judge a target that answers the same for every subnet', () => {
    const v = localityVerdict('a.test.', 'cdn.test.', [row('192.0.2.0/24', ['192.0.2.1'], ['192.0.2.1']), row('203.0.113.0/24', ['192.0.2.1'], ['192.0.2.1'])], ['r1'])
    expect(v.kind).toBe('uniform')
    expect(v.verdict).toMatch(/does not vary by location, or it ignores ECS/)
  })

  it('says when nothing answered', () => {
    expect(localityVerdict('a.test.', 'cdn.test.', [row('192.0.2.0/24', [], ['192.0.2.1'])], ['r1']).kind).toBe('no-data')
  })

  it('tells a uniform apex (no ECS forwarded) from one that varies differently', () => {
    const uniform = localityVerdict('a.test.', 'cdn.test.', [row('192.0.2.0/24', ['192.0.2.1'], ['192.0.2.1']), row('203.0.113.0/24', ['192.0.2.1'], ['198.51.100.77'])], ['r1'])
    expect(uniform.kind).toBe('default-node')
    expect(uniform.verdict).toMatch(/does not forward ECS/)
    const varies = localityVerdict('a.test.', 'cdn.test.', [row('192.0.2.0/24', ['192.0.2.9'], ['192.0.2.1']), row('203.0.113.0/24', ['192.0.2.1'], ['198.51.100.77'])], ['r1'])
    expect(varies.verdict).toMatch(/varies by subnet but not as cdn\.test\. does/)
    expect(varies.verdict).toMatch(/and 1 more subnet like it/)
  })
})

describe('inspect --subnet', () => {
  it('takes subnets and presets, repeatable, without duplicates', () => {
    const cmd = parseInspectArgs(['example.com', '--subnet', 'ap', '--subnet', '203.0.113.0/24', '--subnet', '2001:db8::/32'])
    expect(cmd.subnets).toEqual(['203.0.113.0/24', '2001:db8::/32'])
    expect(parseInspectArgs(['example.com', '--subnet', 'presets']).subnets).toHaveLength(5)
  })

  it('refuses what is neither', () => {
    expect(() => parseInspectArgs(['example.com', '--subnet', 'mars'])).toThrow(UsageError)
    expect(() => parseInspectArgs(['example.com', '--subnet', '203.0.113.0'])).toThrow(/--subnet takes a subnet/)
    expect(subnetFromText('EU')).toBe('192.0.2.0/24')
  })
})
