import { describe, expect, it } from 'vitest'
import { decodeSvcbRdata, encodeSvcbRdata } from '../../../electron/zone'

const hex = (s: string): string => s.replace(/\s+/g, '').toLowerCase()
const FOO_EXAMPLE_COM = '03 666f6f 07 6578616d706c65 03 636f6d 00'
const FOO_EXAMPLE_ORG = '03 666f6f 07 6578616d706c65 03 6f7267 00'

// RFC 9460 Appendix D test vectors.
const vectors: [string, string[], string][] = [
  ['D.1 AliasMode', ['0', 'foo.example.com.'], `0000 ${FOO_EXAMPLE_COM}`],
  ['D.2 ServiceMode, root target', ['1', '.'], '0001 00'],
  ['D.2 port', ['16', 'foo.example.com.', 'port=53'], `0010 ${FOO_EXAMPLE_COM} 0003 0002 0035`],
  ['D.2 generic key', ['1', 'foo.example.com.', 'key667=hello'], `0001 ${FOO_EXAMPLE_COM} 029b 0005 68656c6c6f`],
  ['D.2 generic key with escape', ['1', 'foo.example.com.', 'key667="hello\\210qoo"'], `0001 ${FOO_EXAMPLE_COM} 029b 0009 68656c6c6f d2 716f6f`],
  [
    'D.2 two IPv6 hints',
    ['1', 'foo.example.com.', 'ipv6hint="2001:db8::1,2001:db8::53:1"'],
    `0001 ${FOO_EXAMPLE_COM} 0006 0020 20010db8000000000000000000000001 20010db8000000000000000000530001`
  ],
  ['D.2 IPv6 hint in mixed notation', ['1', 'example.com.', 'ipv6hint="2001:db8:122:344::192.0.2.33"'], '0001 07 6578616d706c65 03 636f6d 00 0006 0010 20010db8012203440000000 0c0000221'],
  [
    'D.2 mandatory, alpn, ipv4hint out of order',
    ['16', 'foo.example.org.', 'alpn=h2,h3-19', 'mandatory=ipv4hint,alpn', 'ipv4hint=192.0.2.1'],
    `0010 ${FOO_EXAMPLE_ORG} 0000 0004 0001 0004 0001 0009 02 6832 05 68332d3139 0004 0004 c0000201`
  ],
  ['D.2 alpn with escaped comma and backslash', ['16', 'foo.example.org.', 'alpn="f\\\\\\\\oo\\\\,bar,h2"'], `0010 ${FOO_EXAMPLE_ORG} 0001 000c 08 665c6f6f2c626172 02 6832`],
  ['D.2 alpn with \\DDD escapes', ['16', 'foo.example.org.', 'alpn=f\\\\\\092oo\\092,bar,h2'], `0010 ${FOO_EXAMPLE_ORG} 0001 000c 08 665c6f6f2c626172 02 6832`]
]

describe('SVCB presentation <-> wire', () => {
  it.each(vectors)('%s', (_, tokens, wire) => {
    const encoded = encodeSvcbRdata(tokens)
    expect(encoded.toString('hex')).toBe(hex(wire))
    // Decoding gives canonical tokens, which encode to the same wire again.
    expect(encodeSvcbRdata(decodeSvcbRdata(encoded)).toString('hex')).toBe(hex(wire))
  })

  it('decodes to canonical presentation', () => {
    const wire = encodeSvcbRdata(['16', 'foo.example.org.', 'alpn="f\\\\\\\\oo\\\\,bar,h2"', 'ipv4hint=192.0.2.1', 'mandatory=ipv4hint,alpn'])
    expect(decodeSvcbRdata(wire)).toEqual(['16', 'foo.example.org.', 'mandatory=alpn,ipv4hint', 'alpn=f\\\\\\\\oo\\\\,bar,h2', 'ipv4hint=192.0.2.1'])
  })

  // RFC 9460 Appendix D.3 failure cases, plus malformed wire.
  it.each([
    ['duplicate key', ['1', 'foo.', 'key123=abc', 'key123=def'], 'appears twice'],
    ['missing value', ['1', 'foo.', 'mandatory'], 'mandatory needs a value'],
    ['value where none is allowed', ['1', 'foo.', 'alpn=h2', 'no-default-alpn=abc'], 'no-default-alpn takes no value'],
    ['mandatory key missing', ['1', 'foo.', 'mandatory=key123'], 'mandatory lists key123, which the record does not have'],
    ['mandatory lists mandatory', ['1', 'foo.', 'mandatory=mandatory'], 'mandatory must not list itself'],
    ['mandatory with a duplicate', ['1', 'foo.', 'mandatory=key123,key123', 'key123=abc'], 'mandatory lists a key twice'],
    ['bad priority', ['70000', 'foo.'], 'bad SvcPriority']
  ])('refuses %s', (_, tokens, message) => {
    expect(() => encodeSvcbRdata(tokens)).toThrow(message)
  })

  it.each([
    ['keys out of order', '0001 00 0003 0002 0035 0001 0003 026832', 'strictly increasing'],
    ['truncated value', '0001 00 0003 0004 0035', 'truncated'],
    ['port of the wrong length', '0001 00 0003 0001 35', 'port: length must be 2'],
    ['too short', '0001', 'too short']
  ])('refuses wire with %s', (_, wire, message) => {
    expect(() => decodeSvcbRdata(Buffer.from(hex(wire), 'hex'))).toThrow(message)
  })
})
