import { describe, expect, it } from 'vitest'
import { profileIds } from '@shared/providers'
import { detectProviders, PROVIDERS } from '../../../electron/providers'

describe('provider table', () => {
  it.each([
    { ns: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com.'], id: 'cloudflare', flattening: 'automatic' },
    { ns: ['ns-1234.awsdns-12.org.', 'ns-99.awsdns-01.com'], id: 'route53', flattening: 'alias-record' },
    { ns: ['ns1.dnsimple.com', 'ns3.dnsimple-edge.net'], id: 'dnsimple', flattening: 'alias-record' },
    { ns: ['dns1.p01.nsone.net'], id: 'ns1', flattening: 'alias-record' },
    { ns: ['ns1-01.azure-dns.com', 'ns2-01.azure-dns.net'], id: 'azure', flattening: 'alias-record' },
    { ns: ['ns-cloud-a1.googledomains.com'], id: 'google', flattening: 'alias-record' },
    { ns: ['ns1.digitalocean.com'], id: 'digitalocean', flattening: 'none' },
    { ns: ['ns1.vercel-dns.com'], id: 'vercel', flattening: 'alias-record' },
    { ns: ['ns-12-a.gandi.net'], id: 'gandi', flattening: 'alias-record' },
    { ns: ['hydrogen.ns.hetzner.com', 'helium.ns.hetzner.de'], id: 'hetzner', flattening: 'none' },
    { ns: ['ns1.desec.io', 'ns2.desec.org'], id: 'desec', flattening: 'none' },
    { ns: ['NS1.DNSMADEEASY.COM'], id: 'dnsmadeeasy', flattening: 'aname' },
    { ns: ['kiki.bunny.net'], id: 'bunny', flattening: 'automatic' },
    { ns: ['ns1.p31.dynect.net', 'ns2.p31.dynect.net'], id: 'dyn', flattening: 'alias-record' },
    { ns: ['pdns1.ultradns.net', 'pdns6.ultradns.co.uk'], id: 'ultradns', flattening: 'alias-record' }
  ] as const)('$ns → $id ($flattening)', ({ ns, id, flattening }) => {
    const [first] = detectProviders(ns)
    expect(first?.id).toBe(id)
    expect(first?.flattening).toBe(flattening)
    expect(first?.nsNames).toHaveLength(ns.length)
  })

  it('says how Cloudflare flattens', () => {
    expect(detectProviders(['ada.ns.cloudflare.com'])[0]?.note).toMatch(/Cloudflare flattens apex CNAMEs automatically/)
  })

  it('matches nothing for unknown or look-alike names', () => {
    expect(detectProviders(['ns1.example.test', 'ns.cloudflare.com.evil.test', 'awsdns.example'])).toEqual([])
  })

  it('ranks a multi-provider setup by the number of NS names', () => {
    const found = detectProviders(['a.ns.cloudflare.com', 'b.ns.cloudflare.com', 'ns-1.awsdns-1.net'])
    expect(found.map((p) => p.id)).toEqual(['cloudflare', 'route53'])
  })

  it('has unique ids and a note for every entry', () => {
    expect(new Set(PROVIDERS.map((p) => p.id)).size).toBe(PROVIDERS.length)
    for (const provider of PROVIDERS) expect(provider.note.length).toBeGreaterThan(10)
  })

  it('names the profile of a recognised provider, or none ("no profile")', () => {
    expect(detectProviders(['pdns1.ultradns.net'])[0]?.profile).toBe('ultradns')
    expect(detectProviders(['ns1.p31.dynect.net'])[0]?.profile).toBe('dyn')
    expect(detectProviders(['ns1.digitalocean.com'])[0]?.profile).toBeNull()
    const withProfile = PROVIDERS.filter((p) => (profileIds as readonly string[]).includes(p.id)).map((p) => p.id)
    expect(withProfile).toEqual(expect.arrayContaining(['cloudflare', 'route53', 'dnsimple', 'ns1', 'azure', 'google', 'dnsmadeeasy', 'dyn', 'ultradns']))
  })
})
