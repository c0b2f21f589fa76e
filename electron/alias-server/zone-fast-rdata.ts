/** The fast path's rdata reader: canonical rdata tokens for the common types, or undefined for the parser to read. */
import { formatIPv6, parseIPv4, parseIPv6 } from '@shared/ip-text'
import { plainCanonicalName, type Labels } from '../dns/names'
import { parseTtl } from '../zone/ttl'

const isPrintablePlain = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false
  }
  return true
}

const uint = (text: string, max: number): string | undefined => (/^\d+$/.test(text) && Number(text) <= max ? String(Number(text)) : undefined)

/** Canonical rdata tokens for the common types, exactly as the parser's rdata parsers give them; undefined: let the parser read it. */
export function fastRdata(type: string, t: readonly string[], q: readonly boolean[], from: number, end: number, origin: Labels | null): string[] | undefined {
  const n = end - from
  if (type !== 'TXT') for (let k = from; k < end; k++) if (q[k]) return undefined
  switch (type) {
    case 'A':
      return n === 1 && parseIPv4(t[from]!) ? [t[from]!] : undefined
    case 'AAAA': {
      const b = n === 1 ? parseIPv6(t[from]!) : null
      return b ? [formatIPv6(b)] : undefined
    }
    case 'NS':
    case 'CNAME':
    case 'PTR':
    case 'ALIAS':
    case 'ANAME': {
      const target = n === 1 ? plainCanonicalName(t[from]!, origin) : undefined
      return target === undefined ? undefined : [target]
    }
    case 'MX': {
      if (n !== 2) return undefined
      const preference = uint(t[from]!, 65_535)
      const exchange = plainCanonicalName(t[from + 1]!, origin)
      return preference === undefined || exchange === undefined ? undefined : [preference, exchange]
    }
    case 'TXT': {
      if (n < 1) return undefined
      const out: string[] = []
      for (let k = from; k < end; k++) {
        if (t[k]!.length > 255 || !isPrintablePlain(t[k]!)) return undefined
        out.push(`"${t[k]}"`)
      }
      return out
    }
    case 'SOA': {
      if (n !== 7) return undefined
      const out = [plainCanonicalName(t[from]!, origin), plainCanonicalName(t[from + 1]!, origin), uint(t[from + 2]!, 2 ** 32 - 1)]
      for (let k = from + 3; k < from + 7; k++) {
        const v = parseTtl(t[k]!)
        out.push(typeof v === 'number' ? String(v) : undefined)
      }
      return out.every((x) => x !== undefined) ? (out as string[]) : undefined
    }
    default:
      return undefined
  }
}
