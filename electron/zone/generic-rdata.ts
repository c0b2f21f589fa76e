/** RFC 3597 generic rdata (`\# <length> <hex>`), and wire -> presentation for the known types. */
import { formatIPv4, formatIPv6 } from '@shared/ip-text'
import { quoteCharString } from './char-strings'
import { canonicalName } from '../dns/names'
import { readName } from '../dns/wire-name'
import { formatSvcParams, svcb } from '../dns/svcb'
import type { KnownType } from './record-types'
import type { Token } from './tokenizer'

export const isGenericMarker = (t: Token | undefined): boolean => !!t && !t.quoted && t.text === '\\#'

/** Parses `\# len hex...`; reports at the offending token and returns null on error. */
export function parseGenericRdata(tokens: Token[], fail: (at: Token, reason: string) => void): Uint8Array | null {
  const [marker, lenToken, ...hexTokens] = tokens
  if (!lenToken) {
    fail(marker, 'RFC 3597 data needs a length: \\# <length> <hex>')
    return null
  }
  if (lenToken.quoted || !/^\d+$/.test(lenToken.text) || Number(lenToken.text) > 65535) {
    fail(lenToken, `"${lenToken.text}" is not an rdata length (expected 0-65535)`)
    return null
  }
  const length = Number(lenToken.text)
  const hex = hexTokens.map((t) => t.text).join('')
  const badHex = hexTokens.find((t) => t.quoted || !/^[0-9a-fA-F]*$/.test(t.text))
  if (badHex) {
    fail(badHex, `"${badHex.text}" is not hex`)
    return null
  }
  if (hex.length % 2 !== 0) {
    fail(hexTokens[0], 'RFC 3597 data has an odd number of hex digits')
    return null
  }
  if (hex.length / 2 !== length) {
    fail(hexTokens[0] ?? lenToken, `RFC 3597 length says ${length} octets but the hex holds ${hex.length / 2}`)
    return null
  }
  return new Uint8Array(Buffer.from(hex, 'hex'))
}

export const genericTokens = (wire: Uint8Array): string[] =>
  wire.length === 0 ? ['\\#', '0'] : ['\\#', String(wire.length), Buffer.from(wire).toString('hex').toUpperCase()]

class Reader {
  o = 0
  constructor(readonly b: Uint8Array) {}
  need(n: number): void {
    if (this.o + n > this.b.length) throw new Error('data ends early')
  }
  u8(): number {
    this.need(1)
    return this.b[this.o++]
  }
  u16(): number {
    return (this.u8() << 8) | this.u8()
  }
  u32(): number {
    return this.u16() * 65536 + this.u16()
  }
  take(n: number): Uint8Array {
    this.need(n)
    return this.b.slice(this.o, (this.o += n))
  }
  rest(): Uint8Array {
    return this.take(this.b.length - this.o)
  }
  name(): string {
    const { name, end } = readName(Buffer.from(this.b.buffer, this.b.byteOffset, this.b.length), this.o, this.b.length, false)
    this.o = end
    return canonicalName(name)
  }
  str(): string {
    return quoteCharString(this.take(this.u8()))
  }
  done(): boolean {
    return this.o === this.b.length
  }
}

/** SVCB/HTTPS wire rdata -> canonical tokens (the codec reads rdata behind its 2-octet length). */
export function decodeSvcbRdata(wire: Uint8Array): string[] {
  const d = svcb.decode(Buffer.concat([Buffer.from([wire.length >> 8, wire.length & 0xff]), wire]), 0)
  return [String(d.priority), canonicalName(d.target), ...formatSvcParams(d.params, false)]
}

/** Canonical presentation tokens for wire rdata of a known type; throws when malformed. */
export function wireToPresentation(type: KnownType, wire: Uint8Array): string[] {
  if (type === 'SVCB' || type === 'HTTPS') return decodeSvcbRdata(wire)
  const r = new Reader(wire)
  let out: string[]
  switch (type) {
    case 'A':
      out = [formatIPv4(r.take(4))]
      break
    case 'AAAA':
      out = [formatIPv6(r.take(16))]
      break
    case 'NS':
    case 'CNAME':
    case 'PTR':
    case 'ALIAS':
    case 'ANAME':
      out = [r.name()]
      break
    case 'MX':
      out = [String(r.u16()), r.name()]
      break
    case 'TXT':
      out = []
      do out.push(r.str())
      while (!r.done())
      break
    case 'SOA':
      out = [r.name(), r.name(), ...[1, 2, 3, 4, 5].map(() => String(r.u32()))]
      break
    case 'SRV':
      out = [String(r.u16()), String(r.u16()), String(r.u16()), r.name()]
      break
    case 'CAA': {
      const flags = String(r.u8())
      const tag = Buffer.from(r.take(r.u8())).toString('latin1')
      out = [flags, tag, quoteCharString(r.rest())]
      break
    }
    case 'NAPTR':
      out = [String(r.u16()), String(r.u16()), r.str(), r.str(), r.str(), r.name()]
      break
    case 'DS':
      out = [String(r.u16()), String(r.u8()), String(r.u8()), Buffer.from(r.rest()).toString('hex').toUpperCase()]
      break
    case 'DNSKEY':
      out = [String(r.u16()), String(r.u8()), String(r.u8()), Buffer.from(r.rest()).toString('base64')]
      break
  }
  if (!r.done()) throw new Error(`${wire.length - r.o} octets left over`)
  return out
}
