import * as packet from 'dns-packet'
import { describe, expect, it } from 'vitest'
import type { QueryOptions } from '@shared/dns'
import { queryOptionsSchema } from '@shared/dns'
import { buildQuery, withId } from '../../../electron/dns/build-query'
import { decodeEde, edeName, isUnsafeTextChar } from '../../../electron/dns/ede'
import { ednsInfo } from '../../../electron/dns/edns-info'
import { clientSubnetOption, paddingLength } from '../../../electron/dns/edns-options'

const opts = (o: Partial<QueryOptions> = {}): QueryOptions => queryOptionsSchema.parse(o)

interface DecodedOpt {
  udpPayloadSize: number
  flags: number
  options: Array<{ code: number; data?: Buffer; family?: number; sourcePrefixLength?: number; ip?: string }>
}

function optOf(wire: Buffer): DecodedOpt | undefined {
  const d = packet.decode(wire)
  return d.additionals?.find((a) => a.type === 'OPT') as unknown as DecodedOpt | undefined
}

describe('Extended DNS Errors (RFC 8914)', () => {
  it('decodes code, registered name and extra text', () => {
    const data = Buffer.concat([Buffer.from([0, 18]), Buffer.from('blocked by policy')])
    expect(decodeEde(data)).toEqual({ code: 18, name: 'Prohibited', text: 'blocked by policy' })
    expect(decodeEde(Buffer.from([0, 6]))).toEqual({ code: 6, name: 'DNSSEC Bogus' })
  })

  it('names every registered code and marks others unassigned', () => {
    expect(edeName(0)).toBe('Other Error')
    expect(edeName(3)).toBe('Stale Answer')
    expect(edeName(22)).toBe('No Reachable Authority')
    expect(edeName(29)).toBe('Synthesized')
    expect(edeName(30)).toBe('Invalid Query Type')
    expect(edeName(4000)).toBe('Unassigned (4000)')
  })

  it('escapes control and bidi characters in the extra text, so it cannot forge lines or reorder what is shown', () => {
    const hostile = 'ok\n;; ANSWER SECTION:\r\u001b[2J\u202eevil\u2066x\u2069\u200f\u0085\u2028 back\\slash'
    const text = decodeEde(Buffer.concat([Buffer.from([0, 0]), Buffer.from(hostile, 'utf8')]))!.text!
    expect([...text].filter((c) => isUnsafeTextChar(c.codePointAt(0)!))).toEqual([])
    expect(text).toBe('ok\\010;; ANSWER SECTION:\\013\\027[2J\\u202Eevil\\u2066x\\u2069\\u200F\\u0085\\u2028 back\\\\slash')
    expect(decodeEde(Buffer.concat([Buffer.from([0, 18]), Buffer.from('café – blocked', 'utf8')]))!.text).toBe('café – blocked')
  })

  it('strips a NUL terminator and ignores too-short options', () => {
    expect(decodeEde(Buffer.from([0, 23, 0x68, 0x69, 0]))?.text).toBe('hi')
    expect(decodeEde(Buffer.from([0]))).toBeUndefined()
  })

  it('collects several EDE options and keeps unknown options as hex', () => {
    const info = ednsInfo({
      udpSize: 1232,
      extendedRcode: 0,
      version: 0,
      flags: 0x8000,
      options: [
        { code: 15, data: Buffer.from([0, 3]) },
        { code: 15, data: Buffer.concat([Buffer.from([0, 22]), Buffer.from('ns1 down')]) },
        { code: 3, data: Buffer.from('ns1.lab') },
        { code: 10, data: Buffer.from('0102030405060708aabbccddeeff0011', 'hex') },
        { code: 8, data: Buffer.from('00011800c00002', 'hex') },
        { code: 12, data: Buffer.alloc(40) },
        { code: 65001, data: Buffer.from('beef', 'hex') }
      ]
    })
    expect(info.dnssecOk).toBe(true)
    expect(info.ede).toEqual([
      { code: 3, name: 'Stale Answer' },
      { code: 22, name: 'No Reachable Authority', text: 'ns1 down' }
    ])
    expect(info.nsid).toEqual({ hex: Buffer.from('ns1.lab').toString('hex'), text: 'ns1.lab' })
    expect(info.cookie).toEqual({ client: '0102030405060708', server: 'aabbccddeeff0011' })
    expect(info.clientSubnet).toEqual({ subnet: '192.0.2.0/24', sourcePrefixLength: 24, scopePrefixLength: 0 })
    expect(info.padding).toBe(40)
    expect(info.options).toEqual([{ code: 65001, hex: 'beef' }])
  })
})

describe('query building and EDNS options', () => {
  it('sets RD/AD/CD, EDNS size and the DO bit', () => {
    const q = buildQuery({ name: 'example.', typeCode: 65, options: opts({ ad: true, cd: true, dnssecOk: true }), padding: false })
    const d = packet.decode(q.wire)
    expect(d.id).toBe(q.id)
    expect(d.flag_rd && d.flag_ad && d.flag_cd).toBe(true)
    expect(d.questions?.[0]).toMatchObject({ name: 'example', class: 'IN' })
    expect(q.wire.readUInt16BE(12 + 9)).toBe(65) // QTYPE after the header and 'example.'
    const opt = optOf(q.wire)!
    expect(opt.udpPayloadSize).toBe(1232)
    expect(opt.flags & 0x8000).toBe(0x8000)
  })

  it('sends no OPT record when EDNS is off', () => {
    const q = buildQuery({ name: 'example.', typeCode: 1, options: opts({ edns: false, nsid: true }), padding: true })
    expect(q.wire.readUInt16BE(10)).toBe(0)
    expect(q.wire.length).toBe(12 + 9 + 4)
  })

  it('sends a fresh random 8-octet client cookie (RFC 7873)', () => {
    const a = buildQuery({ name: 'example.', typeCode: 1, options: opts({ cookie: true }), padding: false })
    const b = buildQuery({ name: 'example.', typeCode: 1, options: opts({ cookie: true }), padding: false })
    const opt = optOf(a.wire)!
    const cookie = opt.options.find((o) => o.code === 10)!
    expect(cookie.data).toHaveLength(8)
    expect(Buffer.compare(cookie.data!, a.clientCookie!)).toBe(0)
    expect(a.clientCookie!.equals(b.clientCookie!)).toBe(false)
  })

  it('sends NSID as an empty option', () => {
    const opt = optOf(buildQuery({ name: 'example.', typeCode: 1, options: opts({ nsid: true }), padding: false }).wire)!
    expect(opt.options.find((o) => o.code === 3)?.data).toHaveLength(0)
  })

  it('builds client subnet options with host bits cleared (RFC 7871)', () => {
    expect(clientSubnetOption('192.0.2.77/24').data.toString('hex')).toBe('00011800c00002')
    expect(clientSubnetOption('2001:db8:abcd::/36').data.toString('hex')).toBe('0002240020010db8a0')
    expect(clientSubnetOption('10.1.2.3').data.toString('hex')).toBe('000118000a0102')
    expect(clientSubnetOption('0.0.0.0/0').data.toString('hex')).toBe('00010000')
    expect(() => clientSubnetOption('300.1.1.1/24')).toThrow(/not an IP address/)
    expect(() => clientSubnetOption('192.0.2.0/33')).toThrow(/0\.\.32/)
    const opt = optOf(buildQuery({ name: 'example.', typeCode: 1, options: opts({ clientSubnet: '198.51.100.9/22' }), padding: false }).wire)!
    expect(opt.options.find((o) => o.code === 8)).toMatchObject({ family: 1, sourcePrefixLength: 22, ip: '198.51.100.0' })
  })

  it('pads queries to a multiple of 128 octets (RFC 8467)', () => {
    for (const name of ['a.', 'example.', `${'x'.repeat(63)}.${'y'.repeat(50)}.example.`]) {
      for (const o of [opts(), opts({ cookie: true, nsid: true, clientSubnet: '192.0.2.0/24' })]) {
        const q = buildQuery({ name, typeCode: 28, options: o, padding: true })
        expect(q.wire.length % 128).toBe(0)
        expect(optOf(q.wire)!.options.some((x) => x.code === 12)).toBe(true)
      }
    }
    expect(paddingLength(124)).toBe(0)
    expect(paddingLength(125)).toBe(127)
    const unpadded = buildQuery({ name: 'example.', typeCode: 1, options: opts(), padding: false })
    expect(unpadded.wire.length % 128).not.toBe(0)
  })

  it('applies 0x20 to the name as sent, and withId rewrites only the ID', () => {
    const q = buildQuery({ name: 'abcdefghijklmnop.example.', typeCode: 1, options: opts({ randomCase: true }), padding: false })
    expect(q.qname.toLowerCase()).toBe('abcdefghijklmnop.example.')
    expect(packet.decode(q.wire).questions?.[0]?.name).toBe(q.qname.slice(0, -1))
    const other = withId(q.wire, 7)
    expect(other.readUInt16BE(0)).toBe(7)
    expect(other.subarray(2).equals(q.wire.subarray(2))).toBe(true)
  })
})
