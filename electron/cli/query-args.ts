import { isIP } from 'node:net'
import type { QueryOptionsInput, ResolverTarget } from '@shared/dns'
import { typeCode } from '@shared/dns-codes'
import { buildDohUrl, DEFAULT_PORTS } from '@shared/resolver-target'
import { parseResolverSpec, type ParsedResolver } from '../resolvers'
import { UsageError } from '@shared/errors'
import { helpFlags, readArgs, whole, type Flags } from './read-args'

export type OutputMode = 'text' | 'json' | 'short' | 'digcmd'

export interface QueryCommand {
  name: string
  type: string
  /** From `@server`; undefined means the system's resolvers. */
  server?: ParsedResolver
  /** `-p PORT`. */
  port?: number
  /** `+tcp`, `+tls`, `+https[=path]`: applied to a plain `@IP` or to the system resolvers. */
  transport?: 'tcp' | 'dot' | 'doh'
  httpsPath?: string
  httpsGet: boolean
  tlsHostname?: string
  options: QueryOptionsInput
  output: OutputMode
  caFile?: string
  help: boolean
  /** `+trace`: iterative resolution from the root, each delegation printed as dig +trace does. */
  trace: boolean
  /** `--root HOST[:PORT]`: with +trace, the root server to start from (like @server). */
  root?: ParsedResolver
}

export const USAGE = `usage: npm run query -- [@server] name [type] [IN] [+option...] [--ca FILE]
  @server      IP, IP:port, [IPv6]:port, tcp://IP[:port], tls://host[:port], https://host[:port]/path
               (default: the system's resolvers)
  -p PORT      server port          -t TYPE / -q NAME   type / name, when they look like something else
  +tcp +tls +https[=/path] +https-get +tls-hostname=NAME
  +dnssec +nsid +cookie +subnet=ADDR/LEN +cd +ad +norecurse +bufsize=N +noedns +padding +0x20
  +notcpfallback +timeout=SECONDS +retry=N
  +json (RFC 8427) +short (answer data only) +digcmd (print the equivalent dig command, do not query)
  +trace       iterative resolution from the root (the root NS from @server or --root), dig +trace style
  --root HOST[:PORT]  with +trace: the root server to start from (e.g. the lab's local root)
  --ca FILE    extra trusted CA (PEM) for DoT/DoH
exit status: 0 answer (any rcode), 9 no reply, 1 bad input`

const CLASS_WORDS = /^(IN|CH|CHAOS|HS|HESIOD|NONE|CLASS\d+)$/i

type BoolOption = 'rd' | 'cd' | 'ad' | 'edns' | 'dnssecOk' | 'nsid' | 'cookie' | 'padding' | 'randomCase' | 'tcpFallback'
const BOOL_FLAGS: Record<string, BoolOption> = {
  recurse: 'rd', rdflag: 'rd', cd: 'cd', cdflag: 'cd', ad: 'ad', adflag: 'ad', edns: 'edns', dnssec: 'dnssecOk',
  nsid: 'nsid', cookie: 'cookie', padding: 'padding', '0x20': 'randomCase', tcpfallback: 'tcpFallback'
}

/** The `+option`s that are not a BOOL_FLAGS switch, by lower-case name; `value` is what follows `=`. */
const PLUS: Record<string, (cmd: QueryCommand, value: string | undefined) => void> = {
  ignore: (c) => (c.options.tcpFallback = false),
  tcp: (c) => (c.transport = 'tcp'),
  tls: (c) => (c.transport = 'dot'),
  https: (c, value) => {
    c.transport = 'doh'
    if (value !== undefined && !value.startsWith('/')) throw new UsageError(`+https=${value}: the path must start with "/"`)
    if (value !== undefined) c.httpsPath = value
  },
  'https-get': (c) => {
    c.transport = 'doh'
    c.httpsGet = true
  },
  'tls-hostname': (c, value) => {
    if (!value) throw new UsageError('+tls-hostname needs a name, e.g. +tls-hostname=dns.example')
    c.tlsHostname = value
  },
  subnet: (c, value) => {
    if (!value) throw new UsageError('+subnet needs an address, e.g. +subnet=192.0.2.0/24')
    c.options.clientSubnet = value.includes('/') ? value : `${value}/${isIP(value) === 6 ? 128 : 32}`
  },
  bufsize: (c, v) => (c.options.udpSize = whole('+bufsize', v, 512, 65535, '=')),
  timeout: (c, v) => (c.options.timeoutMs = whole('+timeout', v, 1, 60, '=') * 1000),
  retry: (c, v) => (c.options.retries = whole('+retry', v, 0, 10, '=')),
  tries: (c, v) => (c.options.retries = whole('+tries', v, 1, 11, '=') - 1),
  trace: (c) => (c.trace = true),
  notrace: (c) => (c.trace = false),
  json: (c) => (c.output = 'json'),
  short: (c) => (c.output = 'short'),
  digcmd: (c) => (c.output = 'digcmd')
}

// own keys only: `+constructor` is no switch
const flag = (name: string): BoolOption | undefined => (Object.hasOwn(BOOL_FLAGS, name) ? BOOL_FLAGS[name] : undefined)

function parsePlus(arg: string, cmd: QueryCommand): void {
  const body = arg.slice(1)
  const eq = body.indexOf('=')
  const key = (eq < 0 ? body : body.slice(0, eq)).toLowerCase()
  const value = eq < 0 ? undefined : body.slice(eq + 1)
  const negated = !flag(key) && key.startsWith('no')
  const option = flag(negated ? key.slice(2) : key)
  if (option && value === undefined) cmd.options[option] = !negated
  else if (Object.hasOwn(PLUS, key)) PLUS[key]!(cmd, value)
  else throw new UsageError(`unknown option ${arg}`)
}

/** Parses dig-like arguments. Throws UsageError with a message meant for the user. */
export function parseQueryArgs(argv: readonly string[]): QueryCommand {
  const cmd: QueryCommand = { name: '', type: '', httpsGet: false, options: {}, output: 'text', help: false, trace: false }
  let name: string | undefined
  let type: string | undefined
  const word = (arg: string): void => {
    if (arg.startsWith('@')) {
      if (cmd.server) throw new UsageError('only one @server can be given')
      cmd.server = parseResolverSpec(arg.slice(1))
    } else if (arg.startsWith('+')) parsePlus(arg, cmd)
    else if (CLASS_WORDS.test(arg)) checkClass(arg)
    else if (type === undefined && typeCode(arg) !== undefined) type = arg
    else if (name === undefined) name = arg
    else throw new UsageError(`unexpected argument "${arg}" (the name is already "${name}")`)
  }
  const flags: Flags = {
    ...helpFlags(cmd),
    '--root': (v) => (cmd.root = parseResolverSpec(v())),
    '--ca': (v) => (cmd.caFile = v()),
    '-p': (v, f) => (cmd.port = whole(f, v(), 1, 65535, '=')),
    '-t': (v) => (type = v()),
    '-q': (v) => (name = v()),
    '-c': (v) => checkClass(v())
  }
  readArgs(argv, flags, { word, inline: /^(--root|--ca)=(.*)$/s })
  if (cmd.root && !cmd.trace) throw new UsageError('--root is for +trace')
  if (cmd.root && cmd.server) throw new UsageError('give the root either as @server or as --root, not both')
  if (cmd.trace && cmd.output !== 'text') throw new UsageError(`+trace prints text only (not +${cmd.output})`)
  if (cmd.trace && cmd.transport) throw new UsageError('+trace asks every server over UDP (falling back to TCP); no +tcp/+tls/+https')
  // Like dig: no name asks for the root's NS.
  cmd.name = name ?? '.'
  cmd.type = type ?? (name === undefined ? 'NS' : 'A')
  if (cmd.options.timeoutMs !== undefined) {
    const attempts = (cmd.options.retries ?? 1) + 2
    cmd.options.deadlineMs = Math.min(120_000, cmd.options.timeoutMs * attempts)
  }
  return cmd
}

function checkClass(word: string): void {
  if (word.toUpperCase() !== 'IN') throw new UsageError(`class ${word} is not supported; only IN`)
}

/** The target to query for one base resolver (`@server` or a system resolver) with -p and +tcp/+tls/+https applied. */
export function applyTransport(cmd: QueryCommand, base: ParsedResolver): ResolverTarget {
  let target: ResolverTarget = { ...base.target }
  const explicit = cmd.port !== undefined || base.explicitPort
  if (cmd.transport && cmd.transport !== target.transport) {
    if (target.transport !== 'udp') {
      throw new UsageError(`+${cmd.transport === 'dot' ? 'tls' : cmd.transport === 'doh' ? 'https' : 'tcp'} conflicts with the ${target.transport} server given`)
    }
    const port = explicit ? target.port : DEFAULT_PORTS[cmd.transport]
    target = { transport: cmd.transport, host: target.host, port }
  }
  if (cmd.port !== undefined) target.port = cmd.port
  if (target.transport === 'doh' && (cmd.transport === 'doh' || cmd.httpsPath)) {
    const existing = target.url ? new URL(target.url) : undefined
    const path = cmd.httpsPath ?? (existing ? `${existing.pathname}${existing.search}` : '/dns-query')
    const scheme = existing?.protocol === 'http:' ? 'http' : 'https'
    target.url = buildDohUrl(scheme, target.host, target.port, path)
  }
  if (cmd.httpsGet && target.transport === 'doh') target.dohMethod = 'GET'
  if (cmd.tlsHostname && (target.transport === 'dot' || target.transport === 'doh')) target.tlsServerName = cmd.tlsHostname
  return target
}
