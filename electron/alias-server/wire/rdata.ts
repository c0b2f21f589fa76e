/** RDATA in wire form: from zone records (through dns-packet) and from address literals. */
import * as dnsPacket from 'dns-packet'
import { parseIPv4, parseIPv6 } from '../../dns/ip'
import { toPacketAnswer, type ZoneRecord } from '../../zone'

export const TYPE_A = 1
export const TYPE_NS = 2
export const TYPE_CNAME = 5
export const TYPE_SOA = 6
export const TYPE_AAAA = 28
export const TYPE_DS = 43
export const TYPE_IXFR = 251
export const TYPE_AXFR = 252
export const TYPE_ANY = 255
export const TYPE_ALIAS = 65401
export const CLASS_IN = 1

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
