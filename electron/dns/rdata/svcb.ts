import { formatIPv4, formatIPv6 } from '@shared/ip-text'
import { parseIPv4, parseIPv6 } from '../ip'
import { encodeName, readName } from '../wire-name'
import { escapeString } from './text'

/**
 * SVCB (64) and HTTPS (65), RFC 9460. `encode`/`decode`/`encodingLength` follow dns-packet's
 * per-type convention: the encoded form starts with the 2-octet RDLENGTH, and `decode` reads it.
 */

export interface SvcParam {
  key: number
  /** The SvcParamValue in wire form. */
  value: Buffer
}

export interface SvcbRdata {
  /** 0 = AliasMode, otherwise ServiceMode priority. */
  priority: number
  /** Absolute presentation form with trailing dot; '.' means "the owner name" (or, in AliasMode, no service). */
  target: string
  /** In strictly increasing key order after decode; encode sorts. */
  params: SvcParam[]
}

const KEY_NAMES: Record<number, string> = {
  0: 'mandatory',
  1: 'alpn',
  2: 'no-default-alpn',
  3: 'port',
  4: 'ipv4hint',
  5: 'ech',
  6: 'ipv6hint',
  7: 'dohpath',
  8: 'ohttp'
}
const KEY_CODES = new Map(Object.entries(KEY_NAMES).map(([code, name]) => [name, Number(code)]))

export function svcParamKeyName(key: number): string {
  return KEY_NAMES[key] ?? `key${key}`
}

export function svcParamKeyCode(name: string): number {
  const known = KEY_CODES.get(name.toLowerCase())
  if (known !== undefined) return known
  const m = /^key(\d{1,5})$/.exec(name)
  if (m && Number(m[1]) <= 65534) return Number(m[1])
  throw new Error(`unknown SvcParamKey "${name}"`)
}

function sorted(params: SvcParam[]): SvcParam[] {
  const out = [...params].sort((a, b) => a.key - b.key)
  for (let i = 1; i < out.length; i++) {
    if ((out[i] as SvcParam).key === (out[i - 1] as SvcParam).key) {
      throw new Error(`SvcParamKey ${svcParamKeyName((out[i] as SvcParam).key)} appears more than once`)
    }
  }
  return out
}

function encodingLength(data: SvcbRdata): number {
  let len = 2 + 2 + encodeName(data.target).length
  for (const p of data.params) len += 4 + p.value.length
  return len
}

function encode(data: SvcbRdata, buf?: Buffer, offset = 0): Buffer {
  const out = buf ?? Buffer.alloc(encodingLength(data))
  const start = offset
  let pos = offset + 2
  pos = out.writeUInt16BE(data.priority, pos)
  const target = encodeName(data.target)
  pos += target.copy(out, pos)
  for (const p of sorted(data.params)) {
    pos = out.writeUInt16BE(p.key, pos)
    pos = out.writeUInt16BE(p.value.length, pos)
    pos += p.value.copy(out, pos)
  }
  out.writeUInt16BE(pos - start - 2, start)
  encode.bytes = pos - start
  return out
}
encode.bytes = 0

function decode(buf: Buffer, offset = 0): SvcbRdata {
  const rdlength = buf.readUInt16BE(offset)
  const start = offset + 2
  const end = start + rdlength
  if (end > buf.length) throw new Error('SVCB RDATA runs past the end of the message')
  if (rdlength < 3) throw new Error('SVCB RDATA too short')
  const priority = buf.readUInt16BE(start)
  // RFC 9460 §2.2: the TargetName is uncompressed.
  const t = readName(buf, start + 2, end, false)
  const params: SvcParam[] = []
  let pos = t.end
  let lastKey = -1
  while (pos < end) {
    if (pos + 4 > end) throw new Error('truncated SvcParam')
    const key = buf.readUInt16BE(pos)
    const len = buf.readUInt16BE(pos + 2)
    if (key <= lastKey) throw new Error('SvcParamKeys are not in strictly increasing order')
    if (pos + 4 + len > end) throw new Error(`SvcParam ${svcParamKeyName(key)} runs past the end of the RDATA`)
    const value = Buffer.from(buf.subarray(pos + 4, pos + 4 + len))
    checkWireValue(key, value)
    params.push({ key, value })
    lastKey = key
    pos += 4 + len
  }
  decode.bytes = rdlength + 2
  return { priority, target: t.name, params }
}
decode.bytes = 0

function checkWireValue(key: number, v: Buffer): void {
  const name = svcParamKeyName(key)
  const bad = (why: string) => new Error(`SvcParam ${name}: ${why}`)
  switch (key) {
    case 0:
      if (v.length === 0 || v.length % 2) throw bad('length must be a non-zero multiple of 2')
      for (let i = 0; i < v.length; i += 2) {
        const k = v.readUInt16BE(i)
        if (k === 0) throw bad('must not list itself')
        if (i > 0 && k <= v.readUInt16BE(i - 2)) throw bad('keys must be in strictly increasing order')
      }
      break
    case 1: {
      if (v.length === 0) throw bad('must not be empty')
      for (let i = 0; i < v.length; ) {
        const len = v[i] as number
        if (len === 0 || i + 1 + len > v.length) throw bad('bad alpn-id length')
        i += 1 + len
      }
      break
    }
    case 2:
    case 8:
      if (v.length !== 0) throw bad('value must be empty')
      break
    case 3:
      if (v.length !== 2) throw bad('length must be 2')
      break
    case 4:
      if (v.length === 0 || v.length % 4) throw bad('length must be a non-zero multiple of 4')
      break
    case 6:
      if (v.length === 0 || v.length % 16) throw bad('length must be a non-zero multiple of 16')
      break
    case 65535:
      throw bad('key 65535 is reserved')
  }
}

export const svcb = { encode, decode, encodingLength }
/** HTTPS has the same RDATA format as SVCB. */
export const https = svcb

// ---- presentation format ----

function alpnIds(v: Buffer): Buffer[] {
  const ids: Buffer[] = []
  for (let i = 0; i < v.length; ) {
    const len = v[i] as number
    ids.push(v.subarray(i + 1, i + 1 + len))
    i += 1 + len
  }
  return ids
}

// value-list escaping (RFC 9460 Appendix A.1) comes first, then char-string escaping.
function valueListItem(b: Buffer): Buffer {
  return Buffer.from(b.toString('latin1').replace(/[\\,]/g, (c) => `\\${c}`), 'latin1')
}

export function formatParamValue(key: number, v: Buffer): string | undefined {
  switch (key) {
    case 0: {
      const keys: string[] = []
      for (let i = 0; i + 1 < v.length; i += 2) keys.push(svcParamKeyName(v.readUInt16BE(i)))
      return keys.join(',')
    }
    case 1:
      return `"${alpnIds(v).map((id) => escapeString(valueListItem(id))).join(',')}"`
    case 3:
      return String(v.readUInt16BE(0))
    case 4: {
      const out: string[] = []
      for (let i = 0; i + 3 < v.length; i += 4) out.push(formatIPv4(v, i))
      return out.join(',')
    }
    case 5:
      return v.toString('base64')
    case 6: {
      const out: string[] = []
      for (let i = 0; i + 15 < v.length; i += 16) out.push(formatIPv6(v, i))
      return out.join(',')
    }
    default:
      return v.length === 0 ? undefined : `"${escapeString(v)}"`
  }
}

export function formatSvcb(data: SvcbRdata): string {
  let out = `${data.priority} ${data.target}`
  for (const p of data.params) {
    const value = formatParamValue(p.key, p.value)
    out += value === undefined ? ` ${svcParamKeyName(p.key)}` : ` ${svcParamKeyName(p.key)}=${value}`
  }
  return out
}

/** Structured view for the UI. */
export function svcbFields(data: SvcbRdata): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const p of data.params) {
    const name = svcParamKeyName(p.key)
    const v = p.value
    switch (p.key) {
      case 0:
        params[name] = (formatParamValue(0, v) ?? '').split(',')
        break
      case 1:
        params[name] = alpnIds(v).map((id) => id.toString('latin1'))
        break
      case 2:
      case 8:
        params[name] = true
        break
      case 3:
        params[name] = v.readUInt16BE(0)
        break
      case 4:
      case 6:
        params[name] = (formatParamValue(p.key, v) ?? '').split(',')
        break
      case 5:
        params[name] = v.toString('base64')
        break
      case 7:
        params[name] = v.toString('utf8')
        break
      default:
        params[name] = v.toString('hex')
    }
  }
  return {
    priority: data.priority,
    mode: data.priority === 0 ? 'alias' : 'service',
    target: data.target,
    params
  }
}

// ---- presentation parsing (zone-file style), for tests and the local test server ----

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
      const keys = list().map(svcParamKeyCode)
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

/** Parses SVCB/HTTPS RDATA in presentation form, e.g. `1 . alpn="h2,h3" port=8443`. */
export function parseSvcb(text: string): SvcbRdata {
  const tokens = tokenize(text)
  const [prio, target, ...rest] = tokens
  if (prio === undefined || !/^\d{1,5}$/.test(prio) || Number(prio) > 65535) {
    throw new Error('SvcPriority must be a number 0..65535')
  }
  if (target === undefined) throw new Error('missing TargetName')
  const absTarget = target === '.' || target.endsWith('.') ? target : `${target}.`
  encodeName(absTarget) // validates
  const params: SvcParam[] = []
  for (const token of rest) {
    const eq = token.indexOf('=')
    const keyText = eq < 0 ? token : token.slice(0, eq)
    const key = svcParamKeyCode(keyText)
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
  return { priority: Number(prio), target: absTarget, params: ordered }
}
