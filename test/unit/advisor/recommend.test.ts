import { describe, expect, it } from 'vitest'
import { adviceSchema, type AdviceFacts, type Recommendation } from '@shared/advisor'
import { profileIds, type ProfileId } from '@shared/providers'
import { recommend } from '../../../electron/advisor/recommend'

const facts = (profile: ProfileId | null, signed: boolean, geo: boolean, over: Partial<AdviceFacts> = {}): AdviceFacts => ({
  apex: 'example.com.',
  target: 'shop.cdn-example.net.',
  profile,
  provider: profile,
  flattening: profile ? 'alias-record' : 'none',
  signed,
  geo: geo ? { varies: true, asked: 5, apart: 2 } : { varies: false, asked: 5, apart: 0 },
  apexRecords: { MX: 1, TXT: 2, CAA: 0 },
  targetTtl: 60,
  apexTtl: 300,
  ...over
})

// profile → [unsigned & uniform, unsigned & geo, signed & uniform, signed & geo], written out by hand from the
// profiles' rules: targets (route53/azure refuse a foreign name), DNSSEC with alias, ECS forwarding.
const TABLE: Record<ProfileId, [Recommendation, Recommendation, Recommendation, Recommendation]> = {
  draft: ['provider-alias', 'https-aliasmode', 'provider-alias', 'https-aliasmode'], // signed on the fly; no ECS
  powerdns: ['provider-alias', 'provider-alias', 'flatten', 'www-redirect'], // forwards ECS; ALIAS answers unsigned
  cloudflare: ['provider-alias', 'https-aliasmode', 'provider-alias', 'https-aliasmode'], // signed on the fly; no ECS
  route53: ['flatten', 'www-redirect', 'flatten', 'www-redirect'], // a name outside AWS: no alias
  dnsimple: ['provider-alias', 'provider-alias', 'provider-alias', 'provider-alias'], // forwards ECS; DNSSEC unknown
  ns1: ['provider-alias', 'https-aliasmode', 'provider-alias', 'https-aliasmode'], // no ECS; DNSSEC unknown
  azure: ['flatten', 'www-redirect', 'flatten', 'www-redirect'], // a name outside Azure: no alias
  google: ['provider-alias', 'https-aliasmode', 'flatten', 'www-redirect'], // no alias with DNSSEC
  technitium: ['provider-alias', 'https-aliasmode', 'flatten', 'www-redirect'], // no alias with DNSSEC
  dnsmadeeasy: ['provider-alias', 'provider-alias', 'provider-alias', 'provider-alias'], // forwards ECS (assumed)
  dyn: ['provider-alias', 'https-aliasmode', 'provider-alias', 'https-aliasmode'], // no ECS (anycast vantage point); DNSSEC unknown
  ultradns: ['provider-alias', 'provider-alias', 'provider-alias', 'provider-alias'] // forwards ECS; DNSSEC unknown
}

describe('recommend: every profile × signed or not × geo target or not', () => {
  const cases = profileIds.flatMap((id) =>
    ([[false, false], [false, true], [true, false], [true, true]] as const).map(([signed, geo], k) => ({ id, signed, geo, expected: TABLE[id][k] }))
  )
  it.each(cases)('$id signed=$signed geo=$geo → $expected', ({ id, signed, geo, expected }) => {
    const advice = recommend(facts(id, signed, geo))
    expect(adviceSchema.safeParse(advice).success).toBe(true)
    expect(advice.recommendation).toBe(expected)
    expect(advice.options[0]!.technique).toBe(expected)
    expect(advice.options[0]!.usable).toBe(true)
    expect(advice.options.map((o) => o.technique).sort()).toEqual(['flatten', 'https-aliasmode', 'provider-alias', 'www-redirect'])
  })

  it('covers every profile', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...profileIds].sort())
  })
})

describe('recommend: reasons and numbers', () => {
  it('a host without aliasing gets flattening, re-flattened at the target TTL (at least 60 s)', () => {
    const a = recommend(facts(null, false, false, { targetTtl: 20 }))
    expect(a.recommendation).toBe('flatten')
    expect(a.options[0]!.risk).toMatchObject({ stalenessBoundSeconds: 60 + 300, localityPenalty: 0 })
    expect(a.reasons.join(' ')).toContain('no usable ALIAS')
  })

  it('states the locality penalty of an ALIAS that does not forward ECS as a share of the subnets asked', () => {
    const a = recommend(facts('ns1', false, true))
    const alias = a.options.find((o) => o.technique === 'provider-alias')!
    expect(alias.risk.localityPenalty).toBeCloseTo(0.4)
    expect(alias.risk.locality).toContain('2 of 5 subnets asked')
    // passthrough: the apex is served with the target's TTL
    expect(alias.risk.stalenessBoundSeconds).toBe(120)
  })

  it('names the apex records that forbid a CNAME, and the DNSSEC reason', () => {
    const a = recommend(facts('google', true, false))
    expect(a.reasons.join(' ')).toContain('MX ×1, TXT ×2')
    expect(a.reasons.join(' ')).toMatch(/does not offer its alias in a DNSSEC-signed zone/)
    expect(a.options.find((o) => o.technique === 'provider-alias')!.usable).toBe(false)
  })

  it('route53 may alias its own resources', () => {
    expect(recommend(facts('route53', false, false, { target: 'd111111abcdef8.cloudfront.net.' })).recommendation).toBe('provider-alias')
  })
})
