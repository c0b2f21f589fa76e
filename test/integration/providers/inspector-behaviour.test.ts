import { describe, expect, it } from 'vitest'
import type { ProfileId } from '@shared/providers'
import { startAliasServer } from '../../../electron/alias-server'
import { inspect } from '../../../electron/inspector'
import { PROFILES } from '../../../electron/providers'
import { zoneOf } from '../alias-server/support/zones'

/** The inspector's `behaviour` against our server running each profile: each names its own profile. */

/** Name servers as each provider names them (the fingerprint is data in the zone; nothing is asked of them). */
const NS: Partial<Record<ProfileId, string>> = {
  cloudflare: 'ada.ns.cloudflare.com.',
  route53: 'ns-1.awsdns-01.org.',
  dnsimple: 'ns1.dnsimple.com.',
  ns1: 'dns1.p01.nsone.net.',
  azure: 'ns1-01.azure-dns.com.',
  google: 'ns-cloud-a1.googledomains.com.',
  dnsmadeeasy: 'ns0.dnsmadeeasy.com.',
  dyn: 'ns1.p31.dynect.net.',
  ultradns: 'pdns1.ultradns.net.'
}

const zone = (ns: string): string =>
  [
    '$ORIGIN example.test.',
    '@ 3600 IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 60',
    `@ 3600 IN NS ${ns}`,
    'ns1 3600 IN A 127.0.0.1',
    '@ 30 IN ALIAS cdn.example.test.',
    ''
  ].join('\n')

describe.concurrent.each(PROFILES.map((p) => p.id))('a server running the %s profile', (id) => {
  it('is consistent with its own profile, and rules others out with reasons', async () => {
    const server = await startAliasServer({
      zones: [zoneOf(zone(NS[id] ?? 'ns1.example.test.'))],
      upstream: { mode: 'simulated' },
      settings: { profile: id },
      simulatedTarget: { a: ['192.0.2.10'], aaaa: ['2001:db8::10'], ttl: 60 }
    })
    try {
      const result = await inspect({
        apex: 'example.test',
        target: 'cdn.example.test',
        resolvers: [{ transport: 'udp', host: '127.0.0.1', port: server.port }],
        skipAuthoritative: true
      })
      expect(result.behaviour.consistentWith, JSON.stringify(result.behaviour, null, 1)).toContain(id)
      expect(result.behaviour.ruledOut.length).toBeGreaterThan(0)
      for (const r of result.behaviour.ruledOut) expect(r.because.length).toBeGreaterThan(10)
      expect(result.behaviour.evidence.some((e) => e.startsWith('apex TTL'))).toBe(true)
    } finally {
      await server.stop()
    }
  })
})
