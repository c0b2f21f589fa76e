/** The public resolvers offered as presets (electron/resolvers), and whose hosts the query pool treats gently. */

export interface PublicResolver {
  key: string
  name: string
  addresses: string[]
  dot: { host: string; serverName: string }
  doh: { host: string; url: string; serverName: string }
}

// DoT and DoH dial a fixed address with the provider's name for SNI and the certificate check, so that a
// preset works without first resolving the provider's name through the (possibly broken) system resolver.
export const PUBLIC_RESOLVERS: readonly PublicResolver[] = [
  {
    key: 'cloudflare',
    name: 'Cloudflare',
    addresses: ['1.1.1.1', '1.0.0.1', '2606:4700:4700::1111'],
    dot: { host: '1.1.1.1', serverName: 'one.one.one.one' },
    doh: { host: '1.1.1.1', url: 'https://cloudflare-dns.com/dns-query', serverName: 'cloudflare-dns.com' }
  },
  {
    key: 'google',
    name: 'Google',
    addresses: ['8.8.8.8', '2001:4860:4860::8888'],
    dot: { host: '8.8.8.8', serverName: 'dns.google' },
    doh: { host: '8.8.8.8', url: 'https://dns.google/dns-query', serverName: 'dns.google' }
  },
  {
    key: 'quad9',
    name: 'Quad9',
    addresses: ['9.9.9.9', '2620:fe::fe'],
    dot: { host: '9.9.9.9', serverName: 'dns.quad9.net' },
    doh: { host: '9.9.9.9', url: 'https://dns.quad9.net/dns-query', serverName: 'dns.quad9.net' }
  }
]

/** Addresses and names of the public resolver presets (the query pool is gentler with them). */
export const PUBLIC_RESOLVER_HOSTS: ReadonlySet<string> = new Set(
  PUBLIC_RESOLVERS.flatMap((p) => [...p.addresses, p.dot.host, p.dot.serverName, p.doh.host, p.doh.serverName])
)
