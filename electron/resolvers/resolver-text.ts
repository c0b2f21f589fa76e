import { isIP } from 'node:net'
import type { ResolverTarget } from '@shared/dns'
import { DEFAULT_PORTS } from './parse-resolver'

/** `host:port` with IPv6 in brackets; the port is left out when it is `defaultPort`. */
export function hostPort(host: string, port: number, defaultPort?: number): string {
  if (port === defaultPort) return host
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`
}

/**
 * The target in the syntax parseResolver accepts, e.g. `192.0.2.1`, `[2001:db8::1]:5300`, `tcp://192.0.2.1`,
 * `tls://dns.example`, `https://dns.example/dns-query`. Used as the default label of a saved resolver.
 */
export function resolverToText(target: ResolverTarget): string {
  switch (target.transport) {
    case 'udp':
      return hostPort(target.host, target.port, DEFAULT_PORTS.udp)
    case 'tcp':
      return `tcp://${hostPort(target.host, target.port, DEFAULT_PORTS.tcp)}`
    case 'dot':
      return `tls://${hostPort(target.host, target.port, DEFAULT_PORTS.dot)}`
    case 'doh':
      return target.url ?? `https://${hostPort(isIP(target.host) === 6 ? `[${target.host}]` : target.host, target.port, 443)}/dns-query`
  }
}
