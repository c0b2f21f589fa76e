import * as packet from 'dns-packet'
import { describe, expect, it } from 'vitest'
import { matchResponse, type MatchExpectation } from '../../../electron/dns/match-response'
import { rawMessage } from './helpers'

const server = { address: '127.0.0.1', port: 5300 }
const exp: MatchExpectation = { id: 1234, qname: 'WwW.ExAmple.', typeCode: 1, classCode: 1, exactCase: false, server }

function reply(o: { id?: number; name?: string; type?: string; qr?: boolean; rcode?: number; noQuestion?: boolean } = {}): Buffer {
  const b = packet.encode({
    id: o.id ?? 1234,
    type: o.qr === false ? 'query' : 'response',
    flags: o.rcode ?? 0,
    questions: o.noQuestion ? [] : [{ name: o.name ?? 'WwW.ExAmple', type: (o.type ?? 'A') as packet.RecordType, class: 'IN' }]
  })
  return b
}

describe('matchResponse', () => {
  it('accepts our response from the queried address and port', () => {
    expect(matchResponse(exp, reply(), server)).toEqual({ ok: true })
    expect(matchResponse(exp, reply())).toEqual({ ok: true })
  })

  it('ignores packets from another address or port', () => {
    expect(matchResponse(exp, reply(), { address: '127.0.0.2', port: 5300 })).toMatchObject({ ok: false, reason: /unexpected source/ })
    expect(matchResponse(exp, reply(), { address: '127.0.0.1', port: 5301 })).toMatchObject({ ok: false })
  })

  it('ignores another ID, a query, a runt and another opcode', () => {
    expect(matchResponse(exp, reply({ id: 1235 }), server)).toMatchObject({ ok: false, reason: 'ID 1235 instead of 1234' })
    expect(matchResponse(exp, reply({ qr: false }), server)).toMatchObject({ ok: false, reason: /QR bit/ })
    expect(matchResponse(exp, Buffer.alloc(11), server)).toMatchObject({ ok: false, reason: /runt/ })
    const notify = reply()
    notify.writeUInt16BE(0x8000 | (4 << 11), 2)
    expect(matchResponse(exp, notify, server)).toMatchObject({ ok: false, reason: /opcode 4/ })
  })

  it('ignores another question name or type', () => {
    expect(matchResponse(exp, reply({ name: 'mail.example' }), server)).toMatchObject({ ok: false, reason: /question name/ })
    expect(matchResponse(exp, reply({ type: 'AAAA' }), server)).toMatchObject({ ok: false, reason: /question type 28/ })
  })

  it('compares the name case-insensitively, or exactly under 0x20', () => {
    expect(matchResponse(exp, reply({ name: 'www.example' }), server)).toEqual({ ok: true })
    expect(matchResponse({ ...exp, exactCase: true }, reply({ name: 'www.example' }), server)).toMatchObject({
      ok: false,
      reason: /0x20/
    })
    expect(matchResponse({ ...exp, exactCase: true }, reply(), server)).toEqual({ ok: true })
  })

  it('accepts error responses without a question, but not NOERROR ones', () => {
    expect(matchResponse(exp, reply({ noQuestion: true, rcode: 1 }), server)).toEqual({ ok: true })
    expect(matchResponse(exp, reply({ noQuestion: true }), server)).toMatchObject({ ok: false })
  })

  it('throws malformed for our ID with an unparseable question (pointer loop)', () => {
    const msg = rawMessage({ id: 1234, qd: 1 }, [0xc0, 12, 0, 1, 0, 1])
    expect(() => matchResponse(exp, msg, server)).toThrow(/loop/)
    try {
      matchResponse(exp, msg, server)
    } catch (err) {
      expect((err as { code: string }).code).toBe('malformed')
    }
    // the same garbage with another ID is just ignored
    expect(matchResponse(exp, rawMessage({ id: 9, qd: 1 }, [0xc0, 12, 0, 1, 0, 1]), server)).toMatchObject({ ok: false })
  })
})
