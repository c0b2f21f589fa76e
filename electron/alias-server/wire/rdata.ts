/** RDATA in wire form: from zone records (through dns-packet) and from address literals. */
import { RR_TYPES } from '@shared/dns-codes'
import * as dnsPacket from 'dns-packet'
import { parseIPv4, parseIPv6 } from '../../dns/ip'
import { toPacketAnswer, type ZoneRecord } from '../../zone'

/** RDATA of a zone record (without RDLENGTH). */
export function recordRdata(record: ZoneRecord): Buffer {
  const answer = toPacketAnswer(record, '.') as dnsPacket.Answer
  const encoded = dnsPacket.encode({ type: 'response', id: 0, flags: 0, answers: [answer] })
  // header (12), root owner (1), type, class, ttl (8), rdlength (2)
  return Buffer.from(encoded.subarray(23))
}

export function addressRdata(type: number, address: string): Buffer {
  const bytes = type === RR_TYPES.A ? parseIPv4(address) : parseIPv6(address)
  if (!bytes) throw new Error(`${address} is not an IPv${type === RR_TYPES.A ? 4 : 6} address`)
  return bytes
}
