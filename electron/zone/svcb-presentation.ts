/**
 * SVCB/HTTPS (RFC 9460) rdata: presentation tokens <-> wire. Params are parsed into their wire
 * values, and printed back from those, so any accepted spelling has one canonical form.
 */
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from '@shared/ip-text'
import { decodeEscapes, unquote } from './char-strings'
import { labelsFromWire, labelsToText, labelsToWire, parseName } from '../dns/names'
import { INVALID_KEY, isNamedKey, knownKeyNames, NO_VALUE_KEYS, svcParamKeyCode as keyCode, svcParamKeyName as keyName } from '../dns/svcb'

export type SvcParams = Map<number, Uint8Array>
export interface SvcParamIssue {
  /** Index of the offending token in the list given to parseSvcParams. */
  index: number
  message: string
}

/** RFC 9460 Appendix A.1: split decoded octets on commas, with `\,` and `\\` escaping. */
function splitValueList(bytes: Uint8Array): Uint8Array[] | null {
  const items: Uint8Array[] = []
  let cur: number[] = []
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b === 0x5c) {
      if (i + 1 >= bytes.length) return null
      cur.push(bytes[++i])
    } else if (b === 0x2c) {
      if (cur.length === 0) return null
      items.push(Uint8Array.from(cur))
      cur = []
    } else cur.push(b)
  }
  if (cur.length === 0) return null
  items.push(Uint8Array.from(cur))
  return items
}

const ascii = (b: Uint8Array): string => String.fromCharCode(...b)
const u16 = (n: number): number[] => [n >> 8, n & 0xff]

function parseValue(code: number, value: Uint8Array | null): Uint8Array | string {
  const name = keyName(code)
  if (NO_VALUE_KEYS.has(code)) return value && value.length > 0 ? `${name} takes no value` : new Uint8Array()
  if (code >= 9 && !isNamedKey(code)) return value ?? new Uint8Array()
  if (!value || value.length === 0) return `${name} needs a value`
  const items = code === 0 || code === 1 || code === 4 || code === 6 ? splitValueList(value) : null
  if ((code === 0 || code === 1 || code === 4 || code === 6) && !items) return `${name} has an empty item in its comma-separated list`
  switch (code) {
    case 0: {
      const keys = items!.map((i) => keyCode(ascii(i)))
      if (keys.some((k) => k === null)) return `mandatory lists an unknown key (use a name or keyNNNNN)`
      const sorted = (keys as number[]).sort((a, b) => a - b)
      if (sorted.includes(0)) return 'mandatory must not list itself'
      if (sorted.some((k, i) => i > 0 && k === sorted[i - 1])) return 'mandatory lists a key twice'
      return Uint8Array.from(sorted.flatMap(u16))
    }
    case 1: {
      if (items!.some((i) => i.length > 255)) return 'an alpn id is longer than 255 octets'
      return Uint8Array.from(items!.flatMap((i) => [i.length, ...i]))
    }
    case 3: {
      const text = ascii(value)
      if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) return `port "${text}" is not a number 0-65535`
      return Uint8Array.from(u16(Number(text)))
    }
    case 4:
    case 6: {
      const parse = code === 4 ? parseIPv4 : parseIPv6
      const out: number[] = []
      for (const item of items!) {
        const ip = parse(ascii(item))
        if (!ip) return `"${ascii(item)}" is not an ${code === 4 ? 'IPv4' : 'IPv6'} address`
        out.push(...ip)
      }
      return Uint8Array.from(out)
    }
    case 5: {
      const text = ascii(value)
      const bytes = Buffer.from(text, 'base64')
      if (bytes.toString('base64') !== text) return 'ech is not valid base64'
      return new Uint8Array(bytes)
    }
    default:
      return value
  }
}

/** Parses `key[=value]` tokens (raw token text). Returns the params and any issues. */
export function parseSvcParams(tokens: string[]): { params: SvcParams; issues: SvcParamIssue[] } {
  const params: SvcParams = new Map()
  const issues: SvcParamIssue[] = []
  tokens.forEach((token, index) => {
    const eq = token.indexOf('=')
    const key = eq < 0 ? token : token.slice(0, eq)
    const code = keyCode(key)
    if (code === null) {
      issues.push({ index, message: `"${key}" is not an SvcParamKey (known: ${knownKeyNames()}, or keyNNNNN below 65535)` })
      return
    }
    if (params.has(code)) {
      issues.push({ index, message: `SvcParamKey ${keyName(code)} appears twice` })
      return
    }
    const value = parseValue(code, eq < 0 ? null : decodeEscapes(unquote(token.slice(eq + 1))))
    if (typeof value === 'string') issues.push({ index, message: value })
    else params.set(code, value)
  })
  if (issues.length === 0) issues.push(...consistencyIssues(params, tokens))
  return { params, issues }
}

function consistencyIssues(params: SvcParams, tokens: string[]): SvcParamIssue[] {
  const issues: SvcParamIssue[] = []
  const at = (code: number): number => Math.max(0, tokens.findIndex((t) => keyCode(t.split('=')[0]) === code))
  const mandatory = params.get(0)
  if (mandatory) {
    for (let i = 0; i < mandatory.length; i += 2) {
      const k = (mandatory[i] << 8) | mandatory[i + 1]
      if (!params.has(k)) issues.push({ index: at(0), message: `mandatory lists ${keyName(k)}, which the record does not have` })
    }
  }
  if (params.has(2) && !params.has(1)) issues.push({ index: at(2), message: 'no-default-alpn needs an alpn param too (RFC 9460 §7.1.1)' })
  return issues
}

/** Presentation text for a value: bare when possible, quoted when it holds blanks or ;() */
function formatValue(bytes: Uint8Array): string {
  let out = ''
  let quote = bytes.length === 0
  for (const b of bytes) {
    if (b === 0x20 || b === 0x3b || b === 0x28 || b === 0x29) quote = true
    if (b === 0x5c || b === 0x22) out += '\\' + String.fromCharCode(b)
    else if (b < 0x20 || b > 0x7e) out += '\\' + String(b).padStart(3, '0')
    else out += String.fromCharCode(b)
  }
  return quote ? `"${out}"` : out
}

function formatList(items: Uint8Array[]): string {
  const escaped = items.map((item) => Array.from(item).flatMap((b) => (b === 0x2c || b === 0x5c ? [0x5c, b] : [b])))
  const joined: number[] = []
  escaped.forEach((e, i) => joined.push(...(i > 0 ? [0x2c] : []), ...e))
  return formatValue(Uint8Array.from(joined))
}

function readU16s(v: Uint8Array): number[] {
  const out: number[] = []
  for (let i = 0; i + 1 < v.length; i += 2) out.push((v[i] << 8) | v[i + 1])
  return out
}

function formatParam(code: number, v: Uint8Array): string {
  const name = keyName(code)
  switch (code) {
    case 0:
      return `${name}=${readU16s(v).map(keyName).join(',')}`
    case 1: {
      const items: Uint8Array[] = []
      for (let i = 0; i < v.length; i += 1 + v[i]) items.push(v.slice(i + 1, i + 1 + v[i]))
      return `${name}=${formatList(items)}`
    }
    case 2:
    case 8:
      return name
    case 3:
      return `${name}=${readU16s(v)[0]}`
    case 4:
    case 6: {
      const size = code === 4 ? 4 : 16
      const ips: string[] = []
      for (let i = 0; i < v.length; i += size) ips.push((code === 4 ? formatIPv4 : formatIPv6)(v.slice(i, i + size)))
      return `${name}=${ips.join(',')}`
    }
    case 5:
      return `${name}=${Buffer.from(v).toString('base64')}`
    default:
      return v.length === 0 && code !== 7 ? name : `${name}=${formatValue(v)}`
  }
}

/** Canonical tokens, keys in ascending order. */
export function formatSvcParams(params: SvcParams): string[] {
  return [...params.keys()].sort((a, b) => a - b).map((code) => formatParam(code, params.get(code)!))
}

/** Canonical rdata tokens [priority, target, ...params] -> wire rdata. Throws on invalid input. */
export function encodeSvcbRdata(tokens: string[]): Buffer {
  const [priorityText, targetText, ...paramTokens] = tokens
  if (!/^\d{1,5}$/.test(priorityText ?? '') || Number(priorityText) > 65535) throw new Error(`bad SvcPriority "${priorityText}"`)
  const target = parseName(targetText ?? '', null)
  if ('error' in target) throw new Error(target.error)
  const { params, issues } = parseSvcParams(paramTokens)
  if (issues.length > 0) throw new Error(issues[0].message)
  const parts: number[] = [...u16(Number(priorityText)), ...labelsToWire(target.labels)]
  for (const code of [...params.keys()].sort((a, b) => a - b)) {
    const v = params.get(code)!
    parts.push(...u16(code), ...u16(v.length), ...v)
  }
  return Buffer.from(parts)
}

/** Wire rdata -> canonical tokens. Throws on malformed data. */
export function decodeSvcbRdata(wire: Uint8Array): string[] {
  if (wire.length < 3) throw new Error('SVCB rdata is too short')
  const priority = (wire[0] << 8) | wire[1]
  const { labels, next } = labelsFromWire(wire, 2)
  const params: SvcParams = new Map()
  let o = next
  let last = -1
  while (o < wire.length) {
    if (o + 4 > wire.length) throw new Error('truncated SvcParam')
    const code = (wire[o] << 8) | wire[o + 1]
    const len = (wire[o + 2] << 8) | wire[o + 3]
    if (code <= last) throw new Error('SvcParamKeys are not in strictly increasing order')
    if (o + 4 + len > wire.length) throw new Error('truncated SvcParam value')
    params.set(code, wire.slice(o + 4, o + 4 + len))
    last = code
    o += 4 + len
  }
  checkWireValues(params)
  return [String(priority), labelsToText(labels), ...formatSvcParams(params)]
}

function checkWireValues(params: SvcParams): void {
  for (const [code, v] of params) {
    const bad = (why: string): never => {
      throw new Error(`${keyName(code)}: ${why}`)
    }
    if (code === 0 && (v.length === 0 || v.length % 2 !== 0)) bad('length must be a non-zero multiple of 2')
    if (code === 1) {
      let i = 0
      while (i < v.length) {
        if (v[i] === 0) bad('empty alpn id')
        i += 1 + v[i]
      }
      if (i !== v.length || v.length === 0) bad('malformed alpn list')
    }
    if (NO_VALUE_KEYS.has(code) && v.length !== 0) bad('must be empty')
    if (code === 3 && v.length !== 2) bad('length must be 2')
    if (code === 4 && (v.length === 0 || v.length % 4 !== 0)) bad('length must be a non-zero multiple of 4')
    if (code === 6 && (v.length === 0 || v.length % 16 !== 0)) bad('length must be a non-zero multiple of 16')
    if ((code === 5 || code === 7) && v.length === 0) bad('must not be empty')
    if (code === INVALID_KEY) bad('key65535 is reserved')
  }
}
