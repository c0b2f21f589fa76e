import { describe, expect, it } from 'vitest'
import type { InspectResult, ObservedRecord, ResolverInspection, RrsetObservation } from '@shared/inspector'
import {
  addressSortKey,
  alignFamily,
  chainPath,
  EXPIRY_WAVE_MS,
  MIN_REFRESH_GAP_MS,
  nextExpiryAt,
  refreshDueAt,
  resolverFailure
} from '../../../../renderer/src/model/inspect/inspect-model'
import { rrset as observed } from '../../../support/rrset'

const T = 1_700_000_000_000

const record = (data: string, ttl = 60, at = T): ObservedRecord => ({
  name: 'x.',
  type: data.includes(':') ? 'AAAA' : 'A',
  ttl,
  data,
  receivedAtWallMs: at,
  receivedAtMonoMs: 0
})

const rrset = (name: string, type: string, records: ObservedRecord[], extra: Partial<RrsetObservation> = {}): RrsetObservation =>
  observed(name, type, records, { receivedAtWallMs: T, ...extra })

const failed = (type: string): RrsetObservation =>
  rrset('example.test.', type, [], { status: 'error', error: { code: 'timeout', message: 'no answer within 1000 ms' } })

function inspection(apexA: RrsetObservation, targetA?: RrsetObservation, others?: Partial<ResolverInspection['apex']>): ResolverInspection {
  const empty = (type: string) => rrset('example.test.', type, [])
  return {
    resolver: { transport: 'udp', host: '127.0.0.1', port: 5300 },
    label: 'r',
    apex: { a: apexA, aaaa: empty('AAAA'), cname: empty('CNAME'), ns: empty('NS'), soa: empty('SOA'), https: empty('HTTPS'), ...others },
    ...(targetA ? { target: { a: targetA, aaaa: rrset('cdn.example.test.', 'AAAA', []) } } : {}),
    cache: []
  }
}

describe('alignFamily', () => {
  it('puts matching addresses on one row, then what only one side has, sorted numerically', () => {
    const apex = rrset('example.test.', 'A', [record('192.0.2.10'), record('192.0.2.9'), record('198.51.100.1')])
    const target = rrset('cdn.example.test.', 'A', [record('192.0.2.9'), record('192.0.2.10'), record('192.0.2.12')])
    const rows = alignFamily('A', apex, target)
    expect(rows.map((r) => [r.kind, r.address])).toEqual([
      ['match', '192.0.2.9'],
      ['match', '192.0.2.10'],
      ['only-apex', '198.51.100.1'],
      ['only-target', '192.0.2.12']
    ])
    expect(rows[0]!.apex?.data).toBe('192.0.2.9')
    expect(rows[0]!.target?.data).toBe('192.0.2.9')
  })

  it('collapses duplicates and compares IPv6 case-insensitively; without a target everything is apex-only', () => {
    const apex = rrset('example.test.', 'AAAA', [record('2001:DB8::1'), record('2001:db8::1')])
    const target = rrset('cdn.example.test.', 'AAAA', [record('2001:db8::1')])
    expect(alignFamily('AAAA', apex, target).map((r) => r.kind)).toEqual(['match'])
    expect(alignFamily('AAAA', apex, undefined).map((r) => r.kind)).toEqual(['only-apex'])
    expect(addressSortKey('10.0.0.2') < addressSortKey('9.0.0.1')).toBe(false)
  })
})

describe('resolverFailure', () => {
  it('reports the error only when the resolver answered nothing for the apex', () => {
    const dead = inspection(failed('A'), undefined, { aaaa: failed('AAAA'), ns: failed('NS'), soa: failed('SOA') })
    expect(resolverFailure(dead)).toEqual({ code: 'timeout', message: 'no answer within 1000 ms' })
    const partly = inspection(failed('A'))
    expect(resolverFailure(partly)).toBeUndefined()
  })
})

describe('auto-refresh timing', () => {
  const result = (resolvers: ResolverInspection[]): InspectResult => ({
    apex: 'example.test.',
    target: 'cdn.example.test.',
    targetSource: 'given',
    resolvers,
    suggestions: [],
    providers: [],
    verdict: { verdict: 'likely', summary: '', evidence: [] },
    behaviour: { consistentWith: [], ruledOut: [], evidence: [] },
    startedAtWallMs: T,
    durationMs: 5
  })

  it('uses the first expiry among all rows and chain links, ignoring TTL 0', () => {
    const apex = rrset('example.test.', 'A', [record('192.0.2.1', 30), record('192.0.2.2', 0)])
    const target = rrset('cdn.example.test.', 'A', [record('192.0.2.1', 60)], {
      chain: [{ name: 'cdn.example.test.', target: 'edge.example.test.', ttl: 20 }]
    })
    expect(nextExpiryAt(result([inspection(apex, target)]))).toBe(T + 20_000)
    expect(nextExpiryAt(result([inspection(rrset('example.test.', 'A', [record('192.0.2.1', 0)]))]))).toBeUndefined()
  })

  it('refreshes once per wave, and never sooner than the minimum gap after the last run', () => {
    const r = result([inspection(rrset('example.test.', 'A', [record('192.0.2.1', 30), record('192.0.2.2', 30)]))])
    expect(refreshDueAt(r, T)).toBe(T + 30_000 + EXPIRY_WAVE_MS)
    const short = result([inspection(rrset('example.test.', 'A', [record('192.0.2.1', 1)]))])
    expect(refreshDueAt(short, T + 500)).toBe(T + 500 + MIN_REFRESH_GAP_MS)
  })
})

describe('chainPath', () => {
  it('draws apex ⇢ target → each CNAME hop with its TTL', () => {
    const target = rrset('cdn.example.test.', 'A', [], {
      chain: [
        { name: 'cdn.example.test.', target: 'a.example.net.', ttl: 300 },
        { name: 'a.example.net.', target: 'b.example.net.', ttl: 20 }
      ]
    })
    expect(chainPath({ apex: 'example.test.', target: 'cdn.example.test.' }, target)).toEqual([
      { name: 'example.test.' },
      { name: 'cdn.example.test.' },
      { name: 'a.example.net.', ttl: 300 },
      { name: 'b.example.net.', ttl: 20 }
    ])
    expect(chainPath({ apex: 'example.test.' }, target)).toEqual([])
  })
})
