/** The misbehaving server's DNS messages: correct answers and the deliberately broken ones. */
import * as dnsPacket from 'dns-packet'

export const MISBEHAVING_A = '192.0.2.1'

export function parseQuery(message: Buffer): dnsPacket.Packet | undefined {
  try {
    const packet = dnsPacket.decode(message)
    return packet.questions && packet.questions.length > 0 ? packet : undefined
  } catch {
    return undefined
  }
}

/** Offset just after the question section (the query's name is uncompressed). */
function questionEnd(message: Buffer): number {
  let offset = 12
  while (offset < message.length) {
    const length = message[offset]!
    if (length === 0) return offset + 1 + 4
    if ((length & 0xc0) === 0xc0) return offset + 2 + 4
    offset += 1 + length
  }
  return message.length
}

function answerRecords(question: dnsPacket.Question): dnsPacket.Answer[] {
  if (question.type === 'A') {
    return [{ name: question.name, type: 'A', class: 'IN', ttl: 60, data: MISBEHAVING_A }]
  }
  if (question.type === 'TXT') {
    const count = question.name.toLowerCase().startsWith('big') ? 40 : 1
    return Array.from({ length: count }, (_, index) => ({
      name: question.name,
      type: 'TXT' as const,
      class: 'IN' as const,
      ttl: 60,
      data: `txt-${String(index).padStart(2, '0')}-${'x'.repeat(count > 1 ? 60 : 8)}`
    }))
  }
  return []
}

export function response(
  query: dnsPacket.Packet,
  overrides: { id?: number; name?: string; tc?: boolean; rcode?: string; answers?: dnsPacket.Answer[] } = {}
): Buffer {
  const question = query.questions![0]!
  const questions = [{ ...question, name: overrides.name ?? question.name }]
  const hasOpt = (query.additionals ?? []).some((record) => record.type === 'OPT')
  let flags = dnsPacket.AUTHORITATIVE_ANSWER | ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED)
  if (overrides.tc) flags |= dnsPacket.TRUNCATED_RESPONSE
  const packet: dnsPacket.Packet = {
    type: 'response',
    id: overrides.id ?? query.id ?? 0,
    flags,
    questions,
    answers: overrides.answers ?? answerRecords(question),
    additionals: hasOpt
      ? [{ type: 'OPT', name: '.', udpPayloadSize: 1232, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }]
      : []
  }
  const encoded = dnsPacket.encode(packet)
  if (overrides.rcode) {
    const codes: Record<string, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 }
    const code = codes[overrides.rcode] ?? 0
    encoded[3] = (encoded[3]! & 0xf0) | code
  }
  return encoded
}

export function pointerLoop(message: Buffer, query: dnsPacket.Packet): Buffer {
  const end = questionEnd(message)
  const header = Buffer.alloc(12)
  header.writeUInt16BE(query.id ?? 0, 0)
  header.writeUInt16BE(0x8400 | ((query.flags ?? 0) & 0x0100), 2) // QR AA (+RD)
  header.writeUInt16BE(1, 4)
  header.writeUInt16BE(1, 6)
  const question = message.subarray(12, end)
  const answerOffset = 12 + question.length
  const answer = Buffer.alloc(2 + 10 + 4)
  answer.writeUInt16BE(0xc000 | answerOffset, 0) // points at itself
  answer.writeUInt16BE(1, 2)
  answer.writeUInt16BE(1, 4)
  answer.writeUInt32BE(60, 6)
  answer.writeUInt16BE(4, 10)
  Buffer.from([192, 0, 2, 1]).copy(answer, 12)
  return Buffer.concat([header, question, answer])
}

export const frame = (message: Buffer): Buffer => {
  const prefix = Buffer.alloc(2)
  prefix.writeUInt16BE(message.length, 0)
  return Buffer.concat([prefix, message])
}
