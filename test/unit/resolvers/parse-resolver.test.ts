import { describe, expect, it } from 'vitest'
import { resolverTargetSchema, type ResolverTarget } from '@shared/dns'
import { ServiceError } from '@shared/errors'
import { parseResolver, parseResolverSpec } from '../../../electron/resolvers/parse-resolver'
import { formatResolver as resolverToText } from '@shared/resolver-target'

const valid: Array<[string, ResolverTarget]> = [
  ['192.0.2.1', { transport: 'udp', host: '192.0.2.1', port: 53 }],
  ['  192.0.2.1  ', { transport: 'udp', host: '192.0.2.1', port: 53 }],
  ['127.0.0.1:5300', { transport: 'udp', host: '127.0.0.1', port: 5300 }],
  ['2001:DB8:0:0::53', { transport: 'udp', host: '2001:db8::53', port: 53 }],
  ['::1', { transport: 'udp', host: '::1', port: 53 }],
  ['[::1]:5300', { transport: 'udp', host: '::1', port: 5300 }],
  ['[2001:db8::1]', { transport: 'udp', host: '2001:db8::1', port: 53 }],
  ['fe80::1%eth0', { transport: 'udp', host: 'fe80::1%eth0', port: 53 }],
  ['[fe80::1%en0]:53', { transport: 'udp', host: 'fe80::1%en0', port: 53 }],
  ['udp://192.0.2.1:54', { transport: 'udp', host: '192.0.2.1', port: 54 }],
  ['tcp://192.0.2.1', { transport: 'tcp', host: '192.0.2.1', port: 53 }],
  ['TCP://[::1]:5300/', { transport: 'tcp', host: '::1', port: 5300 }],
  ['tls://dns.example', { transport: 'dot', host: 'dns.example', port: 853, tlsServerName: 'dns.example' }],
  ['tls://DNS.Example.:8853', { transport: 'dot', host: 'dns.example', port: 8853, tlsServerName: 'dns.example' }],
  ['tls://1.1.1.1', { transport: 'dot', host: '1.1.1.1', port: 853 }],
  ['tls://[2606:4700:4700::1111]:853', { transport: 'dot', host: '2606:4700:4700::1111', port: 853 }],
  ['tls://bücher.example', { transport: 'dot', host: 'xn--bcher-kva.example', port: 853, tlsServerName: 'xn--bcher-kva.example' }],
  ['https://dns.example', { transport: 'doh', host: 'dns.example', port: 443, url: 'https://dns.example/dns-query', tlsServerName: 'dns.example' }],
  ['https://dns.example/', { transport: 'doh', host: 'dns.example', port: 443, url: 'https://dns.example/dns-query', tlsServerName: 'dns.example' }],
  ['https://dns.example:8443/custom/path', { transport: 'doh', host: 'dns.example', port: 8443, url: 'https://dns.example:8443/custom/path', tlsServerName: 'dns.example' }],
  ['https://dns.example/dns-query{?dns}', { transport: 'doh', host: 'dns.example', port: 443, url: 'https://dns.example/dns-query', tlsServerName: 'dns.example' }],
  ['https://[::1]:8443/q', { transport: 'doh', host: '::1', port: 8443, url: 'https://[::1]:8443/q' }],
  ['https://192.0.2.1:443/dns-query', { transport: 'doh', host: '192.0.2.1', port: 443, url: 'https://192.0.2.1/dns-query' }],
  ['http://127.0.0.1:8080', { transport: 'doh', host: '127.0.0.1', port: 8080, url: 'http://127.0.0.1:8080/dns-query' }],
  ['http://localhost/q', { transport: 'doh', host: 'localhost', port: 80, url: 'http://localhost/q' }],
  ['http://[::1]:8080/q', { transport: 'doh', host: '::1', port: 8080, url: 'http://[::1]:8080/q' }]
]

const invalid: Array<[string, string]> = [
  ['', 'the resolver is empty'],
  ['   ', 'the resolver is empty'],
  ['1.2.3.4:99999', '"1.2.3.4:99999": port 99999 is out of range (1-65535)'],
  ['1.2.3.4:0', '"1.2.3.4:0": port 0 is out of range (1-65535)'],
  ['1.2.3.4:', '"1.2.3.4:": the port after ":" is empty'],
  ['1.2.3.4:dns', '"1.2.3.4:dns": port "dns" is not a number'],
  ['[::1]:70000', '"[::1]:70000": port 70000 is out of range (1-65535)'],
  ['1.2.3.256', '"1.2.3.256": "1.2.3.256" is not a valid IPv4 address'],
  ['1.2.3', '"1.2.3": "1.2.3" is not a valid IPv4 address'],
  ['dns.example', '"dns.example": "dns.example" is not an IP address (a server given by name needs tls:// or https://)'],
  ['tcp://dns.example:53', '"tcp://dns.example:53": "dns.example" is not an IP address'],
  ['2001:db8::1:53:1:2:3:4', '"2001:db8::1:53:1:2:3:4": it is not a valid IPv6 address (write [IPv6]:port to give a port)'],
  ['[1.2.3.4]:53', '"[1.2.3.4]:53": "1.2.3.4" is not an IPv6 address (brackets are only for IPv6)'],
  ['[::1', '"[::1": missing "]" after the IPv6 address'],
  ['[::1]53', '"[::1]53": unexpected "53" after "]" (expected ":port")'],
  ['ftp://192.0.2.1', '"ftp://192.0.2.1": unsupported scheme "ftp://"'],
  ['tcp://192.0.2.1/dns-query', '"tcp://192.0.2.1/dns-query": a path is only meaningful for https://'],
  ['tls://dns.example:99999', '"tls://dns.example:99999": port 99999 is out of range (1-65535)'],
  ['tls://bad_host!.example', 'is not a valid host name'],
  ['tls://a..example', 'host name "a..example" has an empty label'],
  [`tls://${'a'.repeat(64)}.example`, 'is longer than 63 characters'],
  ['https://dns.example:0/q', '"https://dns.example:0/q": port 0 is out of range (1-65535)'],
  ['https://user:pw@dns.example/q', 'credentials (user@) are not allowed in the URL'],
  ['https://dns.example/q#frag', 'a fragment (#...) has no meaning'],
  ['http://dns.example/dns-query', 'plain http:// is only allowed for loopback servers'],
  ['http://192.0.2.1/dns-query', 'plain http:// is only allowed for loopback servers'],
  ['https://', '"https://": the host is empty'],
  ['1.2.3.4 5', '"1.2.3.4 5": it contains white space']
]

describe('parseResolver', () => {
  it.each(valid)('accepts %j', (input, expected) => {
    const target = parseResolver(input)
    expect(target).toEqual(expected)
    expect(resolverTargetSchema.parse(target)).toEqual(target)
  })

  it.each(invalid)('rejects %j with a message saying what and where', (input, message) => {
    let error: unknown
    try {
      parseResolver(input)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as ServiceError).code).toBe('bad-input')
    expect((error as ServiceError).message).toContain(message)
  })

  it('says whether the port was given, for +tcp/+tls/+https to pick theirs', () => {
    expect(parseResolverSpec('192.0.2.1').explicitPort).toBe(false)
    expect(parseResolverSpec('192.0.2.1:53').explicitPort).toBe(true)
    expect(parseResolverSpec('tls://dns.example').explicitPort).toBe(false)
  })

  it('shortens a very long input in the message', () => {
    expect(() => parseResolver(`tls://${'a'.repeat(300)}`)).toThrow(/^"tls:\/\/a{74}…": /)
  })
})

describe('resolverToText', () => {
  it.each(valid.filter(([input]) => !input.includes('{')))('gives text that parses back to the same target (%j)', (input) => {
    const target = parseResolver(input)
    expect(parseResolver(resolverToText(target))).toEqual(target)
  })

  it('leaves default ports out', () => {
    expect(resolverToText({ transport: 'udp', host: '::1', port: 53 })).toBe('::1')
    expect(resolverToText({ transport: 'udp', host: '::1', port: 5300 })).toBe('[::1]:5300')
    expect(resolverToText({ transport: 'tcp', host: '192.0.2.1', port: 53 })).toBe('tcp://192.0.2.1')
    expect(resolverToText({ transport: 'dot', host: 'dns.example', port: 853 })).toBe('tls://dns.example')
  })
})
