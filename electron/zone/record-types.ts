/** The record types the zone layer understands, and their codes. */
import { RR_TYPES, typeCode as anyTypeCode } from '@shared/dns-codes'

const ZONE_TYPES = ['A', 'NS', 'CNAME', 'SOA', 'PTR', 'MX', 'TXT', 'AAAA', 'SRV', 'NAPTR', 'DS', 'DNSKEY', 'SVCB', 'HTTPS', 'CAA', 'ALIAS'] as const

/** The zone layer's subset of the shared table; ANAME (draft-ietf-dnsop-aname, no code of its own) travels as ALIAS. */
export const TYPE_CODES = {
  ...(Object.fromEntries(ZONE_TYPES.map((t) => [t, RR_TYPES[t]])) as { [T in (typeof ZONE_TYPES)[number]]: (typeof RR_TYPES)[T] }),
  ANAME: RR_TYPES.ALIAS
}

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
  return t.startsWith('TYPE') ? (anyTypeCode(t) ?? null) : null
}

/** The mnemonic for a code when we have one, else 'TYPEnnn'. */
export const typeName = (code: number): string => CODE_TO_TYPE.get(code) ?? `TYPE${code}`

const CLASS_NAMES = new Set(['IN', 'CH', 'CS', 'HS'])
export const isClassToken = (t: string): boolean =>
  t === 'IN' || CLASS_NAMES.has(t.toUpperCase()) || ((t.charCodeAt(0) | 0x20) === 0x63 && /^CLASS\d+$/i.test(t))
