import * as packet from 'dns-packet'
import { describe, expect, it } from 'vitest'
import {
  createQueryView,
  questionNameEquals,
  READ_BADVERS,
  READ_DROP,
  READ_FORMERR,
  READ_NOTIMP,
  READ_OK,
  readQuery
} from '../../../electron/alias-server/wire/question-reader'

function query(name: string, type: packet.RecordType = 'A', opt?: Partial<{ udpPayloadSize: number; flags: number; ednsVersion: number }>): Buffer {
  return packet.encode({
    type: 'query',
    id: 0x1234,
    flags: packet.RECURSION_DESIRED,
    questions: [{ name, type, class: 'IN' }],
    additionals: opt ? [{ type: 'OPT', name: '.', udpPayloadSize: 1232, flags: 0, ednsVersion: 0, ...opt } as packet.Answer] : []
  })
}

const OPT_RR = Buffer.from([0, 0, 41, 0x04, 0xd0, 0, 0, 0, 0, 0, 0])

function withAdditional(base: Buffer, ...records: Buffer[]): Buffer {
  const out = Buffer.concat([base, ...records])
  out.writeUInt16BE(base.readUInt16BE(10) + records.length, 10)
  return out
}

describe('readQuery', () => {
  it('reads the header, question and hash of a plain query', () => {
    const v = createQueryView()
    expect(readQuery(query('Example.TEST', 'AAAA'), v)).toBe(READ_OK)
    expect(v).toMatchObject({ id: 0x1234, opcode: 0, qtype: 28, qclass: 1, edns: false, udpSize: 0, hasQuestion: true, qnameEnd: 26, questionEnd: 30 })
    const hash = v.hash
    readQuery(query('example.test', 'AAAA'), v)
    expect(v.hash).toBe(hash)
    readQuery(query('example.test', 'A'), v)
    expect(v.hash).not.toBe(hash)
  })

  it('reads EDNS: payload size, DO bit and version', () => {
    const v = createQueryView()
    expect(readQuery(query('example.test', 'A', { udpPayloadSize: 4096, flags: packet.DNSSEC_OK }), v)).toBe(READ_OK)
    expect(v).toMatchObject({ edns: true, udpSize: 4096, dnssecOk: true, ednsVersion: 0 })
    expect(readQuery(query('example.test', 'A', { ednsVersion: 1 }), v)).toBe(READ_BADVERS)
    expect(v.hasQuestion).toBe(true)
  })

  it('drops what is not a query: under 12 octets, or QR set', () => {
    const v = createQueryView()
    expect(readQuery(Buffer.alloc(11), v)).toBe(READ_DROP)
    const response = query('example.test')
    response[2] = response[2]! | 0x80
    expect(readQuery(response, v)).toBe(READ_DROP)
  })

  it('answers NOTIMP for other opcodes, with the question when it parses', () => {
    const v = createQueryView()
    const status = query('example.test')
    status[2] = (status[2]! & 0x87) | (2 << 3)
    expect(readQuery(status, v)).toBe(READ_NOTIMP)
    expect(v.hasQuestion).toBe(true)
  })

  it.each([
    ['QDCOUNT 0', (q: Buffer) => q.writeUInt16BE(0, 4)],
    ['QDCOUNT 2', (q: Buffer) => q.writeUInt16BE(2, 4)],
    ['a compression pointer in the question', (q: Buffer) => q.writeUInt16BE(0xc00c, 12)],
    ['a label longer than 63', (q: Buffer) => (q[12] = 64)]
  ])('answers FORMERR for %s', (_, mutate) => {
    const q = query('example.test')
    mutate(q)
    expect(readQuery(q, createQueryView())).toBe(READ_FORMERR)
  })

  it('answers FORMERR for a truncated question, trailing octets, two OPTs, a non-root OPT and bad option lengths', () => {
    const v = createQueryView()
    const q = query('example.test')
    expect(readQuery(q.subarray(0, q.length - 2), v)).toBe(READ_FORMERR)
    expect(readQuery(Buffer.concat([q, Buffer.from([0])]), v)).toBe(READ_FORMERR)
    expect(readQuery(withAdditional(q, OPT_RR), v)).toBe(READ_OK)
    expect(readQuery(withAdditional(q, OPT_RR, OPT_RR), v)).toBe(READ_FORMERR)
    const named = Buffer.from([1, 0x61, 0, 0, 41, 0x04, 0xd0, 0, 0, 0, 0, 0, 0])
    expect(readQuery(withAdditional(q, named), v)).toBe(READ_FORMERR)
    const badOption = Buffer.from([0, 0, 41, 0x04, 0xd0, 0, 0, 0, 0, 0, 5, 0, 10, 0, 9, 1])
    expect(readQuery(withAdditional(q, badOption), v)).toBe(READ_FORMERR)
  })

  it('answers FORMERR for a name longer than 255 octets', () => {
    const long = Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.')
    const labels = long.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]))
    const header = Buffer.from([0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    const q = Buffer.concat([header, ...labels, Buffer.from([0, 0, 1, 0, 1])])
    expect(readQuery(q, createQueryView())).toBe(READ_FORMERR)
  })

  it('compares question names without regard to case', () => {
    const q = query('WwW.Example.Test')
    const v = createQueryView()
    readQuery(q, v)
    const lower = Buffer.from([3, ...Buffer.from('www'), 7, ...Buffer.from('example'), 4, ...Buffer.from('test'), 0])
    expect(questionNameEquals(q, v.qnameEnd, lower)).toBe(true)
    lower[1] = 0x78
    expect(questionNameEquals(q, v.qnameEnd, lower)).toBe(false)
  })
})
