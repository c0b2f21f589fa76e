import { readHeader, readQuestion } from './decode-message'
import { namesEqual } from './names'

export interface MatchExpectation {
  id: number
  /** The question name exactly as sent. */
  qname: string
  typeCode: number
  classCode: number
  /** 0x20 was used: the echoed name must match octet for octet. */
  exactCase: boolean
  /** Where the query went; checked when the transport knows the sender (UDP). */
  server?: { address: string; port: number }
}

export type MatchResult = { ok: true } | { ok: false; reason: string }

const ignore = (reason: string): MatchResult => ({ ok: false, reason })

/**
 * Decides whether a received message answers our query. Mismatches are reported (the caller
 * ignores the packet and keeps waiting). Throws ServiceError('malformed') only for a packet from
 * the right server with our ID whose question section cannot be parsed.
 */
export function matchResponse(
  exp: MatchExpectation,
  msg: Buffer,
  from?: { address: string; port: number }
): MatchResult {
  if (from && exp.server && (from.port !== exp.server.port || from.address !== exp.server.address)) {
    return ignore(`packet from unexpected source ${from.address}#${from.port}`)
  }
  if (msg.length < 12) return ignore(`runt packet of ${msg.length} octets`)
  const h = readHeader(msg)
  if (h.id !== exp.id) return ignore(`ID ${h.id} instead of ${exp.id}`)
  if (!h.qr) return ignore('QR bit not set (not a response)')
  if (h.opcode !== 0) return ignore(`opcode ${h.opcode} instead of QUERY`)
  if (h.qdcount === 0) {
    // Some servers drop the question in error responses (FORMERR, NOTIMP, REFUSED ...).
    return h.rcode !== 0 ? { ok: true } : ignore('no question section in a NOERROR response')
  }
  if (h.qdcount !== 1) return ignore(`${h.qdcount} questions instead of 1`)
  const { question } = readQuestion(msg, 12)
  if (question.typeCode !== exp.typeCode) return ignore(`question type ${question.typeCode} instead of ${exp.typeCode}`)
  if (question.classCode !== exp.classCode) return ignore(`question class ${question.classCode} instead of ${exp.classCode}`)
  if (!namesEqual(question.name, exp.qname, exp.exactCase)) {
    return ignore(`question name ${question.name} instead of ${exp.qname}${exp.exactCase ? ' (0x20 case check)' : ''}`)
  }
  return { ok: true }
}
