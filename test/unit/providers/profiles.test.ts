import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultAliasSettings } from '@shared/alias-server'
import { profileIds, profileListSchema } from '@shared/providers'
import { applySettings, defaultSettings } from '../../../electron/alias-server/settings'
import { aliasRefusal, PROFILES, profileSettings, profileText, RULE_NAMES } from '../../../electron/providers'
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
