/** Replies to queries the reader rejected: FORMERR, NOTIMP and BADVERS. */
import { RCODES, RR_TYPES } from '@shared/dns-codes'
import { READ_BADVERS, READ_FORMERR, READ_NOTIMP, type QueryView } from './question-reader'

export function rcodeForStatus(status: number): number {
  if (status === READ_FORMERR) return RCODES.FORMERR
  if (status === READ_NOTIMP) return RCODES.NOTIMP
  if (status === READ_BADVERS) return RCODES.BADVERS
  throw new Error(`no error reply for read status ${status}`)
}

/**
 * The ID, opcode and RD bit are copied from the query. The question is echoed when it could be
 * read (never for FORMERR), and an OPT record (version 0, our UDP size) when the query had one.
 */
export function errorResponse(msg: Buffer, v: QueryView, status: number, udpSize: number): Buffer {
  const rcode = rcodeForStatus(status)
  const withQuestion = status !== READ_FORMERR && v.hasQuestion
  const withOpt = status !== READ_FORMERR && v.edns
  const qlen = withQuestion ? v.questionEnd - 12 : 0
  const out = Buffer.alloc(12 + qlen + (withOpt ? 11 : 0))
  out[0] = msg[0]!
  out[1] = msg[1]!
  out[2] = 0x80 | (msg[2]! & 0x79)
  out[3] = rcode & 0x0f
  if (withQuestion) {
    out.writeUInt16BE(1, 4)
    msg.copy(out, 12, 12, v.questionEnd)
  }
  if (withOpt) {
    const p = 12 + qlen
    out.writeUInt16BE(1, 10)
    out[p] = 0
    out.writeUInt16BE(RR_TYPES.OPT, p + 1)
    out.writeUInt16BE(udpSize, p + 3)
    out[p + 5] = rcode >> 4
    out.writeUInt16BE(v.dnssecOk ? 0x8000 : 0, p + 7)
  }
  return out
}
