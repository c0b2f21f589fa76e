import { describe, expect, it } from 'vitest'
import type { InspectResult } from '@shared/inspector'
import { dnssecByResolver } from '@shared/audit-format'
import { ServiceError } from '@shared/errors'
import { auditRow, dnssecOf, dnssecSummary, errorRow } from '../../../electron/audit/audit-row'

// 'stale' stands for any id the inspector may add (the staleness work adds it): the audit passes it on
const result = (over: Partial<InspectResult> = {}) => ({
  apex: 'shop.test.',
  target: 'cdn.test.',
  targetSource: 'given' as const,
  resolvers: [],
  authoritative: { zone: 'shop.test.', via: 'r', nsNames: [], servers: [], ttls: { A: 300 } },
  suggestions: [],
  providers: [{ id: 'cloudflare', name: 'Cloudflare', flattening: 'automatic' as const, note: '', nsNames: [] }],
  verdict: { verdict: 'stale' as InspectResult['verdict']['verdict'], summary: 'the apex lags its target', evidence: [] },
  behaviour: { consistentWith: ['cloudflare', 'draft'] as InspectResult['behaviour']['consistentWith'], ruledOut: [], evidence: [] },
  startedAtWallMs: 0,
  durationMs: 5,
  ...over
}) as InspectResult

describe('auditRow', () => {
  it('passes the verdict id through, whatever it is, with providers and profiles', () => {
    const row = auditRow(3, result(), { ad: true, rrsig: true }, 12)
    expect(row).toMatchObject({
      index: 3,
      name: 'shop.test.',
      verdict: 'stale',
      target: 'cdn.test.',
      targetSource: 'given',
      providers: ['Cloudflare'],
      profiles: ['cloudflare', 'draft'],
      apexTtl: 300,
      dnssec: { ad: true, rrsig: true },
      errors: [],
      durationMs: 12
    })
    // no target TTL seen: no staleness bound
    expect(row.stalenessBound).toBeUndefined()
  })

  it('sums up every resolver\'s DNSSEC answer and says when they disagree', () => {
    const validating = dnssecOf('unbound', undefined)
    expect(validating).toEqual({ resolver: 'unbound', ad: false, rrsig: false, failed: true })
    expect(dnssecSummary([validating])).toBeUndefined()
    const a = { resolver: 'a', ad: true, rrsig: true }
    const b = { resolver: 'b', ad: false, rrsig: true }
    expect(dnssecSummary([a, { ...a, resolver: 'c' }])).toEqual({ ad: true, rrsig: true, resolvers: [a, { ...a, resolver: 'c' }] })
    expect(dnssecSummary([a, b, validating])).toEqual({ ad: false, rrsig: true, disagree: true, resolvers: [a, b, validating] })
    expect(dnssecByResolver(dnssecSummary([a, b, validating]))).toBe('a=AD | b=RRSIG | unbound=no answer')
  })

  it('makes an error row of a failed inspection', () => {
    expect(errorRow(1, 'x.test.', new ServiceError('timeout', 'no answer'), 3)).toMatchObject({
      verdict: 'error',
      error: { code: 'timeout', message: 'no answer' },
      errors: ['timeout: no answer']
    })
  })
})
