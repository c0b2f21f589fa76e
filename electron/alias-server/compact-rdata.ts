/** Wire rdata for the compact form: the common types encoded directly, the rest through dns-packet. */
import { RR_TYPES } from '@shared/dns-codes'
import type { ZoneRecord } from '../zone'
import { parseIPv4, parseIPv6 } from '@shared/ip-text'
import { lengthPrefixed } from '../dns/names'
import { encodeName } from '../dns/wire-name'
import { decodeEscapes, unquote } from '../zone/char-strings'
import { addressRdata, recordRdata } from './wire/rdata'

const isDigits = (text: string): boolean => {
  if (text.length === 0) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return false
  }
  return true
}

/** The common types encoded directly; the rest (and anything unexpected) through dns-packet. */
function fastRdata(code: number, t: string[]): Uint8Array | undefined {
  switch (code) {
    case RR_TYPES.A:
    case RR_TYPES.AAAA:
      // Parser output is a plain literal: parse it directly; anything else takes the general path.
      return t.length === 1 ? ((code === RR_TYPES.A ? parseIPv4(t[0]!) : parseIPv6(t[0]!)) ?? addressRdata(code, t[0]!)) : undefined
    case RR_TYPES.NS:
    case RR_TYPES.CNAME:
    case RR_TYPES.PTR:
    case RR_TYPES.ALIAS:
      return t.length === 1 ? encodeName(t[0]!) : undefined
    case RR_TYPES.MX: {
      if (t.length !== 2 || !isDigits(t[0]!)) return undefined
      const name = encodeName(t[1]!)
      const out = Buffer.allocUnsafe(2 + name.length)
      out.writeUInt16BE(Number(t[0]), 0)
      name.copy(out, 2)
      return out
    }
    case RR_TYPES.TXT: {
      const strings: Uint8Array[] = []
      for (const x of t) {
        if (x.startsWith('\\#')) return undefined
        const b = decodeEscapes(unquote(x))
        if (b.length > 255) return undefined
        strings.push(b)
      }
      return lengthPrefixed(strings)
    }
    default:
      return undefined
  }
}

export function wireRdata(code: number, record: ZoneRecord): Uint8Array {
  try {
    const fast = fastRdata(code, record.rdata)
    if (fast) return fast
  } catch {
    // not in the plain form: the general encoder says why
  }
  return recordRdata(record)
}

