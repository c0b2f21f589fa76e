import { describe, expect, it } from 'vitest'
import { formatRfc8427Json, toRfc8427 } from '../../../electron/format/rfc8427-json'
import { resultFixture, rr } from '../../support/dns-result'

describe('toRfc8427', () => {
  it('uses the RFC 8427 member names for the header, counts and question', () => {
    const json = toRfc8427(resultFixture())
    expect(json).toMatchObject({
      ID: 24534,
      QR: 1,
      Opcode: 0,
      AA: 1,
      TC: 0,
      RD: 1,
      RA: 0,
      AD: 0,
      CD: 0,
      RCODE: 0,
      QDCOUNT: 1,
      ANCOUNT: 2,
      NSCOUNT: 0,
      ARCOUNT: 1,
      QNAME: 'inspect.test.',
      QTYPE: 1,
      QTYPEname: 'A',
      QCLASS: 1,
      QCLASSname: 'IN',
      questionRRs: [{ NAME: 'inspect.test.', TYPE: 1, TYPEname: 'A', CLASS: 1, CLASSname: 'IN' }],
      messageOctetsHEX: '5FD68500',
      dateString: '2026-11-26T15:18:40.000Z'
    })
    expect(json.answerRRs[0]).toEqual({
      NAME: 'inspect.test.',
      TYPE: 1,
      TYPEname: 'A',
      CLASS: 1,
      CLASSname: 'IN',
      TTL: 300,
      rdataA: '192.0.2.1'
    })
  })

  it('names presentation RDATA rdata<TYPE> and turns the RFC 3597 form into RDATAHEX', () => {
    const json = toRfc8427(
      resultFixture({
        header: {
          id: 7,
          opcode: 'NOTIFY',
          rcode: 'BADCOOKIE',
          rcodeCode: 23,
          flags: { qr: true, aa: false, tc: true, rd: false, ra: true, ad: true, cd: true }
        },
        edns: undefined,
        answer: [rr('inspect.test.', 300, 'MX', 15, '10 mail.inspect.test.')],
        authority: [rr('unknown.inspect.test.', 300, 'TYPE65534', 65534, '\\# 4 c0000201')],
        additional: [{ ...rr('x.test.', 0, 'TXT', 16, '"a"'), class: 'CH' }]
      })
    )
    expect(json).toMatchObject({ Opcode: 4, RCODE: 23, TC: 1, RD: 0, RA: 1, CD: 1, ARCOUNT: 1 })
    expect(json.EDNS).toBeUndefined()
    expect(json.answerRRs[0]!.rdataMX).toBe('10 mail.inspect.test.')
    expect(json.authorityRRs[0]).toMatchObject({ TYPE: 65534, RDLENGTH: 4, RDATAHEX: 'C0000201' })
    expect(json.authorityRRs[0]!.rdataTYPE65534).toBeUndefined()
    expect(json.additionalRRs[0]).toMatchObject({ CLASS: 3, CLASSname: 'CH', rdataTXT: '"a"' })
  })

  it('formats as parseable JSON and keeps the EDNS details', () => {
    const parsed = JSON.parse(formatRfc8427Json(resultFixture()))
    expect(parsed.EDNS).toEqual({ version: 0, udpSize: 1232, dnssecOk: false, ede: [], options: [] })
    expect(parsed.comment).toMatch(/127\.0\.0\.1#5300 over UDP/)
  })
})
