/**
 * SVCB/HTTPS RDATA from presentation form (RFC 9460), the one parser: zone files (token by token, each
 * problem at its token), the CLI, tests and the local test server (one text). Params are parsed into
 * their wire values, so any accepted spelling has one canonical form.
 */
import { parseIPv4, parseIPv6 } from '@shared/ip-text'
import { encodeName } from '../wire-name'
import { INVALID_KEY, isNamedKey, knownKeyNames, NO_VALUE_KEYS, svcParamKeyCode, svcParamKeyName as keyName, type SvcParam, type SvcbRdata } from './keys'

export interface SvcParamIssue {
  /** Index of the offending token in the list given to parseSvcParams. */
  index: number
  message: string
}

/** Splits on whitespace outside quotes; parentheses outside quotes are whitespace. Escapes stay. */
function tokenize(text: string): string[] {
  const tokens: string[] = []
  let cur = ''
  let inQuotes = false
  let has = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === '\\' && i + 1 < text.length) {
      cur += ch + (text[++i] as string)
      has = true
    } else if (ch === '"') {
      inQuotes = !inQuotes
      cur += ch
      has = true
    } else if (!inQuotes && (/\s/.test(ch) || ch === '(' || ch === ')')) {
      if (has) tokens.push(cur)
      cur = ''
      has = false
    } else {
      cur += ch
      has = true
    }
  }
  if (inQuotes) throw new Error('unterminated quoted string')
  if (has) tokens.push(cur)
  return tokens
}

/** A value's octets: surrounding quotes removed, `\X` and `\DDD` escapes resolved, other text as UTF-8. */
function unescapeValue(raw: string): Buffer {
  const s = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw
  const out: number[] = []
  for (let i = 0; i < s.length; i++) {
    let ch = String.fromCodePoint(s.codePointAt(i)!)
    if (ch === '\\') {
      const digits = s.slice(i + 1, i + 4)
      if (/^\d{3}$/.test(digits)) {
        if (Number(digits) > 255) throw new Error(`bad escape \\${digits}`)
        out.push(Number(digits))
        i += 3
        continue
      }
      if (i + 1 >= s.length) throw new Error('dangling backslash')
      ch = String.fromCodePoint(s.codePointAt(++i)!)
    } else if (ch === '"') continue
    out.push(...Buffer.from(ch))
    i += ch.length - 1
  }
  return Buffer.from(out)
}

/** RFC 9460 Appendix A.1: split decoded octets on commas, with `\,` and `\\` escaping; null on an empty item. */
function splitValueList(bytes: Buffer): Buffer[] | null {
  const items: Buffer[] = []
  let cur: number[] = []
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b === 0x5c) {
      if (i + 1 >= bytes.length) return null
      cur.push(bytes[++i]!)
    } else if (b === 0x2c) {
      if (cur.length === 0) return null
      items.push(Buffer.from(cur))
      cur = []
    } else cur.push(b)
  }
  if (cur.length === 0) return null
  items.push(Buffer.from(cur))
  return items
}

const u16 = (n: number): Buffer => Buffer.from([n >> 8, n & 0xff])
const LISTS = new Set([0, 1, 4, 6])

/** The wire value of one param, or the reason it has none. */
function parseValue(code: number, value: Buffer | null): Buffer | string {
  const name = keyName(code)
  if (NO_VALUE_KEYS.has(code)) return value && value.length > 0 ? `${name} takes no value` : Buffer.alloc(0)
  if (code >= 9 && !isNamedKey(code)) return value ?? Buffer.alloc(0)
  if (!value || value.length === 0) return `${name} needs a value`
  const items = LISTS.has(code) ? splitValueList(value) : null
  if (LISTS.has(code) && !items) return `${name} has an empty item in its comma-separated list`
  const text = value.toString('latin1')
  switch (code) {
    case 0: {
      const keys = items!.map((i) => svcParamKeyCode(i.toString('latin1')))
      if (keys.some((k) => k === null)) return `mandatory lists an unknown key (use a name or keyNNNNN)`
      const sorted = (keys as number[]).sort((a, b) => a - b)
      if (sorted.includes(0)) return 'mandatory must not list itself'
      if (sorted.some((k, i) => i > 0 && k === sorted[i - 1])) return 'mandatory lists a key twice'
      return Buffer.concat(sorted.map(u16))
    }
    case 1:
      if (items!.some((i) => i.length > 255)) return 'an alpn id is longer than 255 octets'
      return Buffer.concat(items!.flatMap((i) => [Buffer.from([i.length]), i]))
    case 3:
      if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) return `port "${text}" is not a number 0-65535`
      return u16(Number(text))
    case 4:
    case 6: {
      const out: Buffer[] = []
      for (const item of items!) {
        const ip = (code === 4 ? parseIPv4 : parseIPv6)(item.toString('latin1'))
        if (!ip) return `"${item.toString('latin1')}" is not an ${code === 4 ? 'IPv4' : 'IPv6'} address`
        out.push(Buffer.from(ip))
      }
      return Buffer.concat(out)
    }
    case 5: {
      const bytes = Buffer.from(text, 'base64')
      return bytes.toString('base64') === text ? bytes : 'ech is not valid base64'
    }
    default:
      return value
  }
}

/** Parses `key[=value]` tokens (raw token text): the params in key order, and each problem at its token. */
export function parseSvcParams(tokens: string[]): { params: SvcParam[]; issues: SvcParamIssue[] } {
  const params = new Map<number, Buffer>()
  const issues: SvcParamIssue[] = []
  tokens.forEach((token, index) => {
    const eq = token.indexOf('=')
    const key = eq < 0 ? token : token.slice(0, eq)
    const code = svcParamKeyCode(key)
    if (code === null) return issues.push({ index, message: `"${key}" is not an SvcParamKey (known: ${knownKeyNames()}, or keyNNNNN below ${INVALID_KEY})` })
    if (params.has(code)) return issues.push({ index, message: `SvcParamKey ${keyName(code)} appears twice` })
    let value: Buffer | string
    try {
      value = parseValue(code, eq < 0 ? null : unescapeValue(token.slice(eq + 1)))
    } catch (e) {
      value = `${keyName(code)}: ${(e as Error).message}`
    }
    if (typeof value === 'string') issues.push({ index, message: value })
    else params.set(code, value)
  })
  const at = (code: number): number => Math.max(0, tokens.findIndex((t) => svcParamKeyCode(t.split('=')[0]!) === code))
  const mandatory = params.get(0)
  if (issues.length === 0 && mandatory) {
    for (let i = 0; i < mandatory.length; i += 2) {
      const k = mandatory.readUInt16BE(i)
      if (!params.has(k)) issues.push({ index: at(0), message: `mandatory lists ${keyName(k)}, which the record does not have` })
    }
  }
  if (issues.length === 0 && params.has(2) && !params.has(1)) issues.push({ index: at(2), message: 'no-default-alpn needs an alpn param too (RFC 9460 §7.1.1)' })
  return { params: [...params.keys()].sort((a, b) => a - b).map((key) => ({ key, value: params.get(key)! })), issues }
}

function parsePriority(prio: string | undefined): number {
  if (prio === undefined || !/^\d{1,5}$/.test(prio) || Number(prio) > 65535) throw new Error(`bad SvcPriority "${prio ?? ''}" (a number 0..65535)`)
  return Number(prio)
}

function parseTarget(target: string | undefined): string {
  if (target === undefined) throw new Error('missing TargetName')
  const absTarget = target === '.' || target.endsWith('.') ? target : `${target}.`
  encodeName(absTarget) // validates
  return absTarget
}

/**
 * SvcPriority and TargetName of SVCB/HTTPS RDATA in presentation form, the params left unread (a
 * hostile answer's bad params must not hide where it points). Undefined when the two are malformed.
 */
export function parseSvcbHead(text: string): { priority: number; target: string } | undefined {
  try {
    const [prio, target] = tokenize(text)
    return { priority: parsePriority(prio), target: parseTarget(target) }
  } catch {
    return undefined
  }
}

/** RDATA tokens [priority, target, ...params] -> the parsed value. Throws on the first problem. */
export function parseSvcbTokens(tokens: string[]): SvcbRdata {
  const [prio, target, ...rest] = tokens
  const priority = parsePriority(prio)
  const absTarget = parseTarget(target)
  const { params, issues } = parseSvcParams(rest)
  if (issues.length > 0) throw new Error(issues[0]!.message)
  return { priority, target: absTarget, params }
}

/** Parses SVCB/HTTPS RDATA in presentation form, e.g. `1 . alpn="h2,h3" port=8443`. */
export const parseSvcb = (text: string): SvcbRdata => parseSvcbTokens(tokenize(text))

