/** What a reply to a fuzz packet must look like; returns a problem, or null when the reply is fine. */
import * as dnsPacket from 'dns-packet'
import type { FuzzPacket } from './fuzz-packets'

const RCODE_NOERROR = 0
const RCODE_FORMERR = 1
const RCODE_NXDOMAIN = 3

/** Length of the uncompressed question name at 12, or -1. */
function questionLength(bytes: Buffer): number {
  let p = 12
  while (p < bytes.length) {
    const len = bytes[p]!
    if (len === 0) return p + 1 + 4 <= bytes.length ? p + 1 + 4 - 12 : -1
    if (len > 63) return -1
    p += len + 1
  }
  return -1
}

const hex = (bytes: Buffer): string => bytes.subarray(0, 64).toString('hex') + (bytes.length > 64 ? '…' : '')

export function checkReply(packet: FuzzPacket, reply: Buffer, transport: 'udp' | 'tcp'): string | null {
  const where = `${transport} ${packet.kind} (${packet.expect}) query ${hex(packet.bytes)} → reply ${hex(reply)}`
  if (packet.expect === 'none') return `a reply to a packet that must get none: ${where}`
  if (reply.length < 12) return `reply shorter than a header: ${where}`
  if (packet.bytes.length < 2 || reply.readUInt16BE(0) !== packet.bytes.readUInt16BE(0)) return `reply ID differs: ${where}`
  if ((reply[2]! & 0x80) === 0) return `reply without QR: ${where}`
  if (packet.bytes.length >= 3 && ((reply[2]! >> 3) & 0xf) !== ((packet.bytes[2]! >> 3) & 0xf)) return `reply opcode differs: ${where}`
  if (transport === 'udp' && reply.length > 1232) return `UDP reply of ${reply.length} octets (over 1232): ${where}`
  let decoded: dnsPacket.DecodedPacket
  try {
    decoded = dnsPacket.decode(reply)
  } catch (error) {
    return `reply does not parse (${(error as Error).message}): ${where}`
  }
  const opt = decoded.additionals?.find((r) => r.type === 'OPT') as { extendedRcode?: number } | undefined
  const rcode = (reply[3]! & 0x0f) | ((opt?.extendedRcode ?? 0) << 4)
  const answers = reply.readUInt16BE(6)
  if (packet.expect === 'error-or-none') {
    if (rcode === RCODE_NOERROR || rcode === RCODE_NXDOMAIN) return `malformed query answered with RCODE ${rcode}: ${where}`
    if (answers !== 0) return `malformed query answered with ${answers} answer records: ${where}`
  }
  if (packet.expect === 'answer') {
    if (rcode === RCODE_FORMERR) return `well-formed query answered FORMERR: ${where}`
    const qlen = questionLength(packet.bytes)
    if (reply.readUInt16BE(4) !== 1 || qlen < 0 || !reply.subarray(12, 12 + qlen).equals(packet.bytes.subarray(12, 12 + qlen))) {
      return `reply does not echo the question: ${where}`
    }
  }
  return null
}

/** Whether the server is expected to answer at all (it drops only < 12 octets and QR=1). */
export const expectsReply = (packet: FuzzPacket): boolean => packet.bytes.length >= 12 && (packet.bytes[2]! & 0x80) === 0
