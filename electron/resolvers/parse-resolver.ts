import { isIP } from 'node:net'
import { domainToASCII } from 'node:url'
import type { ResolverTarget } from '@shared/dns'
import { ServiceError } from '@shared/errors'
import { canonicalIp } from '../dns/ip'
import { buildDohUrl, DEFAULT_PORTS, isLoopback } from '@shared/resolver-target'

export interface ParsedResolver {
  target: ResolverTarget
  /** Whether the text gave a port (the terminal command's +tcp/+tls/+https keep it, or pick their default). */
  explicitPort: boolean
}

const SCHEMES = 'an IP address, tcp://, tls://, https://, or http:// for a loopback server'
const MAX_INPUT = 2048

/**
 * Parses a resolver typed by a user: `IP`, `IP:port`, `[IPv6]:port`, bare IPv6, `udp://` or `tcp://IP[:port]`,
 * `tls://host[:port]`, `https://host[:port][/path]`, `http://` for loopback hosts only.
 * Throws ServiceError('bad-input') saying what is wrong and quoting the input.
 */
export function parseResolver(input: string): ResolverTarget {
  return parseResolverSpec(input).target
}

export function parseResolverSpec(input: string): ParsedResolver {
  const text = input.trim()
  if (text === '') throw new ServiceError('bad-input', 'the resolver is empty')
  const fail = (problem: string): never => {
    throw new ServiceError('bad-input', `"${shorten(text)}": ${problem}`)
  }
  if (text.length > MAX_INPUT) fail(`it is longer than ${MAX_INPUT} characters`)
  if (/\s/.test(text)) fail('it contains white space')
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)
  if (!scheme) return address(text, 'udp', fail)
  const name = scheme[1]!.toLowerCase()
  const rest = text.slice(scheme[0].length)
  switch (name) {
    case 'udp':
    case 'tcp':
      return address(stripSlash(rest, fail), name, fail)
    case 'tls':
    case 'dot':
      return tls(stripSlash(rest, fail), fail)
    case 'https':
    case 'http':
      return doh(name, rest, fail)
    default:
      return fail(`unsupported scheme "${name}://" (use ${SCHEMES})`)
  }
}

type Fail = (problem: string) => never

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}

function stripSlash(rest: string, fail: Fail): string {
  const trimmed = rest.endsWith('/') ? rest.slice(0, -1) : rest
  if (/[/?#]/.test(trimmed)) fail('a path is only meaningful for https:// (DNS over HTTPS)')
  return trimmed
}

/** Splits `host`, `host:port`, `[v6]`, `[v6]:port` and bare IPv6 into host and raw port text. */
function splitHostPort(text: string, fail: Fail): { host: string; port?: string; bracketed: boolean } {
  if (text.startsWith('[')) {
    const m = /^\[([^\]]*)\](.*)$/.exec(text)
    if (!m) return fail('missing "]" after the IPv6 address')
    const after = m[2]!
    if (after !== '' && !after.startsWith(':')) fail(`unexpected "${after}" after "]" (expected ":port")`)
    if (isIP(m[1]!) !== 6) fail(`"${m[1]}" is not an IPv6 address (brackets are only for IPv6)`)
    return { host: m[1]!, port: after === '' ? undefined : after.slice(1), bracketed: true }
  }
  const colons = text.split(':').length - 1
  if (colons >= 2) {
    if (isIP(text) !== 6) fail('it is not a valid IPv6 address (write [IPv6]:port to give a port)')
    return { host: text, bracketed: false }
  }
  if (colons === 1) {
    const i = text.indexOf(':')
    return { host: text.slice(0, i), port: text.slice(i + 1), bracketed: false }
  }
  return { host: text, bracketed: false }
}

function parsePort(raw: string | undefined, fallback: number, fail: Fail): number {
  if (raw === undefined) return fallback
  if (raw === '') fail('the port after ":" is empty')
  if (!/^\d+$/.test(raw)) fail(`port "${raw}" is not a number`)
  const port = Number(raw)
  if (port < 1 || port > 65535) fail(`port ${raw.replace(/^0+(?=\d)/, '')} is out of range (1-65535)`)
  return port
}

/** Canonical IP text: IPv6 compressed and lower-case, a zone index (`%eth0`) kept as typed. */
function canonicalAddress(ip: string): string {
  if (isIP(ip) !== 6) return ip
  const pct = ip.indexOf('%')
  return pct < 0 ? canonicalIp(ip) : `${canonicalIp(ip.slice(0, pct))}${ip.slice(pct)}`
}

function checkIp(host: string, fail: Fail): string {
  if (host === '') fail('the address is empty')
  if (isIP(host) !== 0) return canonicalAddress(host)
  if (/^[\d.]+$/.test(host)) fail(`"${host}" is not a valid IPv4 address`)
  return fail(`"${host}" is not an IP address (a server given by name needs tls:// or https://)`)
}

function address(text: string, transport: 'udp' | 'tcp', fail: Fail): ParsedResolver {
  const { host, port } = splitHostPort(text, fail)
  return {
    target: { transport, host: checkIp(host, fail), port: parsePort(port, DEFAULT_PORTS[transport], fail) },
    explicitPort: port !== undefined
  }
}

/** An IP literal (canonical form) or a host name (A-labels, lower case, no trailing dot). */
function checkHost(host: string, fail: Fail): { host: string; isName: boolean } {
  if (host === '') fail('the host is empty')
  if (isIP(host) !== 0) return { host: canonicalAddress(host), isName: false }
  if (/^[\d.]+$/.test(host)) fail(`"${host}" is not a valid IPv4 address`)
  const bare = host.endsWith('.') ? host.slice(0, -1) : host
  const ascii = /[^\p{ASCII}]/u.test(bare) ? domainToASCII(bare) : bare.toLowerCase()
  if (!ascii) fail(`"${host}" is not a valid host name`)
  if (ascii.length > 253) fail(`host name "${shorten(host)}" is longer than 253 characters`)
  for (const label of ascii.split('.')) {
    if (label === '') fail(`host name "${host}" has an empty label`)
    if (label.length > 63) fail(`host name label "${shorten(label)}" is longer than 63 characters`)
    if (!/^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?$/.test(label)) {
      fail(`"${host}" is not a valid host name (letters, digits and inner hyphens only)`)
    }
  }
  return { host: ascii, isName: true }
}

function tls(text: string, fail: Fail): ParsedResolver {
  const { host: rawHost, port, bracketed } = splitHostPort(text, fail)
  const { host, isName } = bracketed ? { host: canonicalAddress(rawHost), isName: false } : checkHost(rawHost, fail)
  return {
    target: {
      transport: 'dot',
      host,
      port: parsePort(port, DEFAULT_PORTS.dot, fail),
      ...(isName ? { tlsServerName: host } : {})
    },
    explicitPort: port !== undefined
  }
}

function doh(scheme: 'https' | 'http', rest: string, fail: Fail): ParsedResolver {
  const m = /^([^/?#]*)(.*)$/.exec(rest)!
  const authority = m[1]!
  let path = m[2]!.replace(/\{\?dns\}$/, '')
  if (authority.includes('@')) fail('credentials (user@) are not allowed in the URL')
  if (path.includes('#')) fail('a fragment (#...) has no meaning in a DNS over HTTPS URL')
  const { host: rawHost, port, bracketed } = splitHostPort(authority, fail)
  const { host, isName } = bracketed ? { host: canonicalAddress(rawHost), isName: false } : checkHost(rawHost, fail)
  if (scheme === 'http' && !isLoopback(host)) {
    fail('plain http:// is only allowed for loopback servers (127.0.0.0/8, ::1, localhost); use https://')
  }
  const portNumber = parsePort(port, scheme === 'https' ? DEFAULT_PORTS.doh : 80, fail)
  if (path === '' || path === '/') path = '/dns-query'
  else if (path.startsWith('?')) path = `/dns-query${path}`
  let url: string
  try {
    url = new URL(buildDohUrl(scheme, host, portNumber, path)).href
  } catch {
    return fail('it is not a valid URL')
  }
  return {
    target: {
      transport: 'doh',
      host,
      port: portNumber,
      url,
      ...(isName && scheme === 'https' ? { tlsServerName: host } : {})
    },
    explicitPort: port !== undefined
  }
}
