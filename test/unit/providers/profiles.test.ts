import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultAliasSettings } from '@shared/alias-server'
import { profileIds, profileListSchema } from '@shared/providers'
import { applySettings, defaultSettings } from '../../../electron/alias-server/settings'
import { aliasRefusal, PROFILES, profileSettings, profileText, RULE_NAMES, transferPlan } from '../../../electron/providers'
import { profilesMarkdown } from '../../../electron/providers/readme-table'

describe('provider profiles', () => {
  it('has one valid profile per id, in the contract order', () => {
    expect(PROFILES.map((p) => p.id)).toEqual([...profileIds])
    expect(profileListSchema.safeParse(PROFILES).success).toBe(true)
  })

  it('draft is the default: its settings are the server defaults, so choosing no profile changes nothing', () => {
    const s = profileSettings('draft')
    for (const [k, v] of Object.entries(s)) expect(defaultAliasSettings[k as keyof typeof s], k).toBe(v)
  })

  it('every rule has a source or says it is an assumption (never "checked" without a source)', () => {
    for (const p of PROFILES) {
      for (const name of RULE_NAMES) {
        const r = p[name]
        if (r.source === null) expect(r.checked, `${p.id}.${name}`).toBe(false)
        expect(r.text.length, `${p.id}.${name}`).toBeGreaterThan(3)
      }
    }
    expect(profileText(PROFILES.find((p) => p.id === 'technitium')!)).toContain('(ASSUMPTION)')
  })

  it('a profile sets the defaults; a patch that names it and overrides one rule keeps the override', () => {
    const s = applySettings(defaultSettings(), { profile: 'powerdns', ttlPolicy: 'record' })
    expect(s).toMatchObject({ profile: 'powerdns', ttlPolicy: 'record', onTargetNxdomain: 'servfail', onTargetMissing: 'nodata', onUpstreamFailure: 'servfail', aliasTypeQuery: 'nodata' })
    const dnsimple = applySettings(s, { profile: 'dnsimple' })
    expect(dnsimple).toMatchObject({ ttlPolicy: 'record', onUpstreamFailure: 'stale', staleFallback: 'nodata', upstreamTimeoutMs: 500, upstreamRetries: 1 })
    expect(() => applySettings(s, { ttlPolicy: 'constant:x' as never })).toThrow(/constant:N/)
  })

  it('refuses what the provider would refuse: apex-only placement, Route 53 targets outside AWS and the zone', () => {
    expect(aliasRefusal('google', 'www.example.com.', 'example.com.', 'cdn.example.net.')).toMatch(/apex only/)
    expect(aliasRefusal('route53', 'example.com.', 'example.com.', 'cdn.example.net.')).toMatch(/neither/)
    expect(aliasRefusal('route53', 'example.com.', 'example.com.', 'd111.cloudfront.net.')).toBeNull()
    expect(aliasRefusal('powerdns', 'www.example.com.', 'example.com.', 'cdn.example.net.')).toBeNull()
  })

  it("the README's profiles table is the one the data generates", () => {
    const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8')
    expect(readme).toContain(profilesMarkdown())
  })
})

describe('dyn and ultradns, rule by rule beside the others', () => {
  const rows: Array<[string, keyof (typeof PROFILES)[number], unknown]> = [
    ['dyn', 'placement', 'anywhere'],
    ['dyn', 'axfr', 'omitted'],
    ['dyn', 'ecs', { forward: false, ipv4Prefix: null, ipv6Prefix: null }],
    ['ultradns', 'placement', 'apex'],
    ['ultradns', 'ttl', 'passthrough'],
    ['ultradns', 'ecs', { forward: true, ipv4Prefix: 24, ipv6Prefix: 56 }],
    ['google', 'placement', 'apex'],
    ['google', 'dnssec', 'not-with-alias'],
    ['google', 'aliasTypeQuery', 'nodata']
  ]
  it.each(rows)('%s.%s is %j, with a source', (id, rule, value) => {
    const p = PROFILES.find((x) => x.id === id)!
    const r = p[rule] as { value: unknown; source: unknown }
    expect(r.value).toEqual(value)
    expect(r.source).not.toBeNull()
  })

  it('dyn is marked historical with its source; ultradns and the others are not', () => {
    const dyn = PROFILES.find((p) => p.id === 'dyn')!
    expect(dyn.historical).toMatch(/Oracle .*lemondeinformatique/)
    expect(profileText(dyn)).toContain('historical: Oracle')
    expect(PROFILES.filter((p) => p.historical).map((p) => p.id)).toEqual(['dyn'])
  })

  it('placement: ultradns refuses an alias below the apex, dyn takes it anywhere', () => {
    expect(aliasRefusal('ultradns', 'www.example.com.', 'example.com.', 'cdn.example.net.')).toMatch(/apex only/)
    expect(aliasRefusal('ultradns', 'example.com.', 'example.com.', 'cdn.example.net.')).toBeNull()
    expect(aliasRefusal('dyn', 'deep.www.example.com.', 'example.com.', 'cdn.example.net.')).toBeNull()
  })

  it("an AXFR under dyn leaves the aliases out with a warning per alias; under dnsimple they are resolved; google refuses transfers", () => {
    const rec = (name: string, type: string, data: string) => ({ name, type, ttl: 60, class: 'IN' as const, rdata: [data], line: 1, column: 1 })
    const records = [rec('example.com.', 'ALIAS', 'cdn.example.net.'), rec('www.example.com.', 'ANAME', 'cdn.example.net.'), rec('mail.example.com.', 'A', '192.0.2.1')]
    const dyn = transferPlan('dyn', records)
    expect('records' in dyn && dyn.records.map((r) => r.type)).toEqual(['A'])
    expect('warnings' in dyn && dyn.warnings).toEqual([
      expect.stringMatching(/^AXFR: example\.com\. ALIAS cdn\.example\.net\. left out, as Dyn .*cannot be transferred/),
      expect.stringMatching(/^AXFR: www\.example\.com\. ANAME/)
    ])
    const dnsimple = transferPlan('dnsimple', records)
    expect('aliases' in dnsimple && dnsimple.aliases.length).toBe(2)
    expect(transferPlan('google', records)).toEqual({ refused: expect.stringMatching(/no outgoing zone transfers/) })
  })
})
