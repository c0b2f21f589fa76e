import { connect } from 'node:net'
import { LAB_TRANSFER_MAX_RECORDS, type LabTransferResult } from '@shared/lab'
import type { DnsRecord } from '@shared/dns'
import { queryOptionsSchema } from '@shared/dns'
import { buildQuery } from '../dns/build-query'
import { decodeMessage } from '../dns/decode-message'
import { decodeEde } from '../dns/ede'
import { frame } from '../dns/transports/framing'
import { normalizeName } from '../dns/names'
import { EDNS_OPTIONS, RR_TYPES, rcodeName } from '@shared/dns-codes'

/** A transfer of a toy zone; a stream longer than this is not the lab's. */
const MAX_BYTES = 16 * 1024 * 1024

/**
 * An AXFR of `zone` from the lab server on 127.0.0.1:`port`, as a secondary asks for it (RFC 5936): one TCP
 * query, framed answers until the closing SOA. The answers are read as hostile: sizes, counts, IDs and the
 * time are bounded.
 */
export function transferZone(port: number, zone: string, timeoutMs = 5000): Promise<LabTransferResult> {
  const query = buildQuery({ name: normalizeName(zone).ascii, typeCode: RR_TYPES.AXFR, options: queryOptionsSchema.parse({ rd: false, edns: false }), padding: false })
  return new Promise((resolve, reject) => {
    const records: DnsRecord[] = []
    let buffered = Buffer.alloc(0)
    let received = 0
    const socket = connect({ host: '127.0.0.1', port })
    const finish = (error: Error | null, result?: LabTransferResult) => {
      clearTimeout(timer)
      socket.destroy()
      if (error) reject(error)
      else resolve(result!)
    }
    const timer = setTimeout(() => finish(new Error(`the transfer of ${zone} did not finish within ${timeoutMs} ms`)), timeoutMs)
    socket.on('connect', () => {
      socket.write(frame(query.wire))
    })
    socket.on('error', (error) => finish(new Error(`the transfer of ${zone} failed: ${error.message}`)))
    socket.on('close', () => finish(new Error(`the lab server closed the transfer of ${zone} before its closing SOA`)))
    socket.on('data', (chunk: Buffer) => {
      try {
        read(chunk)
      } catch (error) {
        finish(new Error(`the transfer of ${zone} is malformed: ${(error as Error).message}`))
      }
    })
    const read = (chunk: Buffer) => {
      received += chunk.length
      if (received > MAX_BYTES) return finish(new Error(`the transfer of ${zone} is larger than ${MAX_BYTES} bytes`))
      buffered = Buffer.concat([buffered, chunk])
      while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
        const message = decodeMessage(buffered.subarray(2, 2 + buffered.readUInt16BE(0)))
        buffered = buffered.subarray(2 + buffered.readUInt16BE(0))
        if (message.header.id !== query.id) return finish(new Error(`the transfer of ${zone} was answered with another message ID`))
        if (message.header.rcode !== 0) {
          const ede = message.opt?.options.find((o) => o.code === EDNS_OPTIONS.EDE)
          return finish(null, { rcode: rcodeName(message.header.rcode), records: [], reason: (ede && decodeEde(ede.data)?.text) ?? null })
        }
        records.push(...message.answer)
        if (records.length > LAB_TRANSFER_MAX_RECORDS) return finish(new Error(`the transfer of ${zone} holds more than ${LAB_TRANSFER_MAX_RECORDS} records`))
        const closed = records.length >= 2 && records[0]!.type === 'SOA' && records[records.length - 1]!.type === 'SOA'
        if (closed) return finish(null, { rcode: 'NOERROR', records, reason: null })
        if (records.length > 0 && records[0]!.type !== 'SOA') return finish(new Error(`the transfer of ${zone} does not start with its SOA`))
      }
    }
  })
}
