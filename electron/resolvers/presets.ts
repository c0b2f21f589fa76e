import type { ResolverTarget } from '@shared/dns'
import type { ResolverEntry } from '@shared/resolvers'

interface Provider {
  key: string
  name: string
  addresses: string[]
  dot: { host: string; serverName: string }
  doh: { host: string; url: string; serverName: string }
}

// DoT and DoH dial a fixed address with the provider's name for SNI and the certificate check, so that a
// preset works without first resolving the provider's name through the (possibly broken) system resolver.
const PROVIDERS: readonly Provider[] = [
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

const LOCAL_HOST = '127.0.0.1'

function entry(id: string, label: string, group: ResolverEntry['group'], target: ResolverTarget): ResolverEntry {
  return { id, label, group, target: { ...target, label }, builtIn: true, available: true }
}

function publicPresets(): ResolverEntry[] {
  const out: ResolverEntry[] = []
  for (const p of PROVIDERS) {
    for (const transport of ['udp', 'tcp'] as const) {
      p.addresses.forEach((host, i) => {
        const family = host.includes(':') ? 'ipv6' : 'ipv4'
        const suffix = i === 0 || family === 'ipv6' ? family : `${family}-${i + 1}`
        out.push(entry(`${p.key}-${transport}-${suffix}`, `${p.name} ${host} (${transport.toUpperCase()})`, 'public', {
          transport,
          host,
          port: 53
        }))
      })
    }
    out.push(entry(`${p.key}-dot`, `${p.name} ${p.dot.serverName} (DoT)`, 'public', {
      transport: 'dot',
      host: p.dot.host,
      port: 853,
      tlsServerName: p.dot.serverName
    }))
    out.push(entry(`${p.key}-doh`, `${p.name} ${p.doh.serverName} (DoH)`, 'public', {
      transport: 'doh',
      host: p.doh.host,
      port: 443,
      url: p.doh.url,
      tlsServerName: p.doh.serverName
    }))
  }
  return out
}

function systemPresets(system: readonly ResolverTarget[]): ResolverEntry[] {
  return system.map((target, i) =>
    entry(`system-${i + 1}`, `System resolver ${target.host}${target.port === 53 ? '' : `#${target.port}`}`, 'system', target)
  )
}

/** The local ALIAS test server over UDP and TCP; unavailable (placeholder port 53) when it is not running. */
function localPresets(port: number | undefined): ResolverEntry[] {
  return (['udp', 'tcp'] as const).map((transport) => {
    const label = `Local ALIAS server (${transport.toUpperCase()})`
    const e = entry(`local-${transport}`, label, 'local', { transport, host: LOCAL_HOST, port: port ?? 53 })
    return port === undefined ? { ...e, available: false, note: 'the local ALIAS server is not running' } : e
  })
}

export interface PresetOptions {
  system: readonly ResolverTarget[]
  localServerPort: number | undefined
}

/** Built-in resolvers: the system's, the local ALIAS server, then the public ones. Never queried by tests. */
export function presetResolvers(options: PresetOptions): ResolverEntry[] {
  return [...systemPresets(options.system), ...localPresets(options.localServerPort), ...publicPresets()]
}

/** Whether an id belongs to a built-in entry (`system-N`, `local-*`, or a public preset). */
export function isPresetId(id: string): boolean {
  return /^(system|local)-/.test(id) || PROVIDERS.some((p) => id.startsWith(`${p.key}-`))
}

/** Addresses and names of the public resolver presets (the query pool is gentler with them). */
export const PUBLIC_RESOLVER_HOSTS: ReadonlySet<string> = new Set(
  PROVIDERS.flatMap((p) => [...p.addresses, p.dot.host, p.dot.serverName, p.doh.host, p.doh.serverName])
)
