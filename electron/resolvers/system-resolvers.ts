import { getServers } from 'node:dns'
import { readFile } from 'node:fs/promises'
import type { ResolverTarget } from '@shared/dns'
import { parseResolverSpec } from './parse-resolver'
import { parseResolvConf } from './resolv-conf'

export interface SystemResolverSources {
  platform: NodeJS.Platform
  readResolvConf: () => Promise<string>
  /** Node's view of the system servers (`dns.getServers()`): `1.2.3.4`, `[::1]:5353`, `fe80::1%eth0`. */
  nodeServers: () => string[]
}

const defaultSources: SystemResolverSources = {
  platform: process.platform,
  readResolvConf: () => readFile('/etc/resolv.conf', 'utf8'),
  nodeServers: () => getServers()
}

/**
 * The system's own resolvers as UDP targets: `/etc/resolv.conf` on Linux and macOS (scoped IPv6 kept),
 * Node's `dns.getServers()` elsewhere or when resolv.conf is missing or lists no server.
 */
export async function systemResolvers(sources: Partial<SystemResolverSources> = {}): Promise<ResolverTarget[]> {
  const s = { ...defaultSources, ...sources }
  if (s.platform !== 'win32') {
    const text = await s.readResolvConf().catch(() => '')
    const servers = parseResolvConf(text)
    if (servers.length > 0) return servers.map((host) => ({ transport: 'udp', host, port: 53 }))
  }
  const targets: ResolverTarget[] = []
  for (const server of s.nodeServers()) {
    try {
      const { target } = parseResolverSpec(server)
      if (!targets.some((t) => t.host === target.host && t.port === target.port)) targets.push(target)
    } catch {
      // Node only reports addresses; anything else is not worth failing the whole list for.
    }
  }
  return targets
}
