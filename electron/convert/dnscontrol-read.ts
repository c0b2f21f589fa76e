/**
 * Reads dnsconfig.js: the script runs in the sandbox, which returns plain data (every call to the DSL
 * with its position); that data is checked here like any other untrusted input.
 */
import { z } from 'zod'
import { displayName, lowerAbsolute } from '../dns/names'
import { DNSCONTROL_FUNCTIONS } from './dnscontrol-dsl'
import { runInSandbox, type SandboxLimits } from './dnscontrol-sandbox'
import { ConvertError } from './errors'
import type { AddressFamily, AliasDetails, ReadResult } from './model'
import { absoluteName, quoteText, zoneFromRaw, type Position, type RawRecord } from './structured-records'

const itemSchema = z.looseObject({ __kind: z.string() })
const resultSchema = z.object({
  domains: z
    .array(z.object({ name: z.string().max(300), line: z.number().int(), column: z.number().int(), items: z.array(itemSchema).max(200_000) }))
    .max(1000)
})
const recordSchema = z.object({
  __kind: z.literal('record'),
  type: z.enum(DNSCONTROL_FUNCTIONS),
  args: z.array(z.unknown()),
  line: z.number().int(),
  column: z.number().int()
})
type DslRecord = z.infer<typeof recordSchema>

const DEFAULT_TTL = 300

/** V8 places a ReferenceError inside a call's arguments at the call; point at the undefined name itself. */
function refine(source: string, message: string, line: number, column: number): { line: number; column: number } {
  const m = /^([\w$]+) is not defined$/.exec(message)
  if (!m) return { line, column }
  const lines = source.split(/\r\n|\n|\r/)
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1
  const re = new RegExp(`(^|[^.\\w$])${m[1].replace(/\$/g, '\\$')}(?![\\w$])`, 'g')
  re.lastIndex = Math.max(0, start - 1)
  const hit = re.exec(lines.join('\n'))
  if (!hit) return { line, column }
  const offset = hit.index + hit[1].length
  const before = lines.join('\n').slice(0, offset).split('\n')
  return { line: before.length, column: before[before.length - 1].length + 1 }
}

export async function readDnscontrol(source: string, file: string, origin: string | undefined, limits?: SandboxLimits): Promise<ReadResult> {
  const reply = await runInSandbox(source, limits)
  if (!reply.ok) {
    const { message, line, column } = reply.error
    const known = /is not defined$/.test(message) ? ` (the supported subset: ${DNSCONTROL_FUNCTIONS.join(', ')} and their modifiers)` : ''
    const at = line > 0 ? refine(source, message, line, column) : { line: 0, column: 0 }
    throw new ConvertError(file, at.line, at.column, message + known)
  }
  const parsed = resultSchema.safeParse(reply.result)
  if (!parsed.success) throw new ConvertError(file, 0, 0, 'the sandbox returned data of an unexpected shape')
  const domains = parsed.data.domains
  if (domains.length === 0) throw new ConvertError(file, 1, 1, 'dnsconfig.js defines no domain (no D(...) call)')
  const want = origin ? lowerAbsolute(origin) : undefined
  const domain = want ? domains.find((d) => lowerAbsolute(d.name) === want) : domains[0]
  if (!domain) throw new ConvertError(file, 1, 1, `dnsconfig.js has no D("${displayName(want!)}") (it has ${domains.map((d) => d.name).join(', ')})`)
  if (!want && domains.length > 1) {
    throw new ConvertError(file, domains[1].line, domains[1].column, `dnsconfig.js defines ${domains.length} domains; pick one with --origin (${domains.map((d) => d.name).join(', ')})`)
  }
  const apex = lowerAbsolute(domain.name)
  let defaultTtl = DEFAULT_TTL
  const raws: RawRecord[] = []
  for (const item of domain.items) {
    if (item.__kind === 'defaultTtl') {
      defaultTtl = ttlOf(item.value, { line: Number(item.line), column: Number(item.column) }, file)
    } else if (item.__kind === 'record') {
      const rec = recordSchema.safeParse(item)
      if (!rec.success) throw new ConvertError(file, domain.line, domain.column, 'a record call has an unexpected shape')
      raws.push(toRaw(rec.data, apex, defaultTtl, file))
    } else if (!['registrar', 'provider', 'useProvider', 'end'].includes(item.__kind)) {
      throw new ConvertError(file, domain.line, domain.column, `${item.__kind} is not allowed directly inside D(); it modifies a record`)
    }
  }
  return zoneFromRaw(raws, apex, file, 'dnsconfig.js has no SOA here')
}

function ttlOf(v: unknown, at: Position, file: string): number {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new ConvertError(file, at.line, at.column, `TTL(${JSON.stringify(v)}) is not a number of seconds`)
  return n
}

const USAGE: Record<DslRecord['type'], string> = {
  D: 'D(name, registrar, ...)',
  A: 'A(name, address)',
  AAAA: 'AAAA(name, address)',
  CNAME: 'CNAME(name, target)',
  ALIAS: 'ALIAS(name, target)',
  R53_ALIAS: 'R53_ALIAS(name, "A"|"AAAA", target, R53_ZONE(id))',
  MX: 'MX(name, priority, target)',
  TXT: 'TXT(name, text or [texts])',
  CAA: 'CAA(name, tag, value)',
  SRV: 'SRV(name, priority, weight, port, target)',
  NS: 'NS(name, target)'
}

function toRaw(rec: DslRecord, apex: string, defaultTtl: number, file: string): RawRecord {
  const at = { line: rec.line, column: rec.column }
  const fail = (reason: string): never => {
    throw new ConvertError(file, at.line, at.column, `${rec.type}: ${reason} (usage: ${USAGE[rec.type]})`)
  }
  const positional = rec.args.filter((a) => !(typeof a === 'object' && a !== null && '__kind' in a))
  const mods = rec.args.filter((a): a is { __kind: string; [k: string]: unknown } => typeof a === 'object' && a !== null && '__kind' in a)
  let ttl = defaultTtl
  const alias: AliasDetails = {}
  let critical = false
  let flatten = false
  for (const m of mods) {
    if (m.__kind === 'ttl') ttl = ttlOf(m.value, at, file)
    else if (m.__kind === 'r53zone') alias.hostedZoneId = String(m.id)
    else if (m.__kind === 'caaCritical') critical = true
    else if (m.__kind === 'cfFlatten') flatten = m.on === true
    else fail(`${m.__kind} cannot modify a record`)
  }
  const [label, ...rest] = positional
  if (typeof label !== 'string' || label === '') fail('the first argument is the record name ("@" for the apex)')
  const name = absoluteName(label as string, apex)
  const str = (v: unknown, what: string): string => (typeof v === 'string' && v !== '' ? v : fail(`${what} must be a non-empty string`))
  const num = (v: unknown, what: string): string => (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)) ? String(v) : fail(`${what} must be a number`))
  const target = (v: unknown): string => absoluteName(str(v, 'the target'), apex)
  const arity = (n: number): void => {
    if (rest.length !== n) fail(`takes ${n + 1} arguments besides modifiers, found ${rest.length + 1}`)
  }
  const raw = (type: string, rdata: string, extra: Partial<RawRecord> = {}): RawRecord => ({ name, type, ttl, rdata, at, ...extra })
  switch (rec.type) {
    case 'A':
    case 'AAAA':
      arity(1)
      return raw(rec.type, str(rest[0], 'the address'))
    case 'NS':
      arity(1)
      return raw('NS', target(rest[0]))
    case 'CNAME':
      arity(1)
      // Cloudflare's per-record flattening turns the CNAME into what other formats call an alias
      return flatten ? raw('ALIAS', target(rest[0]), { alias: {} }) : raw('CNAME', target(rest[0]))
    case 'ALIAS':
      arity(1)
      return raw('ALIAS', target(rest[0]), { alias: {} })
    case 'R53_ALIAS': {
      arity(2)
      const family = str(rest[0], 'the record type')
      if (family !== 'A' && family !== 'AAAA') fail(`only A and AAAA aliases convert, not ${family}`)
      return raw('ALIAS', target(rest[1]), { alias: { ...alias, families: [family as AddressFamily] } })
    }
    case 'MX':
      arity(2)
      return raw('MX', `${num(rest[0], 'the priority')} ${target(rest[1])}`)
    case 'SRV':
      arity(4)
      return raw('SRV', `${num(rest[0], 'the priority')} ${num(rest[1], 'the weight')} ${num(rest[2], 'the port')} ${target(rest[3])}`)
    case 'CAA':
      arity(2)
      return raw('CAA', `${critical ? 128 : 0} ${str(rest[0], 'the tag')} ${quoteText(typeof rest[1] === 'string' ? rest[1] : fail('the value must be a string'))}`)
    case 'TXT': {
      arity(1)
      const parts = Array.isArray(rest[0]) ? rest[0] : [rest[0]]
      if (parts.length === 0 || parts.some((p) => typeof p !== 'string')) fail('the text must be a string or an array of strings')
      return raw('TXT', (parts as string[]).map(quoteText).join(' '))
    }
    default:
      return fail('D() cannot be nested inside a domain')
  }
}
