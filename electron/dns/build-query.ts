import { randomInt } from 'node:crypto'
import * as packet from 'dns-packet'
import type { QueryOptions } from '@shared/dns'
import { OPT_COOKIE, OPT_NSID, OPT_PADDING, clientSubnetOption, newClientCookie, paddingLength, type EdnsOption } from './edns-options'
import { randomizeCase } from './names'

export interface BuiltQuery {
  wire: Buffer
  id: number
  /** The question name exactly as sent (0x20 case included), absolute. */
  qname: string
  clientCookie?: Buffer
}

export interface BuildQueryInput {
  /** Absolute A-label name from normalizeName(). */
  name: string
  typeCode: number
  options: QueryOptions
  padding: boolean
  /** Defaults to a random ID; DoH uses 0 (RFC 8484 §4.1). */
  id?: number
}

export function randomId(): number {
  return randomInt(0, 65536)
}

export function buildQuery(input: BuildQueryInput): BuiltQuery {
  const { options } = input
  const id = input.id ?? randomId()
  const qname = options.randomCase ? randomizeCase(input.name) : input.name
  let flags = 0
  if (options.rd) flags |= packet.RECURSION_DESIRED
  if (options.ad) flags |= packet.AUTHENTIC_DATA
  if (options.cd) flags |= packet.CHECKING_DISABLED

  const ednsOptions: EdnsOption[] = []
  let clientCookie: Buffer | undefined
  if (options.edns) {
    if (options.nsid) ednsOptions.push({ code: OPT_NSID, data: Buffer.alloc(0) })
    if (options.cookie) {
      clientCookie = newClientCookie()
      ednsOptions.push({ code: OPT_COOKIE, data: clientCookie })
    }
    if (options.clientSubnet) ednsOptions.push(clientSubnetOption(options.clientSubnet))
  }

  const message: packet.Packet = {
    id,
    type: 'query',
    flags,
    // dns-packet only knows some mnemonics; it maps 'UNKNOWN_<n>' to any type code
    questions: [{ name: qname, type: `UNKNOWN_${input.typeCode}` as packet.RecordType, class: 'IN' }],
    additionals: options.edns
      ? [
          {
            type: 'OPT',
            name: '.',
            udpPayloadSize: options.udpSize,
            extendedRcode: 0,
            ednsVersion: 0,
            flags: options.dnssecOk ? packet.DNSSEC_OK : 0,
            options: ednsOptions
          } as packet.Answer
        ]
      : []
  }
  if (options.edns && input.padding) {
    const pad = paddingLength(packet.encodingLength(message))
    ednsOptions.push({ code: OPT_PADDING, data: Buffer.alloc(pad) })
  }
  const wire = packet.encode(message)
  return { wire, id, qname, ...(clientCookie ? { clientCookie } : {}) }
}

/** A copy of a built query with another ID (UDP retries and the TCP fallback use fresh IDs). */
export function withId(wire: Buffer, id: number): Buffer {
  const copy = Buffer.from(wire)
  copy.writeUInt16BE(id, 0)
  return copy
}
