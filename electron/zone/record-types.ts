/** The record types the zone layer understands, and their codes. */

export const TYPE_CODES = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  NAPTR: 35,
  DS: 43,
  DNSKEY: 48,
  SVCB: 64,
  HTTPS: 65,
  CAA: 257,
  // PowerDNS's private-use ALIAS type.
  ALIAS: 65401,
  // draft-ietf-dnsop-aname never got a code; on the wire it travels as ALIAS.
  ANAME: 65401
} as const

export type KnownType = keyof typeof TYPE_CODES

const CODE_TO_TYPE = new Map<number, KnownType>()
for (const [type, code] of Object.entries(TYPE_CODES) as [KnownType, number][]) {
  if (!CODE_TO_TYPE.has(code)) CODE_TO_TYPE.set(code, type)
}

export const isKnownType = (t: string): t is KnownType => Object.hasOwn(TYPE_CODES, t)

/** 'A' -> 1, 'TYPE65534' -> 65534, anything else -> null. */
export function typeCode(type: string): number | null {
  const t = type.toUpperCase()
  if (isKnownType(t)) return TYPE_CODES[t]
  const m = /^TYPE(\d{1,5})$/.exec(t)
  return m && Number(m[1]) <= 65535 ? Number(m[1]) : null
}

/** The mnemonic for a code when we have one, else 'TYPEnnn'. */
export const typeName = (code: number): string => CODE_TO_TYPE.get(code) ?? `TYPE${code}`

export const CLASS_NAMES = new Set(['IN', 'CH', 'CS', 'HS'])
export const isClassToken = (t: string): boolean =>
  t === 'IN' || CLASS_NAMES.has(t.toUpperCase()) || ((t.charCodeAt(0) | 0x20) === 0x63 && /^CLASS\d+$/i.test(t))
