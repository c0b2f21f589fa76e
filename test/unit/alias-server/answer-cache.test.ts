import * as packet from 'dns-packet'
import { describe, expect, it } from 'vitest'
import { AnswerCache } from '../../../electron/alias-server/answer-cache'
import { nameToWire } from '../../../electron/dns/names'
import { PreparedAnswer } from '../../../electron/alias-server/prepared-answer'
import { buildMessage, type TtlSource } from '../../../electron/alias-server/wire/message-builder'
import { createQueryView, readQuery } from '../../../electron/alias-server/wire/question-reader'

const T0 = 5_000_000

function query(name: string, id: number, opt = true): Buffer {
  return packet.encode({
    type: 'query',
    id,
    flags: packet.RECURSION_DESIRED | packet.CHECKING_DISABLED,
    questions: [{ name, type: 'A', class: 'IN' }],
    additionals: opt ? [{ type: 'OPT', name: '.', udpPayloadSize: 1232, flags: 0 } as packet.Answer] : []
  })
}

/** A live source, read at `version` (by default its version now). */
function prepared(source: TtlSource, generation = 0, version = source.version): PreparedAnswer {
  const built = buildMessage({
    qname: 'example.test.',
    qnameWire: nameToWire('example.test.'),
    qtype: 1,
    qclass: 1,
    aa: true,
    rcode: 0,
    answer: [
      { owner: 'example.test.', type: 1, ttl: 20, rdata: Buffer.from([192, 0, 2, 1]), text: '192.0.2.1', dynamic: { source, cap: 60 } },
      { owner: 'example.test.', type: 1, ttl: 20, rdata: Buffer.from([192, 0, 2, 2]), text: '192.0.2.2', dynamic: { source, cap: 60 } }
    ],
    authority: [],
    additional: [],
    opt: { udpSize: 1232, dnssecOk: false, ede: [] }
  })
  const v = createQueryView()
  readQuery(query('example.test', 0), v)
  const info = { name: 'example.test.', type: 'A', rcode: 'NOERROR', summary: 'A 192.0.2.1, A 192.0.2.2' }
  return new PreparedAnswer(v.hash, nameToWire('example.test.'), 1, 1, 1, built, [{ entry: source, version }], T0 + 10_000, generation, 'hit', info, 0)
}

describe('PreparedAnswer', () => {
  const source = { version: 1, data: { ttl: 20, fetchedAt: T0 } }

  it("patches the ID, RD/CD bits, the question's case and the counting-down TTLs into a copy", () => {
    const p = prepared(source)
    const msg = query('ExAmPlE.TeSt', 0xbeef)
    const out = p.render(msg, 26, 1232, 0, T0 + 3_500, 'min')
    const decoded = packet.decode(out)
    expect(decoded.id).toBe(0xbeef)
    expect(decoded.flags! & packet.RECURSION_DESIRED).toBeTruthy()
    expect(decoded.flags! & packet.CHECKING_DISABLED).toBeTruthy()
    expect(decoded.flags! & packet.AUTHORITATIVE_ANSWER).toBeTruthy()
    expect(decoded.questions![0]!.name).toBe('ExAmPlE.TeSt')
    expect(decoded.answers!.map((a) => [a.name, (a as { ttl?: number }).ttl])).toEqual([['ExAmPlE.TeSt', 17], ['ExAmPlE.TeSt', 17]])
    expect(p.ttlOf(out, 0)).toBe(17)
    // fixed does not count down; the cached wire itself is untouched
    expect((packet.decode(p.render(msg, 26, 1232, 0, T0 + 3_500, 'fixed')).answers![0] as { ttl?: number }).ttl).toBe(20)
    expect(packet.decode(p.render(query('example.test', 1), 26, 1232, 0, T0, 'min')).questions![0]!.name).toBe('example.test')
  })

  it('frames for TCP and truncates to question + OPT with TC over the limit', () => {
    const p = prepared(source)
    const msg = query('example.test', 7)
    const framed = p.render(msg, 26, 65535, 2, T0, 'min')
    expect(framed.readUInt16BE(0)).toBe(framed.length - 2)
    expect(packet.decode(framed.subarray(2)).answers).toHaveLength(2)
    const cut = p.render(msg, 26, 40, 0, T0, 'min')
    const decoded = packet.decode(cut)
    expect(decoded.flags! & packet.TRUNCATED_RESPONSE).toBeTruthy()
    expect(decoded.answers).toEqual([])
    expect(decoded.additionals).toMatchObject([{ type: 'OPT' }])
    expect(p.isTruncated(cut, 0)).toBe(true)
  })

  it('is valid until its deadline, its generation and its sources change', () => {
    const s = { version: 1, data: { ttl: 20, fetchedAt: T0 } }
    const p = prepared(s)
    expect(p.isValid(T0, 0)).toBe(true)
    expect(p.isValid(T0 + 10_000, 0)).toBe(false)
    expect(p.isValid(T0, 1)).toBe(false)
    s.version = 2
    expect(p.isValid(T0, 0)).toBe(false)
  })

  it('is invalid when its source was refreshed between reading the data and building the answer', () => {
    // the refresh landed after the lookup read version 1: the answer holds version 1's addresses
    const refreshed = { version: 2, data: { ttl: 20, fetchedAt: T0 } }
    expect(prepared(refreshed, 0, 1).isValid(T0, 0)).toBe(false)
    expect(prepared(refreshed, 0, 2).isValid(T0, 0)).toBe(true)
  })
})

describe('AnswerCache', () => {
  it('finds answers by name without regard to case, per EDNS shape, and forgets them on clear()', () => {
    const cache = new AnswerCache()
    const p = prepared({ version: 1, data: { ttl: 20, fetchedAt: T0 } })
    cache.insert(p)
    const v = createQueryView()
    const msg = query('EXAMPLE.test', 3)
    readQuery(msg, v)
    expect(cache.find(msg, v.qnameEnd, v.hash, 1, 1, 1)).toBe(p)
    expect(cache.find(msg, v.qnameEnd, v.hash, 1, 1, 0)).toBeNull()
    expect(cache.find(msg, v.qnameEnd, v.hash, 28, 1, 1)).toBeNull()
    cache.clear()
    expect(cache.find(msg, v.qnameEnd, v.hash, 1, 1, 1)).toBeNull()
    // an answer built before the clear is not stored
    cache.insert(p)
    expect(cache.size).toBe(0)
  })

  it('replaces an older answer to the same question', () => {
    const cache = new AnswerCache(2)
    const a = prepared({ version: 1, data: { ttl: 20, fetchedAt: T0 } })
    const b = prepared({ version: 1, data: { ttl: 20, fetchedAt: T0 } })
    cache.insert(a)
    cache.insert(b)
    expect(cache.size).toBe(1)
    const v = createQueryView()
    const msg = query('example.test', 3)
    readQuery(msg, v)
    expect(cache.find(msg, v.qnameEnd, v.hash, 1, 1, 1)).toBe(b)
  })
})
