import { expect } from 'vitest'
import type { ZoneRecord } from '../../../electron/zone'
import { parseZone } from '../../../electron/zone'

/** Four header lines; a body appended by `zoneWith` starts on line 5. */
export const HEADER = ['$ORIGIN example.test.', '$TTL 3600', '@ SOA ns1 hostmaster 1 7200 3600 1209600 300', '@ NS ns1'].join('\n')
export const HEADER_LINES = 4

export const zoneWith = (body: string): string => `${HEADER}\n${body}`

export type Brief = Pick<ZoneRecord, 'name' | 'type' | 'ttl' | 'rdata'>
export const brief = ({ name, type, ttl, rdata }: ZoneRecord): Brief => ({ name, type, ttl, rdata })

/** Parses text that must be valid and returns the records without positions. */
export function recordsOf(text: string, options: Parameters<typeof parseZone>[1] = {}): ZoneRecord[] {
  const { zone, errors } = parseZone(text, options)
  expect(errors.map(String)).toEqual([])
  expect(zone).toBeDefined()
  return zone!.records
}
