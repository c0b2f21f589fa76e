import { describe, expect, it } from 'vitest'
import type { DnsQueryManyResult, DnsRecord } from '@shared/dns'
import type { SuggestResult } from '@shared/inspector'
import type { LabStatus } from '@shared/lab'
import { aliasRecordSuggestions, defaultAuthoritativePort, isAtOrBelow, mergeSuggestions } from '../../../renderer/src/hooks/inspect-model'

const resolver = { transport: 'udp' as const, host: '127.0.0.1', port: 5300 }

const rr = (name: string, type: string, typeCode: number, data: string): DnsRecord => ({ name, type, typeCode, class: 'IN', ttl: 60, data })

/** Only the fields the function reads; the rest of a query result does not matter here. */
const answered = (...answer: DnsRecord[]): DnsQueryManyResult[number] =>
  ({ resolver, ok: true, result: { answer } }) as unknown as DnsQueryManyResult[number]

describe('the apex ALIAS record as a target suggestion', () => {
  it('suggests the target an ALIAS record at the apex names, once, whatever the case and trailing dot', () => {
    const found = aliasRecordSuggestions('Example.Test', [
      answered(rr('example.test.', 'ALIAS', 65401, 'cdn.example.test.')),
      answered(rr('EXAMPLE.TEST.', 'ALIAS', 65401, 'CDN.example.test')),
      { resolver, ok: false, error: { code: 'timeout', message: 'no answer' } } as DnsQueryManyResult[number]
    ])
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ name: 'cdn.example.test.', source: 'alias-record' })
    expect(found[0]!.reason).toMatch(/example\.test has an ALIAS record \(type 65401\) to cdn\.example\.test/)
  })

  it('ignores other types, other owners and an ALIAS to the apex itself', () => {
    expect(
      aliasRecordSuggestions('example.test', [
        answered(rr('example.test.', 'A', 1, '192.0.2.1')),
        answered(rr('www.example.test.', 'ALIAS', 65401, 'cdn.example.test.')),
        answered(rr('example.test.', 'ALIAS', 65401, 'example.test.'))
      ])
    ).toEqual([])
  })

  it('puts the ALIAS record first and drops the inspector’s suggestion of the same name', () => {
    const base: SuggestResult = {
      apex: 'example.test.',
      suggestions: [
        { name: 'cdn.example.test.', source: 'www-cname', reason: 'www' },
        { name: 'other.example.', source: 'https-alias', reason: 'https' }
      ],
      providers: [],
      nsNames: ['ns1.example.test.']
    }
    const alias = aliasRecordSuggestions('example.test', [answered(rr('example.test.', 'ALIAS', 65401, 'cdn.example.test.'))])
    const merged = mergeSuggestions(alias, base)
    expect(merged.suggestions.map((s) => s.source)).toEqual(['alias-record', 'https-alias'])
    expect(merged.nsNames).toEqual(['ns1.example.test.'])
  })
})

describe('the zone servers’ port for the lab’s own zone', () => {
  const lab = (running: boolean, port: number | null, origin = 'example.test.') =>
    ({ running, port, zone: { origin, demo: true } }) as Pick<LabStatus, 'running' | 'port' | 'zone'>

  it('knows a name at or below an origin, and nothing else', () => {
    expect(isAtOrBelow('example.test', 'example.test.')).toBe(true)
    expect(isAtOrBelow('Static.Example.Test.', 'example.test')).toBe(true)
    expect(isAtOrBelow('notexample.test', 'example.test.')).toBe(false)
    expect(isAtOrBelow('example.com', 'example.test.')).toBe(false)
    expect(isAtOrBelow('example.test', '.')).toBe(false)
  })

  it('is the running lab’s port for its zone, else 53', () => {
    expect(defaultAuthoritativePort('example.test', lab(true, 5353))).toBe(5353)
    expect(defaultAuthoritativePort('www.example.test', lab(true, 5353))).toBe(5353)
    expect(defaultAuthoritativePort('example.com', lab(true, 5353))).toBe(53)
    expect(defaultAuthoritativePort('example.test', lab(false, null))).toBe(53)
    expect(defaultAuthoritativePort('example.test', null)).toBe(53)
  })
})
