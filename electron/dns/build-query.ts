import { EDNS_OPTIONS } from '@shared/dns-codes'
import { randomFillSync } from 'node:crypto'
import * as packet from 'dns-packet'
import type { QueryOptions } from '@shared/dns'
import { clientSubnetOption, newClientCookie, paddingLength, type EdnsOption } from './edns-options'
import { randomizeCase } from './names'
import { encodeName } from './wire-name'

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
  /** A cookie to send again: the client cookie and the server cookie it was answered with (RFC 7873 §5.3). */
  cookie?: { client: Buffer; server: Buffer }
  /** The question name exactly as sent before (a retry keeps its 0x20 case). */
  qname?: string
}

// IDs come from the CSPRNG a batch at a time: one randomFillSync per 4096 IDs instead of a randomInt call each
const ID_BATCH = new Uint16Array(4096)
let idsLeft = 0

export function randomId(): number {
  if (idsLeft === 0) {
    randomFillSync(ID_BATCH)
    idsLeft = ID_BATCH.length
  }
  return ID_BATCH[--idsLeft] as number
}

export function buildQuery(input: BuildQueryInput): BuiltQuery {
  const { options } = input
  const id = input.id ?? randomId()
  const qname = input.qname ?? (options.randomCase ? randomizeCase(input.name) : input.name)
  let flags = 0
  if (options.rd) flags |= packet.RECURSION_DESIRED
  if (options.ad) flags |= packet.AUTHENTIC_DATA
  if (options.cd) flags |= packet.CHECKING_DISABLED

  const ednsOptions: EdnsOption[] = []
  let clientCookie: Buffer | undefined
  if (options.edns) {
    if (options.nsid) ednsOptions.push({ code: EDNS_OPTIONS.NSID, data: Buffer.alloc(0) })
    if (options.cookie) {
      clientCookie = input.cookie?.client ?? newClientCookie()
      const data = input.cookie ? Buffer.concat([clientCookie, input.cookie.server]) : clientCookie
      ednsOptions.push({ code: EDNS_OPTIONS.COOKIE, data })
    }
    if (options.clientSubnet) ednsOptions.push(clientSubnetOption(options.clientSubnet))
  }

  const message: packet.Packet = {
    id,
    type: 'query',
    flags,
    // dns-packet only knows some mnemonics; it maps 'UNKNOWN_<n>' to any type code. It also splits
    // names on every dot (no `\.` escapes), so it writes the root here and our encoder the name.
    questions: [{ name: '.', type: `UNKNOWN_${input.typeCode}` as packet.RecordType, class: 'IN' }],
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
  const nameWire = encodeName(qname)
  if (options.edns && input.padding) {
    const pad = paddingLength(packet.encodingLength(message) - 1 + nameWire.length)
    ednsOptions.push({ code: EDNS_OPTIONS.PADDING, data: Buffer.alloc(pad) })
  }
  const encoded = packet.encode(message)
  // header (12 octets), then the root name (1 octet) that stands in for the question name
  const wire = Buffer.concat([encoded.subarray(0, 12), nameWire, encoded.subarray(13)])
  return { wire, id, qname, ...(clientCookie ? { clientCookie } : {}) }
}

/** A copy of a built query with another ID (UDP retries and the TCP fallback use fresh IDs). */
export function withId(wire: Buffer, id: number): Buffer {
  const copy = Buffer.from(wire)
  copy.writeUInt16BE(id, 0)
  return copy
}
