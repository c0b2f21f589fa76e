import { describe, expect, it } from 'vitest'
import { buildDohUrl, dohUrlText, formatResolver, isLoopback, resolverLabel } from '@shared/resolver-target'
import { parseResolver } from '../../../electron/resolvers/parse-resolver'

describe('isLoopback', () => {
  it('accepts 127.0.0.0/8, ::1 in any spelling, IPv4-mapped loopback and localhost', () => {
    for (const host of ['127.0.0.1', '127.255.0.9', '::1', '0:0::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::FFFF:127.1.2.3', '::ffff:7f00:1', 'localhost', 'LOCALHOST']) {
      expect(isLoopback(host), host).toBe(true)
    }
  })
  it('refuses everything else', () => {
    for (const host of ['128.0.0.1', '10.0.0.1', '::2', '::', '::ffff:10.0.0.1', '127.example', '1270.0.0.1', 'localhost.example', '']) {
      expect(isLoopback(host), host).toBe(false)
    }
  })
})

describe('formatResolver', () => {
  it('writes each transport in the syntax parseResolver reads back', () => {
    for (const text of ['192.0.2.1', '192.0.2.1:5300', '[2001:db8::1]:5300', 'tcp://192.0.2.1', 'tls://dns.example', 'tls://[2001:db8::1]:8853', 'https://dns.example/dns-query', 'http://127.0.0.1:8080/q']) {
      expect(formatResolver(parseResolver(text))).toBe(text)
    }
  })
  it('labels a target by its label, else its text', () => {
    expect(resolverLabel({ transport: 'udp', host: '::1', port: 5300 })).toBe('[::1]:5300')
    expect(resolverLabel({ transport: 'udp', host: '::1', port: 5300, label: 'lab' })).toBe('lab')
  })
})

describe('DoH URLs', () => {
  it('builds the default URL with brackets and the port only when it is not the default', () => {
    expect(dohUrlText({ host: '2001:db8::1', port: 443 })).toBe('https://[2001:db8::1]/dns-query')
    expect(dohUrlText({ host: 'dns.example', port: 8443 })).toBe('https://dns.example:8443/dns-query')
    expect(dohUrlText({ host: 'dns.example', port: 443, url: 'https://x.example/q' })).toBe('https://x.example/q')
    expect(buildDohUrl('http', 'fe80::1%eth0', 80, '/dns-query')).toBe('http://[fe80::1%25eth0]/dns-query')
  })
})
