/** SVCB/HTTPS RDATA from presentation form (zone-file style), for the CLI, tests and the local test server. */
import { parseIPv4, parseIPv6 } from '../ip'
import { encodeName } from '../wire-name'
import { sorted, svcParamKeyCode, svcParamKeyName, type SvcParam, type SvcbRdata } from './keys'

function keyCode(name: string): number {
  const code = svcParamKeyCode(name)
  if (code === null) throw new Error(`unknown SvcParamKey "${name}"`)
  return code
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

/** Decodes a char-string token (quotes removed, `\X` and `\DDD` escapes resolved) to octets. */
function unescapeCharString(raw: string): Buffer {
  const s = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw
  const out: number[] = []
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string
    if (ch === '"') continue
    if (ch !== '\\') {
      out.push(...Buffer.from(ch))
      continue
    }
    const digits = s.slice(i + 1, i + 4)
    if (/^\d{3}$/.test(digits)) {
      if (Number(digits) > 255) throw new Error(`bad escape \\${digits}`)
      out.push(Number(digits))
      i += 3
    } else if (i + 1 < s.length) out.push(...Buffer.from(s[++i] as string))
    else throw new Error('dangling backslash')
  }
  return Buffer.from(out)
}

/** Splits a value-list on unescaped commas and resolves `\,` and `\\`. */
function splitValueList(b: Buffer): Buffer[] {
  const items: number[][] = [[]]
  for (let i = 0; i < b.length; i++) {
    const c = b[i] as number
    const cur = items[items.length - 1] as number[]
    if (c === 0x5c && i + 1 < b.length) cur.push(b[++i] as number)
    else if (c === 0x2c) items.push([])
    else cur.push(c)
  }
  return items.map((i) => Buffer.from(i))
}

function parseParamValue(key: number, raw: string | undefined): Buffer {
  const name = svcParamKeyName(key)
  if (key === 2 || key === 8) {
    if (raw !== undefined) throw new Error(`${name} takes no value`)
    return Buffer.alloc(0)
  }
  if (raw === undefined || raw === '' || raw === '""') {
    if (key <= 6) throw new Error(`${name} requires a value`)
    return Buffer.alloc(0)
  }
  const bytes = unescapeCharString(raw)
  const list = () => splitValueList(bytes).map((b) => b.toString('latin1'))
  switch (key) {
    case 0: {
      const keys = list().map(keyCode)
      if (keys.includes(0)) throw new Error('mandatory must not list itself')
      if (new Set(keys).size !== keys.length) throw new Error('mandatory lists a key more than once')
      keys.sort((a, b) => a - b)
      const out = Buffer.alloc(keys.length * 2)
      keys.forEach((k, i) => out.writeUInt16BE(k, i * 2))
      return out
    }
    case 1: {
      const ids = splitValueList(bytes)
      if (ids.some((id) => id.length === 0 || id.length > 255)) throw new Error('alpn ids must be 1..255 octets')
      return Buffer.concat(ids.flatMap((id) => [Buffer.from([id.length]), id]))
    }
    case 3: {
      const s = bytes.toString('latin1')
      if (!/^\d{1,5}$/.test(s) || Number(s) > 65535) throw new Error(`bad port "${s}"`)
      const out = Buffer.alloc(2)
      out.writeUInt16BE(Number(s))
      return out
    }
    case 4:
    case 6: {
      const parse = key === 4 ? parseIPv4 : parseIPv6
      return Buffer.concat(
        list().map((a) => {
          const b = parse(a)
          if (!b) throw new Error(`bad address "${a}" in ${name}`)
          return b
        })
      )
    }
    case 5: {
      const s = bytes.toString('latin1')
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw new Error('ech must be base64')
      return Buffer.from(s, 'base64')
    }
    default:
      return bytes
  }
}

function parsePriority(prio: string | undefined): number {
  if (prio === undefined || !/^\d{1,5}$/.test(prio) || Number(prio) > 65535) {
    throw new Error('SvcPriority must be a number 0..65535')
  }
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

/** Parses SVCB/HTTPS RDATA in presentation form, e.g. `1 . alpn="h2,h3" port=8443`. */
export function parseSvcb(text: string): SvcbRdata {
  const tokens = tokenize(text)
  const [prio, target, ...rest] = tokens
  const priority = parsePriority(prio)
  const absTarget = parseTarget(target)
  const params: SvcParam[] = []
  for (const token of rest) {
    const eq = token.indexOf('=')
    const keyText = eq < 0 ? token : token.slice(0, eq)
    const key = keyCode(keyText)
    params.push({ key, value: parseParamValue(key, eq < 0 ? undefined : token.slice(eq + 1)) })
  }
  const ordered = sorted(params)
  const mandatory = ordered.find((p) => p.key === 0)
  if (mandatory) {
    for (let i = 0; i < mandatory.value.length; i += 2) {
      const k = mandatory.value.readUInt16BE(i)
      if (!ordered.some((p) => p.key === k)) {
        throw new Error(`mandatory lists ${svcParamKeyName(k)}, which is missing`)
      }
    }
  }
  return { priority, target: absTarget, params: ordered }
}
