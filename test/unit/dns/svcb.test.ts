import { describe, expect, it } from 'vitest'
import { formatSvcb, parseSvcb, svcb, type SvcbRdata } from '../../../electron/dns/svcb'
import { presentRdata } from '../../../electron/dns/rdata/present'

// RFC 9460 Appendix D test vectors: presentation form → RDATA (hex, without RDLENGTH).
const FOO_COM = '03666f6f076578616d706c6503636f6d00'
const FOO_ORG = '03666f6f076578616d706c65036f726700'
const EXAMPLE_COM = '076578616d706c6503636f6d00'

const VECTORS: Array<{ title: string; text: string; hex: string }> = [
  { title: 'D.1 AliasMode', text: '0 foo.example.com.', hex: `0000${FOO_COM}` },
  { title: 'D.2 Figure 3, ServiceMode, target "."', text: '1 .', hex: '000100' },
  { title: 'D.2 Figure 4, port', text: '16 foo.example.com. port=53', hex: `0010${FOO_COM}000300020035` },
  { title: 'D.2 Figure 5, unknown key', text: '1 foo.example.com. key667=hello', hex: `0001${FOO_COM}029b000568656c6c6f` },
  { title: 'D.2 Figure 6, unknown key with decimal escape', text: String.raw`1 foo.example.com. key667="hello\210qoo"`, hex: `0001${FOO_COM}029b000968656c6c6fd2716f6f` },
  { title: 'D.2 Figure 7, two IPv6 hints', text: '1 foo.example.com. ( ipv6hint="2001:db8::1,2001:db8::53:1" )', hex: `0001${FOO_COM}0006002020010db800000000000000000000000120010db8000000000000000000530001` },
  { title: 'D.2 Figure 8, IPv6 hint in IPv4-embedded form', text: '1 example.com. ( ipv6hint="2001:db8:122:344::192.0.2.33" )', hex: `0001${EXAMPLE_COM}0006001020010db80122034400000000c0000221` },
  { title: 'D.2 Figure 9, mandatory + alpn + ipv4hint, unsorted in presentation', text: '16 foo.example.org. ( alpn=h2,h3-19 mandatory=ipv4hint,alpn ipv4hint=192.0.2.1 )', hex: `0010${FOO_ORG}0000000400010004000100090268320568332d313900040004c0000201` },
  { title: 'D.2 Figure 10, alpn with escaped comma and backslash (quoted)', text: String.raw`16 foo.example.org. alpn="f\\\\oo\\,bar,h2"`, hex: `0010${FOO_ORG}0001000c08665c6f6f2c626172026832` },
  { title: 'D.2 Figure 10, alpn with escaped comma and backslash (unquoted)', text: String.raw`16 foo.example.org. alpn=f\\\092oo\092,bar,h2`, hex: `0010${FOO_ORG}0001000c08665c6f6f2c626172026832` }
]

function encodeRdata(data: SvcbRdata): Buffer {
  return svcb.encode(data).subarray(2)
}

function withLength(hex: string): Buffer {
  const rdata = Buffer.from(hex, 'hex')
  const b = Buffer.alloc(rdata.length + 2)
  b.writeUInt16BE(rdata.length)
  rdata.copy(b, 2)
  return b
}

describe('SVCB/HTTPS RFC 9460 Appendix D vectors', () => {
  for (const v of VECTORS) {
    it(`${v.title}: presentation → wire`, () => {
      expect(encodeRdata(parseSvcb(v.text)).toString('hex')).toBe(v.hex)
    })

    it(`${v.title}: wire → structure → same wire, and formatted text re-parses to the same wire`, () => {
      const decoded = svcb.decode(withLength(v.hex), 0)
      expect(svcb.decode.bytes).toBe(v.hex.length / 2 + 2)
      const again = encodeRdata(decoded)
      expect(again.toString('hex')).toBe(v.hex)
      expect(svcb.encodingLength(decoded)).toBe(again.length + 2)
      expect(encodeRdata(parseSvcb(formatSvcb(decoded))).toString('hex')).toBe(v.hex)
    })
  }

  it('formats in presentation form as dig does', () => {
    const fmt = (hex: string) => formatSvcb(svcb.decode(withLength(hex), 0))
    expect(fmt(VECTORS[0]!.hex)).toBe('0 foo.example.com.')
    expect(fmt(VECTORS[2]!.hex)).toBe('16 foo.example.com. port=53')
    expect(fmt(VECTORS[4]!.hex)).toBe(String.raw`1 foo.example.com. key667="hello\210qoo"`)
    expect(fmt(VECTORS[6]!.hex)).toBe('1 example.com. ipv6hint=2001:db8:122:344::c000:221')
    expect(fmt(VECTORS[7]!.hex)).toBe('16 foo.example.org. mandatory=alpn,ipv4hint alpn="h2,h3-19" ipv4hint=192.0.2.1')
    expect(fmt(VECTORS[9]!.hex)).toBe(String.raw`16 foo.example.org. alpn="f\\\\oo\\,bar,h2"`)
  })

  it('gives the UI structured fields (AliasMode vs ServiceMode)', () => {
    const rdata = withLength(VECTORS[7]!.hex)
    const p = presentRdata(rdata, 65, 2, rdata.length - 2)
    expect(p.fields).toEqual({
      priority: 16,
      mode: 'service',
      target: 'foo.example.org.',
      params: { mandatory: ['alpn', 'ipv4hint'], alpn: ['h2', 'h3-19'], ipv4hint: ['192.0.2.1'] }
    })
    const alias = withLength(VECTORS[0]!.hex)
    expect(presentRdata(alias, 64, 2, alias.length - 2).fields).toMatchObject({ mode: 'alias', target: 'foo.example.com.' })
  })

  it('round-trips no-default-alpn, ech and unknown keys', () => {
    const text = '1 svc.example. alpn=h3 no-default-alpn port=8443 ech=AEX+DQBBpQAgACBQ key65000'
    const data = parseSvcb(text)
    expect(formatSvcb(data)).toBe('1 svc.example. alpn="h3" no-default-alpn port=8443 ech=AEX+DQBBpQAgACBQ key65000')
    expect(svcb.decode(svcb.encode(data), 0)).toEqual(data)
  })
})

describe('SVCB RFC 9460 Appendix D.3 failure cases', () => {
  const cases: Array<[string, RegExp]> = [
    ['1 foo.example.com. ( key123=abc key123=def )', /appears twice/],
    ['1 foo.example.com. mandatory', /needs a value/],
    ['1 foo.example.com. alpn', /needs a value/],
    ['1 foo.example.com. port', /needs a value/],
    ['1 foo.example.com. ipv4hint', /needs a value/],
    ['1 foo.example.com. ipv6hint', /needs a value/],
    ['1 foo.example.com. no-default-alpn=abc', /takes no value/],
    ['1 foo.example.com. mandatory=key123', /which the record does not have/],
    ['1 foo.example.com. mandatory=mandatory', /must not list itself/],
    ['1 foo.example.com. ( mandatory=key123,key123 key123=abc )', /lists a key twice/]
  ]
  for (const [text, reason] of cases) {
    it(`rejects ${text}`, () => {
      expect(() => parseSvcb(text)).toThrow(reason)
    })
  }

  it('rejects wire forms with keys out of order or bad lengths', () => {
    // port (3) before alpn (1)
    expect(() => svcb.decode(withLength(`0001${FOO_COM}00030002003500010003026832`), 0)).toThrow(
      /strictly increasing/
    )
    expect(() => svcb.decode(withLength(`0001${FOO_COM}00030001ff`), 0)).toThrow(/port: length must be 2/)
    expect(() => svcb.decode(withLength(`0001${FOO_COM}00040008c0000201`), 0)).toThrow(/runs past the end/)
    // a compressed TargetName is not allowed
    expect(() => svcb.decode(withLength('0001c000'), 0)).toThrow(/compression is not allowed/)
  })
})
