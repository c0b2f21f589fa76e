import type { ResolverTarget } from '@shared/dns'
import { PUBLIC_RESOLVERS as PROVIDERS } from '@shared/public-resolvers'
import type { ResolverEntry } from '@shared/resolvers'

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
