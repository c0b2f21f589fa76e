import { queryOptionsSchema, type DnsQueryRequest, type ResolverTarget } from '@shared/dns'
import { normalizeName, parseQueryType, typeName } from '../dns'
import { shellCommand } from './shell-quote'

export interface DigCommandOptions {
  /** The name exactly as it was sent (e.g. with its 0x20 case), from `result.question.name`. */
  sentName?: string
  /** A CA file for DoT/DoH (`+tls-ca=FILE`); without it dig checks against the system's CAs. */
  caFile?: string
}

// Mnemonics every dig 9.x knows; anything else (ALIAS, recent types) is written TYPEnnn, which dig always accepts.
const DIG_TYPES = new Set([
  'A', 'NS', 'CNAME', 'SOA', 'PTR', 'HINFO', 'MX', 'TXT', 'RP', 'AFSDB', 'SIG', 'KEY', 'AAAA', 'LOC', 'SRV',
  'NAPTR', 'KX', 'CERT', 'DNAME', 'APL', 'DS', 'SSHFP', 'IPSECKEY', 'RRSIG', 'NSEC', 'DNSKEY', 'DHCID', 'NSEC3',
  'NSEC3PARAM', 'TLSA', 'SMIMEA', 'HIP', 'CDS', 'CDNSKEY', 'OPENPGPKEY', 'CSYNC', 'ZONEMD', 'SVCB', 'HTTPS', 'SPF',
  'URI', 'CAA', 'ANY', 'AXFR', 'IXFR', 'NULL'
])

// Engine defaults that differ from dig's; dig's own defaults (AD and COOKIE on) are switched off explicitly.
const ENGINE_DEFAULT_UDP_SIZE = 1232
const ENGINE_DEFAULT_TIMEOUT_MS = 3000
const ENGINE_DEFAULT_RETRIES = 1

function digName(request: DnsQueryRequest, options: DigCommandOptions): string {
  if (options.sentName) return options.sentName
  try {
    return normalizeName(request.name).ascii
  } catch {
    return request.name
  }
}

function digType(type: string | number): string {
  try {
    const name = typeName(parseQueryType(type))
    return DIG_TYPES.has(name) ? name : `TYPE${parseQueryType(type)}`
  } catch {
    return String(type)
  }
}

function httpPath(target: ResolverTarget): string | undefined {
  if (!target.url) return undefined
  const url = new URL(target.url)
  const path = `${url.pathname}${url.search}`
  return path === '/dns-query' ? undefined : path
}

function transportArgs(target: ResolverTarget, options: DigCommandOptions): string[] {
  switch (target.transport) {
    case 'udp':
      return []
    case 'tcp':
      return ['+tcp']
    case 'dot':
    case 'doh': {
      const args: string[] = []
      const plain = target.url?.startsWith('http:') === true
      if (target.transport === 'dot') args.push('+tls')
      else {
        const mode = plain ? 'http-plain' : 'https'
        const path = httpPath(target)
        args.push(path ? `+${mode}=${path}` : `+${mode}`)
        if (target.dohMethod === 'GET') args.push(`+${mode}-get`)
      }
      if (plain) return args
      // Our engine always verifies certificates; dig only does with +tls-ca.
      args.push(options.caFile ? `+tls-ca=${options.caFile}` : '+tls-ca')
      const serverName = target.tlsServerName ?? (target.url ? new URL(target.url).hostname : undefined)
      if (serverName && serverName !== target.host) args.push(`+tls-hostname=${serverName}`)
      return args
    }
  }
}

function defaultPort(target: ResolverTarget): number {
  if (target.transport === 'dot') return 853
  if (target.transport === 'doh') return target.url?.startsWith('http:') ? 80 : 443
  return 53
}

/** `dig` arguments (first one 'dig') that send the same query as `request`. */
export function digArgs(request: DnsQueryRequest, options: DigCommandOptions = {}): string[] {
  const target = request.resolver
  const o = queryOptionsSchema.parse(request.options ?? {})
  const args = ['dig', `@${target.host}`]
  if (target.port !== defaultPort(target)) args.push('-p', String(target.port))
  const name = digName(request, options)
  const type = digType(request.type)
  // words that dig would read as an option or a server go after -q / -t
  args.push(...(/^[-+@]/.test(name) ? ['-q', name] : [name]), ...(/^[-+@]/.test(type) ? ['-t', type] : [type]))
  args.push(...transportArgs(target, options))
  if (!o.rd) args.push('+norecurse')
  if (o.cd) args.push('+cdflag')
  if (!o.ad) args.push('+noadflag')
  if (!o.edns) args.push('+noedns')
  else {
    if (o.udpSize !== ENGINE_DEFAULT_UDP_SIZE) args.push(`+bufsize=${o.udpSize}`)
    if (o.dnssecOk) args.push('+dnssec')
    if (o.nsid) args.push('+nsid')
    if (!o.cookie) args.push('+nocookie')
    if (o.clientSubnet) args.push(`+subnet=${o.clientSubnet}`)
    if (o.padding ?? (target.transport === 'dot' || target.transport === 'doh')) args.push('+padding=128')
  }
  if (target.transport === 'udp' && !o.tcpFallback) args.push('+ignore')
  if (o.timeoutMs !== ENGINE_DEFAULT_TIMEOUT_MS) args.push(`+timeout=${Math.max(1, Math.ceil(o.timeoutMs / 1000))}`)
  if (target.transport === 'udp' && o.retries !== ENGINE_DEFAULT_RETRIES) args.push(`+retry=${o.retries}`)
  return args
}

/** "Copy as dig command": the query as a shell-safe dig command line. */
export function digCommand(request: DnsQueryRequest, options: DigCommandOptions = {}): string {
  return shellCommand(digArgs(request, options))
}
