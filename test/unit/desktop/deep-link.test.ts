import { describe, expect, it } from 'vitest'
import { formatDeepLink, parseDeepLink } from '@shared/deep-link'

describe('alias-inspector:// links', () => {
  it('reads the apex and the target', () => {
    expect(parseDeepLink('alias-inspector://inspect/example.com?target=cdn.example.net')).toEqual({
      ok: true,
      link: { apex: 'example.com', target: 'cdn.example.net' }
    })
    expect(parseDeepLink('alias-inspector://inspect/example.com')).toEqual({ ok: true, link: { apex: 'example.com' } })
    expect(parseDeepLink('ALIAS-INSPECTOR://inspect/example.com./')).toEqual({ ok: true, link: { apex: 'example.com.' } })
    expect(parseDeepLink('alias-inspector://inspect/b%C3%BCcher.example')).toEqual({ ok: true, link: { apex: 'bücher.example' } })
  })

  it('refuses anything else with the reason', () => {
    const refused: Array<[string, RegExp]> = [
      ['alias-inspector://watch/example.com', /only alias-inspector:\/\/inspect\//],
      ['https://inspect/example.com', /only/],
      ['alias-inspector://inspect/', /domain is empty/],
      ['alias-inspector://inspect/exa mple.com', /not a domain name/],
      ['alias-inspector://inspect/example.com%00.evil', /not a domain name/],
      ['alias-inspector://inspect/a..b', /empty label/],
      [`alias-inspector://inspect/${'a'.repeat(64)}.com`, /longer than 63/],
      ['alias-inspector://inspect/example.com?target=x&run=rm', /unknown parameter "run"/],
      ['alias-inspector://inspect/example.com?target=a.net&target=b.net', /more than one target/],
      ['alias-inspector://inspect/example.com?target=%', /not a domain name/],
      ['alias-inspector://inspect/%E0%A4%A', /percent-encoding/],
      [`alias-inspector://inspect/${'a.'.repeat(1100)}com`, /longer than 2048/]
    ]
    for (const [link, reason] of refused) {
      const result = parseDeepLink(link)
      expect(result.ok, link).toBe(false)
      if (!result.ok) expect(result.reason, link).toMatch(reason)
    }
  })

  it('writes links that read back the same', () => {
    const link = { apex: 'bücher.example', target: 'cdn.example.net' }
    expect(parseDeepLink(formatDeepLink(link))).toEqual({ ok: true, link })
  })
})
