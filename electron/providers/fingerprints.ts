/** NS-name fingerprints: which DNS host an apex's name servers belong to. */
import type { ProviderMatch } from '@shared/inspector'
import { profileIds, type ProfileId } from '@shared/providers'
import { canonicalName } from '../dns/names'

interface Provider {
  id: string
  name: string
  /** Tested against canonical NS names (lower-case, trailing dot). */
  ns: RegExp
  flattening: ProviderMatch['flattening']
  note: string
}

/**
 * What the NS names say about the DNS host, and how that host aliases an apex. Order matters only
 * where patterns could overlap (Netlify DNS runs on NS1's servers, so the two are one entry).
 */
export const PROVIDERS: readonly Provider[] = [
  { id: 'cloudflare', name: 'Cloudflare', ns: /\.ns\.cloudflare\.com\.$/, flattening: 'automatic', note: 'Cloudflare flattens apex CNAMEs automatically (CNAME flattening)' },
  { id: 'route53', name: 'Amazon Route 53', ns: /(^|\.)awsdns-\d+\.[a-z.]+$/, flattening: 'alias-record', note: 'Route 53 answers apex "alias" records with the target\'s addresses (AWS targets: CloudFront, ELB, S3, API Gateway …)' },
  { id: 'dnsimple', name: 'DNSimple', ns: /\.dnsimple(-edge)?\.(com|net|org|info)\.$/, flattening: 'alias-record', note: 'DNSimple resolves ALIAS records at the apex when asked' },
  { id: 'ns1', name: 'NS1 (also Netlify DNS)', ns: /\.nsone\.net\.$/, flattening: 'alias-record', note: 'NS1 serves ALIAS records resolved at query time; Netlify DNS, on the same servers, flattens apexes pointing at Netlify' },
  { id: 'azure', name: 'Azure DNS', ns: /\.azure-dns\.(com|net|org|info)\.$/, flattening: 'alias-record', note: 'Azure DNS alias records point the apex at Azure resources (Front Door, Traffic Manager, CDN, public IPs)' },
  { id: 'google', name: 'Google Cloud DNS', ns: /\.googledomains\.com\.$/, flattening: 'alias-record', note: 'Google Cloud DNS has an ALIAS record type: at the apex only, for A/AAAA, in public zones, set through its API or gcloud, not with DNSSEC' },
  { id: 'digitalocean', name: 'DigitalOcean', ns: /\.digitalocean\.com\.$/, flattening: 'none', note: 'DigitalOcean DNS has no ALIAS or flattening: the apex carries plain A/AAAA records' },
  { id: 'vercel', name: 'Vercel', ns: /\.vercel-dns\.com\.$/, flattening: 'alias-record', note: 'Vercel DNS resolves ALIAS records at the apex' },
  { id: 'gandi', name: 'Gandi', ns: /\.gandi\.net\.$/, flattening: 'alias-record', note: 'Gandi LiveDNS supports ALIAS records at the apex' },
  { id: 'hetzner', name: 'Hetzner', ns: /(\.ns\.hetzner\.(com|de)\.$)|(\.(first|second)-ns\.(de|com)\.$)/, flattening: 'none', note: 'Hetzner DNS has no ALIAS or flattening' },
  { id: 'desec', name: 'deSEC', ns: /\.desec\.(io|org)\.$/, flattening: 'none', note: 'deSEC has no ALIAS or flattening' },
  { id: 'bunny', name: 'Bunny DNS', ns: /\.bunny\.net\.$/, flattening: 'automatic', note: 'Bunny DNS flattens apex CNAMEs' },
  { id: 'porkbun', name: 'Porkbun', ns: /\.porkbun\.com\.$/, flattening: 'alias-record', note: 'Porkbun supports ALIAS records at the apex' },
  { id: 'namecheap', name: 'Namecheap', ns: /\.registrar-servers\.com\.$/, flattening: 'alias-record', note: 'Namecheap BasicDNS supports ALIAS records at the apex' },
  { id: 'godaddy', name: 'GoDaddy', ns: /\.domaincontrol\.com\.$/, flattening: 'none', note: 'GoDaddy DNS has no apex ALIAS or flattening' },
  { id: 'dnsmadeeasy', name: 'DNS Made Easy', ns: /\.dnsmadeeasy\.com\.$/, flattening: 'aname', note: 'DNS Made Easy resolves ANAME records at the apex' },
  { id: 'constellix', name: 'Constellix', ns: /\.constellix\.(com|net)\.$/, flattening: 'aname', note: 'Constellix resolves ANAME records at the apex' },
  { id: 'easydns', name: 'easyDNS', ns: /\.easydns\.(com|net|org|info)\.$/, flattening: 'aname', note: 'easyDNS resolves ANAME records at the apex' },
  { id: 'he', name: 'Hurricane Electric', ns: /^ns\d\.he\.net\.$/, flattening: 'alias-record', note: 'Hurricane Electric DNS supports ALIAS records' },
  { id: 'cloudns', name: 'ClouDNS', ns: /\.cloudns\.net\.$/, flattening: 'alias-record', note: 'ClouDNS supports ALIAS records at the apex' },
  { id: 'akamai', name: 'Akamai Edge DNS', ns: /\.akam\.net\.$/, flattening: 'alias-record', note: 'Akamai Edge DNS answers AKAMAICDN apex records with edge addresses' },
  { id: 'dyn', name: 'Dyn Managed DNS (Oracle; retired)', ns: /\.dynect\.net\.$/, flattening: 'alias-record', note: 'Dyn served ALIAS records anywhere in a zone; Oracle has retired Dyn Managed DNS, so these NS names are a leftover' },
  { id: 'ultradns', name: 'UltraDNS', ns: /\.ultradns\.(com|net|org|biz|info|co\.uk)\.$/, flattening: 'alias-record', note: 'UltraDNS serves "Apex Alias" (APEXALIAS) records at the apex, chased like a resolver, with ECS' },
  { id: 'linode', name: 'Linode (Akamai)', ns: /\.linode\.com\.$/, flattening: 'none', note: 'Linode DNS has no ALIAS or flattening' }
]

/** Providers matched by the NS names, most NS names first. */
export function detectProviders(nsNames: readonly string[]): ProviderMatch[] {
  const names = [...new Set(nsNames.map(canonicalName))]
  const matches: ProviderMatch[] = []
  for (const provider of PROVIDERS) {
    const matched = names.filter((name) => provider.ns.test(name))
    if (matched.length === 0) continue
    matches.push({
      id: provider.id,
      name: provider.name,
      flattening: provider.flattening,
      note: provider.note,
      profile: (profileIds as readonly string[]).includes(provider.id) ? (provider.id as ProfileId) : null,
      nsNames: matched
    })
  }
  return matches.sort((a, b) => b.nsNames.length - a.nsNames.length)
}
