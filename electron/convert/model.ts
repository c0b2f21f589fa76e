/** The converter's record model: the zone layer's records, plus what an alias carries in some formats. */
import type { ZoneRecord } from '../zone'

export type AddressFamily = 'A' | 'AAAA'

/** Route 53 aliases one record type at a time and names the target's hosted zone. */
export interface AliasDetails {
  /** The families the source aliased; absent means both (ALIAS/ANAME, octoDNS, Cloudflare). */
  families?: AddressFamily[]
  hostedZoneId?: string
  evaluateTargetHealth?: boolean
}

export interface ConvRecord extends ZoneRecord {
  /** Only on ALIAS/ANAME records. */
  alias?: AliasDetails
  /** Added by the reader because the format has no such record (a placeholder SOA). */
  synthetic?: boolean
}

export interface ConvZone {
  origin: string
  records: ConvRecord[]
}

export interface ConvertWarning {
  /** The record it concerns, "NAME TYPE" (or the origin for the whole zone). */
  record: string
  message: string
  /** Where the record is in the input (0 when unknown). */
  line: number
  column: number
}

export type ReadResult = { zone: ConvZone; warnings: ConvertWarning[] }
export type WriteResult = { text: string; warnings: ConvertWarning[] }

export const recordLabel = (r: Pick<ZoneRecord, 'name' | 'type'>): string => `${r.name} ${r.type}`

export function warningFor(r: ZoneRecord, message: string): ConvertWarning {
  return { record: recordLabel(r), message, line: r.line, column: r.column }
}

export const isAlias = (r: ZoneRecord): boolean => r.type === 'ALIAS' || r.type === 'ANAME'
