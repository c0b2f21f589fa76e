import { describe, expect, it } from 'vitest'
import type { Verdict } from '@shared/inspector'
import { compareFamily, decideVerdict, detectProviders, type VerdictResolver } from '../../../electron/inspector'

const TARGET = 'cdn.example.net.'

/** One resolver's view: apex and target A sets (and optionally AAAA), TTLs apex 60 / target 300. */
function seen(apexA: string[], targetA: string[], aaaa?: { apex: string[]; target: string[] }): VerdictResolver {
  return {
    label: 'r',
    answered: true,
    a: compareFamily({ family: 'A', apex: apexA, target: targetA, apexTtl: 60, targetTtl: 300 }),
    aaaa: compareFamily({ family: 'AAAA', apex: aaaa?.apex ?? [], target: aaaa?.target ?? [] })
  }
}

interface Case {
  name: string
  resolvers: VerdictResolver[]
  target?: string
  ns?: string[]
  verdict: Verdict['verdict']
  evidence?: RegExp[]
  summary?: RegExp
}

const cases: Case[] = [
  {
    name: 'equal sets everywhere',
    resolvers: [seen(['192.0.2.1'], ['192.0.2.1']), seen(['192.0.2.1'], ['192.0.2.1']), seen(['192.0.2.1'], ['192.0.2.1'])],
    verdict: 'likely',
    summary: /^ALIAS \/ flattening likely: example\.com follows cdn\.example\.net\.$/,
    evidence: [
      /^no CNAME at the apex \(RFC 1034 forbids one there\)$/,
      /^apex A set equals cdn\.example\.net's on 3 of 3 resolvers$/,
      /^apex A TTL at or below cdn\.example\.net's on 3 of 3 resolvers/
    ]
  },
  {
    name: 'CDN: overlap, disjoint and equal, every apex address seen for the target somewhere',
    resolvers: [
      seen(['192.0.2.1', '192.0.2.2'], ['192.0.2.2', '192.0.2.3']),
      seen(['192.0.2.1'], ['192.0.2.9']),
      seen(['192.0.2.1'], ['192.0.2.1'])
    ],
    verdict: 'likely',
    evidence: [/partly overlaps .* on 1 of 3/, /shares no address .* on 1 of 3/, /every apex address appears among/]
  },
  {
    name: 'CDN: partial overlap on every resolver',
    resolvers: [seen(['192.0.2.1', '192.0.2.2'], ['192.0.2.2', '192.0.2.3']), seen(['192.0.2.1', '192.0.2.2'], ['192.0.2.2', '192.0.2.4'])],
    verdict: 'likely'
  },
  {
    name: 'CDN: one resolver overlaps, another is disjoint with an unseen address: never not-aliased',
    resolvers: [seen(['192.0.2.1', '192.0.2.2'], ['192.0.2.2', '192.0.2.3']), seen(['198.51.100.9'], ['192.0.2.5'])],
    verdict: 'inconclusive',
    summary: /some resolvers and not on others/
  },
  {
    name: 'CDN vantage points swapped: disjoint per resolver, contained across resolvers',
    resolvers: [seen(['192.0.2.1'], ['192.0.2.2']), seen(['192.0.2.2'], ['192.0.2.1'])],
    verdict: 'likely'
  },
  {
    name: 'unrelated addresses everywhere',
    resolvers: [seen(['198.51.100.7'], ['192.0.2.1']), seen(['198.51.100.7'], ['192.0.2.1'])],
    verdict: 'not-aliased',
    summary: /^Not aliased to cdn\.example\.net/,
    evidence: [/^apex A set shares no address with cdn\.example\.net's on 2 of 2 resolvers$/]
  },
  {
    name: 'a plain CNAME at the apex',
    resolvers: [{ ...seen(['192.0.2.1'], ['192.0.2.1']), apexCname: TARGET }],
    verdict: 'inconclusive',
    summary: /plain CNAME to cdn\.example\.net/,
    evidence: [/RFC 1034 forbids one there/]
  },
  {
    name: 'no target',
    resolvers: [seen(['192.0.2.1'], [])],
    target: '',
    verdict: 'inconclusive',
    summary: /no target/
  },
  {
    name: 'no resolver answered',
    resolvers: [{ label: 'r', answered: false }],
    verdict: 'inconclusive',
    summary: /no resolver answered/
  },
  {
    name: 'apex without addresses',
    resolvers: [seen([], ['192.0.2.1'])],
    verdict: 'inconclusive',
    summary: /no resolver gave addresses for both/
  },
  {
    name: 'equal, but the DNS host has no ALIAS: a static copy',
    resolvers: [seen(['192.0.2.1'], ['192.0.2.1'])],
    ns: ['ns1.digitalocean.com', 'ns2.digitalocean.com'],
    verdict: 'inconclusive',
    summary: /static copy/
  },
  {
    name: 'equal on a Cloudflare zone',
    resolvers: [seen(['192.0.2.1'], ['192.0.2.1'])],
    ns: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'],
    verdict: 'likely',
    evidence: [/^NS are Cloudflare's .*Cloudflare flattens apex CNAMEs automatically/]
  },
  {
    name: 'IPv6 only',
    resolvers: [seen([], [], { apex: ['2001:db8::1'], target: ['2001:db8::1'] })],
    verdict: 'likely',
    evidence: [/apex AAAA set equals/]
  },
  {
    name: 'A follows, AAAA is a static unrelated set',
    resolvers: [seen(['192.0.2.1'], ['192.0.2.1'], { apex: ['2001:db8::99'], target: ['2001:db8::1'] })],
    verdict: 'likely',
    evidence: [/apex AAAA set shares no address/]
  }
]

describe('decideVerdict', () => {
  it.each(cases)('$name → $verdict', (c) => {
    const result = decideVerdict({
      apex: 'example.com.',
      target: c.target === '' ? undefined : (c.target ?? TARGET),
      resolvers: c.resolvers,
      providers: detectProviders(c.ns ?? [])
    })
    expect(result.verdict).toBe(c.verdict)
    if (c.summary) expect(result.summary).toMatch(c.summary)
    const texts = result.evidence.map((e) => e.text)
    for (const pattern of c.evidence ?? []) expect(texts.some((t) => pattern.test(t)), `${pattern} in ${JSON.stringify(texts)}`).toBe(true)
  })

  it('never says not-aliased when any resolver overlaps', () => {
    for (const c of cases) {
      const overlaps = c.resolvers.some((r) => r.a?.relation === 'overlap' || r.aaaa?.relation === 'overlap')
      if (!overlaps) continue
      const result = decideVerdict({ apex: 'example.com.', target: TARGET, resolvers: c.resolvers, providers: [] })
      expect(result.verdict).not.toBe('not-aliased')
    }
  })

  it('mentions an HTTPS AliasMode record pointing at the target', () => {
    const result = decideVerdict({
      apex: 'example.com.',
      target: TARGET,
      resolvers: [seen(['192.0.2.1'], ['192.0.2.1'])],
      providers: [],
      httpsAliasTarget: TARGET
    })
    expect(result.evidence).toContainEqual({ stance: 'for', text: "the apex's HTTPS record in AliasMode points to cdn.example.net" })
  })
})
