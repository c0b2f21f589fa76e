import type { DnsTransport, ResolverTarget } from './dns'
import { parseIPv4, parseIPv6 } from './ip-text'

/**
 * The resolver-target model's text side: default ports, `host:port`, the one text form of a target (the syntax
 * `parseResolver` in electron/resolvers reads back), its label, the DoH URL, and the loopback rule. Pure, so the
 * renderer, the engines and the terminal commands all write a resolver the same way.
 */

export const DEFAULT_PORTS: Readonly<Record<DnsTransport, number>> = { udp: 53, tcp: 53, dot: 853, doh: 443 }

const unbracket = (host: string): string => host.replace(/^\[|\]$/g, '')
const isIPv6Text = (host: string): boolean => host.includes(':')

/**
 * Loopback: `localhost`, 127.0.0.0/8, `::1` in any spelling and IPv4-mapped 127.0.0.0/8 (`::ffff:127.0.0.1`), with
 * or without brackets or a zone index.
 */
export function isLoopback(host: string): boolean {
  const h = unbracket(host.trim()).toLowerCase()
  if (h === 'localhost') return true
  const v4 = parseIPv4(h)
  if (v4) return v4[0] === 127
  const v6 = parseIPv6(h.includes('%') ? h.slice(0, h.indexOf('%')) : h)
  if (!v6) return false
  const zeros = (from: number, to: number) => v6.slice(from, to).every((b) => b === 0)
  if (zeros(0, 15) && v6[15] === 1) return true
  return zeros(0, 10) && v6[10] === 0xff && v6[11] === 0xff && v6[12] === 127
}

/** An IPv6 literal in brackets (a zone index escaped as `%25` when `forUrl`); names and IPv4 unchanged. */
function bracketHost(host: string, forUrl = false): string {
  if (!isIPv6Text(host) || host.startsWith('[')) return host
  return `[${forUrl ? host.replace('%', '%25') : host}]`
}

/** `host:port` with IPv6 in brackets; the port is left out when it is `defaultPort`. */
function hostPort(host: string, port: number, defaultPort?: number): string {
  return port === defaultPort ? host : `${bracketHost(host)}:${port}`
}

/** The DoH URL of a target: its own `url`, else `https://host[:port]/dns-query`. */
export function dohUrlText(target: Pick<ResolverTarget, 'host' | 'port' | 'url'>): string {
  return target.url ?? buildDohUrl('https', target.host, target.port, '/dns-query')
}

/** `scheme://host[:port]path`, the port left out when it is the scheme's default. */
export function buildDohUrl(scheme: 'https' | 'http', host: string, port: number, path: string): string {
  const defaultPort = scheme === 'https' ? 443 : 80
  return `${scheme}://${bracketHost(unbracket(host), true)}${port === defaultPort ? '' : `:${port}`}${path}`
}

/**
 * The target in the syntax parseResolver accepts, e.g. `192.0.2.1`, `[2001:db8::1]:5300`, `tcp://192.0.2.1`,
 * `tls://dns.example`, `https://dns.example/dns-query`.
 */
export function formatResolver(target: ResolverTarget): string {
  switch (target.transport) {
    case 'udp':
      return hostPort(target.host, target.port, DEFAULT_PORTS.udp)
    case 'tcp':
      return `tcp://${hostPort(target.host, target.port, DEFAULT_PORTS.tcp)}`
    case 'dot':
      return `tls://${hostPort(target.host, target.port, DEFAULT_PORTS.dot)}`
    case 'doh':
      return dohUrlText(target)
  }
}

/** What a person sees for a target: its label, else its text form. */
export const resolverLabel = (target: ResolverTarget): string => target.label ?? formatResolver(target)
