/** RDATA in wire form: from zone records (through dns-packet) and from address literals. */
import { CLASSES, RR_TYPES } from '@shared/dns-codes'
import * as dnsPacket from 'dns-packet'
import { parseIPv4, parseIPv6 } from '../../dns/ip'
import { toPacketAnswer, type ZoneRecord } from '../../zone'

export const TYPE_A = RR_TYPES.A
export const TYPE_NS = RR_TYPES.NS
export const TYPE_CNAME = RR_TYPES.CNAME
export const TYPE_SOA = RR_TYPES.SOA
export const TYPE_AAAA = RR_TYPES.AAAA
export const TYPE_DS = RR_TYPES.DS
export const TYPE_IXFR = RR_TYPES.IXFR
export const TYPE_AXFR = RR_TYPES.AXFR
export const TYPE_ANY = RR_TYPES.ANY
export const TYPE_ALIAS = RR_TYPES.ALIAS
export const CLASS_IN = CLASSES.IN

/** RDATA of a zone record (without RDLENGTH). */
export function recordRdata(record: ZoneRecord): Buffer {
  const answer = toPacketAnswer(record, '.') as dnsPacket.Answer
  const encoded = dnsPacket.encode({ type: 'response', id: 0, flags: 0, answers: [answer] })
  // header (12), root owner (1), type, class, ttl (8), rdlength (2)
  return Buffer.from(encoded.subarray(23))
}

export function addressRdata(type: number, address: string): Buffer {
  const bytes = type === TYPE_A ? parseIPv4(address) : parseIPv6(address)
  if (!bytes) throw new Error(`${address} is not an IPv${type === TYPE_A ? 4 : 6} address`)
  return bytes
}
