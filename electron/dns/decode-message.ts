import type { DnsRecord } from '@shared/dns'
import { presentRdata } from './rdata/present'
import { hexUpper } from './rdata/text'
import { className, typeName } from '@shared/dns-codes'
import { malformed, readName, type NameRead } from './wire-name'

export interface MessageHeader {
  id: number
  qr: boolean
  opcode: number
  aa: boolean
  tc: boolean
  rd: boolean
  ra: boolean
  ad: boolean
  cd: boolean
  /** The 4 header bits only; the OPT record carries the upper 8. */
  rcode: number
  qdcount: number
  ancount: number
  nscount: number
  arcount: number
}

export interface Question {
  name: string
  typeCode: number
  classCode: number
}

export interface OptRecord {
  udpSize: number
  extendedRcode: number
  version: number
  flags: number
  options: Array<{ code: number; data: Buffer }>
}

export interface DecodedMessage {
  header: MessageHeader
  questions: Question[]
  answer: DnsRecord[]
  authority: DnsRecord[]
  additional: DnsRecord[]
  opt?: OptRecord
}

export function readHeader(msg: Buffer): MessageHeader {
  if (msg.length < 12) throw malformed(`only ${msg.length} octets; a header needs 12`)
  const flags = msg.readUInt16BE(2)
  return {
    id: msg.readUInt16BE(0),
    qr: (flags & 0x8000) !== 0,
    opcode: (flags >> 11) & 0xf,
    aa: (flags & 0x0400) !== 0,
    tc: (flags & 0x0200) !== 0,
    rd: (flags & 0x0100) !== 0,
    ra: (flags & 0x0080) !== 0,
    ad: (flags & 0x0020) !== 0,
    cd: (flags & 0x0010) !== 0,
    rcode: flags & 0xf,
    qdcount: msg.readUInt16BE(4),
    ancount: msg.readUInt16BE(6),
    nscount: msg.readUInt16BE(8),
    arcount: msg.readUInt16BE(10)
  }
}

/** Reads the question at `offset`; returns it and the offset after it. */
export function readQuestion(msg: Buffer, offset: number): { question: Question; end: number } {
  const n = readName(msg, offset)
  if (n.end + 4 > msg.length) throw malformed('question section is truncated')
  return {
    question: { name: n.name, typeCode: msg.readUInt16BE(n.end), classCode: msg.readUInt16BE(n.end + 2) },
    end: n.end + 4
  }
}

function parseOptions(msg: Buffer, start: number, end: number): OptRecord['options'] {
  const options: OptRecord['options'] = []
  let pos = start
  while (pos < end) {
    if (pos + 4 > end) throw malformed('truncated EDNS option header')
    const code = msg.readUInt16BE(pos)
    const len = msg.readUInt16BE(pos + 2)
    if (pos + 4 + len > end) throw malformed(`EDNS option ${code} runs past the end of the OPT record`)
    options.push({ code, data: Buffer.from(msg.subarray(pos + 4, pos + 4 + len)) })
    pos += 4 + len
  }
  return options
}

/** The offset after a question, its name not turned into text (the caller matched it already). */
function skipQuestion(msg: Buffer, offset: number): number {
  let pos = offset
  for (;;) {
    if (pos >= msg.length) throw malformed('question section is truncated')
    const len = msg[pos] as number
    if (len === 0) {
      pos++
      break
    }
    if ((len & 0xc0) === 0xc0) {
      pos += 2
      break
    }
    if (len & 0xc0) throw malformed(`unsupported label type 0x${len.toString(16)} at offset ${pos}`)
    pos += len + 1
  }
  if (pos + 4 > msg.length) throw malformed('question section is truncated')
  return pos + 4
}

/**
 * Decodes a whole message. Structural problems (header, names, section framing, OPT) throw
 * ServiceError('malformed'); RDATA that does not parse as its type is kept in RFC 3597 form.
 * `questionMatched`: the caller already checked the question (the pooled engine), so `questions`
 * stays empty and the question is only stepped over.
 */
export function decodeMessage(msg: Buffer, questionMatched = false): DecodedMessage {
  const header = readHeader(msg)
  let pos = 12
  const questions: Question[] = []
  for (let i = 0; i < header.qdcount; i++) {
    if (questionMatched) {
      pos = skipQuestion(msg, pos)
      continue
    }
    const q = readQuestion(msg, pos)
    questions.push(q.question)
    pos = q.end
  }
  const sections: DnsRecord[][] = [[], [], []]
  const counts = [header.ancount, header.nscount, header.arcount]
  let opt: OptRecord | undefined
  let lastOwner = { ptr: -1, name: '' }
  for (let s = 0; s < 3; s++) {
    const list = sections[s] as DnsRecord[]
    for (let i = 0; i < (counts[s] as number); i++) {
      // owners are mostly the same compression pointer (to the question): its name is read once
      const ptr = ((msg[pos] as number) & 0xc0) === 0xc0 && pos + 1 < msg.length ? msg.readUInt16BE(pos) : -1
      let owner: NameRead
      if (ptr >= 0 && ptr === lastOwner.ptr) owner = { name: lastOwner.name, end: pos + 2 }
      else {
        owner = readName(msg, pos)
        if (ptr >= 0) lastOwner = { ptr, name: owner.name }
      }
      const p = owner.end
      if (p + 10 > msg.length) throw malformed(`record ${i + 1} of section ${s + 1} is truncated`)
      const type = msg.readUInt16BE(p)
      const klass = msg.readUInt16BE(p + 2)
      const ttl = msg.readUInt32BE(p + 4)
      const rdlength = msg.readUInt16BE(p + 8)
      const start = p + 10
      const end = start + rdlength
      if (end > msg.length) throw malformed(`RDATA of record ${i + 1} in section ${s + 1} runs past the end`)
      if (type === 41) {
        if (s !== 2) throw malformed('OPT record outside the additional section')
        if (opt) throw malformed('more than one OPT record')
        if (owner.name !== '.') throw malformed('OPT record owner is not the root')
        opt = {
          udpSize: klass,
          extendedRcode: ttl >>> 24,
          version: (ttl >>> 16) & 0xff,
          flags: ttl & 0xffff,
          options: parseOptions(msg, start, end)
        }
      } else {
        const rdata = presentRdata(msg, type, start, rdlength)
        const record: DnsRecord = {
          name: owner.name,
          type: typeName(type),
          typeCode: type,
          class: className(klass),
          ttl,
          data: rdata.data
        }
        if (rdata.fields) record.fields = rdata.fields
        if (rdata.wire) record.rdataHex = hexUpper(rdata.wire)
        list.push(record)
      }
      pos = end
    }
  }
  return {
    header,
    questions,
    answer: sections[0] as DnsRecord[],
    authority: sections[1] as DnsRecord[],
    additional: sections[2] as DnsRecord[],
    ...(opt ? { opt } : {})
  }
}
