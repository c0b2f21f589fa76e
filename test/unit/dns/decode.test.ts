import * as packet from 'dns-packet'
import { describe, expect, it } from 'vitest'
import { decodeMessage } from '../../../electron/dns/decode-message'
import { alias } from '../../../electron/dns/rdata/alias'
import { readName } from '../../../electron/dns/wire-name'
import { rawMessage, response } from './helpers'

const EXAMPLE = [7, ...Buffer.from('example'), 0]

function malformedMessage(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    expect((err as { code?: string }).code).toBe('malformed')
    return (err as Error).message
  }
  throw new Error('expected a malformed error')
}

function single(a: packet.Answer) {
  const d = decodeMessage(response([a]))
  expect(d.answer).toHaveLength(1)
  return d.answer[0]!
}

describe('RDATA presentation for the types dns-packet knows', () => {
  const cases: Array<[string, packet.Answer, string]> = [
    ['A', { name: 'example', type: 'A', ttl: 60, data: '192.0.2.1' }, '192.0.2.1'],
    ['AAAA', { name: 'example', type: 'AAAA', ttl: 60, data: '2001:db8:0:0:0:0:0:1' }, '2001:db8::1'],
    ['NS', { name: 'example', type: 'NS', ttl: 60, data: 'ns1.example' }, 'ns1.example.'],
    ['CNAME', { name: 'example', type: 'CNAME', ttl: 60, data: 'target.example' }, 'target.example.'],
    ['DNAME', { name: 'example', type: 'DNAME', ttl: 60, data: 'other.example' }, 'other.example.'],
    ['PTR', { name: 'example', type: 'PTR', ttl: 60, data: 'host.example' }, 'host.example.'],
    ['MX', { name: 'example', type: 'MX', ttl: 60, data: { preference: 10, exchange: 'mail.example' } }, '10 mail.example.'],
    [
      'SOA',
      {
        name: 'example', type: 'SOA', ttl: 60,
        data: { mname: 'ns1.example', rname: 'hostmaster.example', serial: 2024010101, refresh: 7200, retry: 3600, expire: 1209600, minimum: 300 }
      },
      'ns1.example. hostmaster.example. 2024010101 7200 3600 1209600 300'
    ],
    ['TXT', { name: 'example', type: 'TXT', ttl: 60, data: ['hello world', 'a"b\\c', Buffer.from([0x01, 0xff])] }, String.raw`"hello world" "a\"b\\c" "\001\255"`],
    ['SRV', { name: 'example', type: 'SRV', ttl: 60, data: { priority: 10, weight: 5, port: 443, target: 'svc.example' } }, '10 5 443 svc.example.'],
    ['CAA', { name: 'example', type: 'CAA', ttl: 60, data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } }, '0 issue "letsencrypt.org"'],
    ['HINFO', { name: 'example', type: 'HINFO', ttl: 60, data: { cpu: 'INTEL', os: 'LINUX' } }, '"INTEL" "LINUX"'],
    ['DS', { name: 'example', type: 'DS', ttl: 60, data: { keyTag: 12345, algorithm: 13, digestType: 2, digest: Buffer.from('abcdef01', 'hex') } }, '12345 13 2 ABCDEF01'],
    ['DNSKEY', { name: 'example', type: 'DNSKEY', ttl: 60, data: { flags: 257, algorithm: 13, key: Buffer.from('key!') } }, '257 3 13 a2V5IQ=='],
    [
      'RRSIG',
      {
        name: 'example', type: 'RRSIG', ttl: 60,
        data: { typeCovered: 'A', algorithm: 13, labels: 1, originalTTL: 300, expiration: 1700000000, inception: 1690000000, keyTag: 4711, signersName: 'example', signature: Buffer.from('sig') }
      },
      'A 13 1 300 20231114221320 20230722042640 4711 example. c2ln'
    ],
    ['NSEC', { name: 'example', type: 'NSEC', ttl: 60, data: { nextDomain: 'b.example', rrtypes: ['A', 'RRSIG', 'NSEC'] } }, 'b.example. A RRSIG NSEC'],
    [
      'NSEC3',
      { name: 'example', type: 'NSEC3', ttl: 60, data: { algorithm: 1, flags: 0, iterations: 0, salt: Buffer.alloc(0), nextDomain: Buffer.from('0000000000', 'hex'), rrtypes: ['A'] } },
      '1 0 0 - 00000000 A'
    ],
    ['TLSA', { name: 'example', type: 'TLSA', ttl: 60, data: { usage: 3, selector: 1, matchingType: 1, certificate: Buffer.from('0102', 'hex') } }, '3 1 1 0102'],
    ['SSHFP', { name: 'example', type: 'SSHFP', ttl: 60, data: { algorithm: 4, hash: 1, fingerprint: 'ab'.repeat(20) } }, `4 1 ${'AB'.repeat(20)}`],
    [
      'NAPTR',
      { name: 'example', type: 'NAPTR', ttl: 60, data: { order: 100, preference: 10, flags: 'S', services: 'SIP+D2U', regexp: '', replacement: '_sip._udp.example' } },
      '100 10 "S" "SIP+D2U" "" _sip._udp.example.'
    ],
    ['RP', { name: 'example', type: 'RP', ttl: 60, data: { mbox: 'admin.example', txt: 'info.example' } }, 'admin.example. info.example.']
  ]
  for (const [type, answer, text] of cases) {
    it(type, () => {
      const rr = single(answer)
      expect(rr.type).toBe(type)
      expect(rr.data).toBe(text)
      expect(rr.fields?.malformed).toBeUndefined()
    })
  }

  it('shows unknown types RFC 3597 style', () => {
    const rr = single({ name: 'example', type: 'UNKNOWN_65534', ttl: 5, data: Buffer.from('C0000201', 'hex') } as unknown as packet.Answer)
    expect(rr).toMatchObject({ type: 'TYPE65534', typeCode: 65534, class: 'IN', ttl: 5, data: '\\# 4 C0000201' })
    expect(single({ name: 'example', type: 'UNKNOWN_65533', ttl: 5, data: Buffer.alloc(0) } as unknown as packet.Answer).data).toBe('\\# 0')
  })

  it('shows PowerDNS ALIAS (65401) as a name', () => {
    const data = alias.encode('apex-target.example.').subarray(2)
    const rr = single({ name: 'example', type: 'UNKNOWN_65401', ttl: 60, data } as unknown as packet.Answer)
    expect(rr).toMatchObject({ type: 'ALIAS', typeCode: 65401, data: 'apex-target.example.' })
    expect(alias.decode(alias.encode('apex-target.example.'), 0)).toBe('apex-target.example.')
  })

  it('keeps RDATA that does not parse as its type, in generic form, with the reason', () => {
    // an A record with 5 octets of RDATA
    const msg = rawMessage({ an: 1 }, [...EXAMPLE, 0, 1, 0, 1, 0, 0, 0, 60, 0, 5, 192, 0, 2, 1, 9])
    const rr = decodeMessage(msg).answer[0]!
    expect(rr.data).toBe('\\# 5 C000020109')
    expect(rr.fields?.malformed).toMatch(/trailing/)
  })

  it('reads compressed names in RDATA and escapes odd label octets', () => {
    const d = decodeMessage(
      response([{ name: 'example', type: 'CNAME', ttl: 1, data: 'www.example' }])
    )
    expect(d.answer[0]!.name).toBe('example.')
    expect(d.answer[0]!.data).toBe('www.example.')
    const odd = Buffer.from([3, 0x61, 0x2e, 0x62, 2, 0x01, 0x20, 0])
    expect(readName(odd, 0).name).toBe('a\\.b.\\001\\032.')
  })

  it('takes the OPT record out of the additional section', () => {
    const d = decodeMessage(
      response([], { additionals: [{ type: 'OPT', name: '.', udpPayloadSize: 1232, extendedRcode: 1, flags: 0x8000, options: [] } as unknown as packet.Answer] })
    )
    expect(d.additional).toEqual([])
    expect(d.opt).toMatchObject({ udpSize: 1232, extendedRcode: 1, version: 0, flags: 0x8000 })
  })
})

describe('malformed messages', () => {
  it('rejects a message shorter than a header', () => {
    expect(malformedMessage(() => decodeMessage(Buffer.alloc(11)))).toMatch(/header needs 12/)
  })

  it('rejects a compression pointer that points at itself', () => {
    // question name at offset 12 is a pointer to offset 12
    const msg = rawMessage({ qd: 1 }, [0xc0, 12, 0, 1, 0, 1])
    expect(malformedMessage(() => decodeMessage(msg))).toMatch(/loop/)
  })

  it('rejects two pointers pointing at each other', () => {
    // answer owner at 17 → 19, and 19 → 17
    const msg = rawMessage({ qd: 1, an: 1 }, [0, 0, 1, 0, 1, 0xc0, 19, 0xc0, 17, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])
    expect(malformedMessage(() => decodeMessage(msg))).toMatch(/does not point backwards/)
  })

  it('rejects a chain of backward pointers that builds a name over 255 octets', () => {
    // five 63-octet labels, each followed by a pointer to the previous one
    const body: number[] = [63, ...Buffer.alloc(63, 0x61), 0]
    let prev = 12
    for (let i = 0; i < 4; i++) {
      const here = 12 + body.length
      body.push(63, ...Buffer.alloc(63, 0x62), 0xc0 | (prev >> 8), prev & 0xff)
      prev = here
    }
    const msg = rawMessage({}, [...body, 0xc0 | (prev >> 8), prev & 0xff])
    expect(readName(msg, 12).name).toHaveLength(64)
    expect(malformedMessage(() => readName(msg, msg.length - 2))).toMatch(/longer than 255/)
  })

  it('rejects section counts that run past the end', () => {
    const msg = rawMessage({ qd: 1, an: 2 }, [...EXAMPLE, 0, 1, 0, 1, ...EXAMPLE, 0, 1, 0, 1, 0, 0, 0, 1, 0, 4, 192, 0, 2, 1])
    expect(malformedMessage(() => decodeMessage(msg))).toMatch(/runs past the end|truncated/)
  })

  it('rejects RDATA longer than the message', () => {
    const msg = rawMessage({ an: 1 }, [...EXAMPLE, 0, 1, 0, 1, 0, 0, 0, 1, 0, 40, 192, 0, 2, 1])
    expect(malformedMessage(() => decodeMessage(msg))).toMatch(/RDATA of record 1/)
  })

  it('rejects reserved label types and two OPT records', () => {
    expect(malformedMessage(() => decodeMessage(rawMessage({ qd: 1 }, [0x40, 0, 0, 1, 0, 1])))).toMatch(/label type/)
    const opt = [0, 0, 41, 4, 208, 0, 0, 0, 0, 0, 0]
    expect(malformedMessage(() => decodeMessage(rawMessage({ ar: 2 }, [...opt, ...opt])))).toMatch(/more than one OPT/)
  })

  it('never lets garbage escape as anything but a malformed error', () => {
    let seed = 7
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256
    for (let i = 0; i < 2000; i++) {
      const b = Buffer.from(Array.from({ length: 12 + (i % 80) }, rand))
      try {
        decodeMessage(b)
      } catch (err) {
        expect((err as { code?: string }).code).toBe('malformed')
      }
    }
  })
})

describe('rdataHex: the exact RDATA octets, names uncompressed (kdig RDATAHEX)', () => {
  it('undoes compression pointers inside RDATA and keeps the rest as sent', () => {
    // question example./A at 12; answer: owner → 12, MX 10 mail + pointer → 12
    const rdata = [0, 10, 4, ...Buffer.from('mail'), 0xc0, 12]
    const msg = rawMessage({ qd: 1, an: 1 }, [
      ...EXAMPLE, 0, 1, 0, 1,
      0xc0, 12, 0, 15, 0, 1, 0, 0, 0, 60, 0, rdata.length, ...rdata
    ])
    const mx = decodeMessage(msg).answer[0]!
    expect(mx.data).toBe('10 mail.example.')
    expect(mx.rdataHex).toBe(`000A${Buffer.from([4, ...Buffer.from('mail'), 7, ...Buffer.from('example'), 0]).toString('hex').toUpperCase()}`)
    expect(single({ name: 'example', type: 'A', ttl: 60, data: '192.0.2.1' }).rdataHex).toBe('C0000201')
    const unknown = single({ name: 'example', type: 'UNKNOWN_65534', ttl: 5, data: Buffer.from('c0000201', 'hex') } as unknown as packet.Answer)
    expect(unknown.rdataHex).toBe('C0000201')
  })
})
