/**
 * Per-type rdata parsers: presentation tokens in, canonical tokens out (or null after
 * reporting each problem at the token that has it).
 */
import { formatIPv6, parseIPv4, parseIPv6 } from '@shared/ip-text'
import { decodeEscapes, quoteCharString } from './char-strings'
import { labelsToText, parseName, plainCanonicalName, type Labels } from '../dns/names'
import { formatSvcParams, parseSvcParams } from '../dns/svcb'
import type { KnownType } from './record-types'
import type { Token } from './tokenizer'
import { parseTtl } from './ttl'

export interface RdataContext {
  type: string
  /** Origin for relative names in rdata. */
  origin: Labels | null
  /** The type token: where "missing field" problems are reported. */
  anchor: Token
  error(at: Token, reason: string): void
}

export type RdataParser = (f: Fields) => string[]

function isPrintablePlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false
  }
  return true
}

const DIGEST_LENGTHS: Record<number, number> = { 1: 20, 2: 32, 4: 48 }

/** Cursor over one record's rdata tokens; every accessor reports its own errors. */
export class Fields {
  ok = true

  constructor(
    readonly tokens: Token[],
    private readonly ctx: RdataContext
  ) {}

  fail(at: Token, reason: string): string {
    this.ok = false
    this.ctx.error(at, reason)
    return ''
  }

  /** Checks the field count; `usage` names the fields for the message. */
  count(min: number, max: number, usage: string): boolean {
    const n = this.tokens.length
    if (n >= min && n <= max) return true
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`
    const at = n > max ? this.tokens[max] : (this.tokens[n - 1] ?? this.ctx.anchor)
    this.fail(at, `${this.ctx.type} takes ${want} field${min === 1 && max === 1 ? '' : 's'} (${usage}), found ${n}`)
    return false
  }

  private plain(i: number, what: string): Token | null {
    const t = this.tokens[i]
    if (t.quoted) {
      this.fail(t, `${what} cannot be a quoted string`)
      return null
    }
    return t
  }

  uint(i: number, bits: 8 | 16 | 32, what: string): string {
    const t = this.plain(i, what)
    if (!t) return ''
    const max = 2 ** bits - 1
    if (!/^\d+$/.test(t.text) || Number(t.text) > max) return this.fail(t, `"${t.text}" is not a valid ${what} (expected 0-${max})`)
    return String(Number(t.text))
  }

  name(i: number, what: string): string {
    const t = this.plain(i, what)
    if (!t) return ''
    const plain = plainCanonicalName(t.text, this.ctx.origin)
    if (plain !== undefined) return plain
    const r = parseName(t.text, this.ctx.origin)
    return 'error' in r ? this.fail(t, `${what}: ${r.error}`) : labelsToText(r.labels)
  }

  ipv4(i: number): string {
    const t = this.tokens[i]
    return !t.quoted && parseIPv4(t.text) ? t.text : this.fail(t, `"${t.text}" is not an IPv4 address`)
  }

  ipv6(i: number): string {
    const t = this.tokens[i]
    const b = t.quoted ? null : parseIPv6(t.text)
    return b ? formatIPv6(b) : this.fail(t, `"${t.text}" is not an IPv6 address`)
  }

  bytes(i: number, what: string, max = 255): Uint8Array | null {
    const t = this.tokens[i]
    if (!t.quoted && /(^|[^\\])(\\\\)*"/.test(t.text)) {
      this.fail(t, `unexpected quote inside ${what}; quote the whole string`)
      return null
    }
    const b = decodeEscapes(t.text)
    if (b.length > max) {
      this.fail(t, `${what} is ${b.length} octets long (max ${max})`)
      return null
    }
    return b
  }

  charString(i: number, what: string, max = 255): string {
    // Printable ASCII without quotes or escapes is already canonical: skip decoding and re-quoting.
    const text = this.tokens[i].text
    if (text.length <= max && isPrintablePlain(text)) return `"${text}"`
    const b = this.bytes(i, what, max)
    return b ? quoteCharString(b) : ''
  }

  timer(i: number, what: string): string {
    const t = this.plain(i, what)
    if (!t) return ''
    const v = parseTtl(t.text)
    return typeof v === 'number' ? String(v) : this.fail(t, `${what}: ${v.error}`)
  }

  /** Joins tokens from `i` on (hex and base64 blobs may be split over lines). */
  joined(i: number): { text: string; at: Token } {
    return { text: this.tokens.slice(i).map((t) => t.text).join(''), at: this.tokens[i] }
  }
}

const target: RdataParser = (f) => (f.count(1, 1, 'target name') ? [f.name(0, 'target')] : [])

export const rdataParsers: Record<KnownType, RdataParser> = {
  A: (f) => (f.count(1, 1, 'IPv4 address') ? [f.ipv4(0)] : []),
  AAAA: (f) => (f.count(1, 1, 'IPv6 address') ? [f.ipv6(0)] : []),
  NS: (f) => (f.count(1, 1, 'name server') ? [f.name(0, 'name server')] : []),
  CNAME: target,
  PTR: target,
  ALIAS: target,
  ANAME: target,
  MX: (f) => (f.count(2, 2, 'preference exchange') ? [f.uint(0, 16, 'MX preference'), f.name(1, 'exchange')] : []),
  TXT: (f) => (f.count(1, Infinity, 'one or more strings') ? f.tokens.map((_, i) => f.charString(i, 'a TXT string')) : []),
  SOA: (f) => {
    if (!f.count(7, 7, 'mname rname serial refresh retry expire minimum')) return []
    return [
      f.name(0, 'SOA mname'),
      f.name(1, 'SOA rname'),
      f.uint(2, 32, 'SOA serial'),
      f.timer(3, 'SOA refresh'),
      f.timer(4, 'SOA retry'),
      f.timer(5, 'SOA expire'),
      f.timer(6, 'SOA minimum')
    ]
  },
  SRV: (f) => {
    if (!f.count(4, 4, 'priority weight port target')) return []
    return [f.uint(0, 16, 'SRV priority'), f.uint(1, 16, 'SRV weight'), f.uint(2, 16, 'port'), f.name(3, 'SRV target')]
  },
  CAA: (f) => {
    if (!f.count(3, 3, 'flags tag value')) return []
    const tag = f.tokens[1]
    const tagOk = !tag.quoted && /^[A-Za-z0-9]{1,15}$/.test(tag.text)
    if (!tagOk) f.fail(tag, `"${tag.text}" is not a CAA tag (1-15 letters or digits, e.g. issue)`)
    return [f.uint(0, 8, 'CAA flags'), tag.text.toLowerCase(), f.charString(2, 'the CAA value', 65_535)]
  },
  NAPTR: (f) => {
    if (!f.count(6, 6, 'order preference flags services regexp replacement')) return []
    const out = [
      f.uint(0, 16, 'NAPTR order'),
      f.uint(1, 16, 'NAPTR preference'),
      f.charString(2, 'NAPTR flags'),
      f.charString(3, 'NAPTR services'),
      f.charString(4, 'NAPTR regexp'),
      f.name(5, 'NAPTR replacement')
    ]
    if (f.ok && out[4] !== '""' && out[5] !== '.') f.fail(f.tokens[4], 'NAPTR regexp and replacement exclude each other: set the replacement to "." or the regexp to ""')
    return out
  },
  DS: (f) => {
    if (!f.count(4, Infinity, 'key-tag algorithm digest-type digest')) return []
    const out = [f.uint(0, 16, 'DS key tag'), f.uint(1, 8, 'DS algorithm'), f.uint(2, 8, 'DS digest type')]
    const { text, at } = f.joined(3)
    const expected = DIGEST_LENGTHS[Number(out[2])]
    if (!/^([0-9a-fA-F]{2})+$/.test(text)) f.fail(at, 'the DS digest must be an even number of hex digits')
    else if (expected && text.length !== expected * 2) f.fail(at, `a digest of type ${out[2]} is ${expected} octets, this one is ${text.length / 2}`)
    return [...out, text.toUpperCase()]
  },
  DNSKEY: (f) => {
    if (!f.count(4, Infinity, 'flags protocol algorithm public-key')) return []
    const out = [f.uint(0, 16, 'DNSKEY flags'), f.uint(1, 8, 'DNSKEY protocol'), f.uint(2, 8, 'DNSKEY algorithm')]
    if (out[1] && out[1] !== '3') f.fail(f.tokens[1], `DNSKEY protocol must be 3 (RFC 4034 §2.1.2), not ${out[1]}`)
    const { text, at } = f.joined(3)
    const key = Buffer.from(text, 'base64')
    if (key.length === 0 || key.toString('base64') !== text) f.fail(at, 'the DNSKEY public key is not valid base64')
    return [...out, text]
  },
  SVCB: (f) => svcb(f),
  HTTPS: (f) => svcb(f)
}

function svcb(f: Fields): string[] {
  if (!f.count(2, Infinity, 'priority target [key=value ...]')) return []
  const priority = f.uint(0, 16, 'SvcPriority')
  const targetName = f.name(1, 'SVCB target')
  const paramTokens = f.tokens.slice(2)
  const quoted = paramTokens.find((t) => t.quoted)
  if (quoted) return [f.fail(quoted, 'an SvcParam must be key=value (quote the value only: key="value")')]
  if (priority === '0' && paramTokens.length > 0) f.fail(paramTokens[0], 'AliasMode (priority 0) takes no SvcParams (RFC 9460 §2.4.2)')
  const { params, issues } = parseSvcParams(paramTokens.map((t) => t.text))
  for (const issue of issues) f.fail(paramTokens[issue.index], issue.message)
  return [priority, targetName, ...formatSvcParams(params, false)]
}
