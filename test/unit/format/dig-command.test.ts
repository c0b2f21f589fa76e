import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import type { DnsQueryRequest } from '@shared/dns'
import { digArgs, digCommand } from '../../../electron/format/dig-command'
import { shellQuote } from '../../../electron/format/shell-quote'

const udp = { transport: 'udp', host: '127.0.0.1', port: 5300 } as const

function request(overrides: Partial<DnsQueryRequest> = {}): DnsQueryRequest {
  return { name: 'inspect.test', type: 'A', resolver: udp, ...overrides }
}

/** What a POSIX shell makes of a command line: one argument per line. */
function shellWords(command: string): string[] {
  const out = spawnSync('sh', ['-c', `printf '%s\\n' ${command}`], { encoding: 'utf8' })
  if (out.status !== 0) throw new Error(out.stderr)
  return out.stdout.split('\n').slice(0, -1)
}

describe('digArgs', () => {
  it('reproduces the engine defaults, switching off what dig turns on by default', () => {
    expect(digArgs(request())).toEqual(['dig', '@127.0.0.1', '-p', '5300', 'inspect.test.', 'A', '+noadflag', '+nocookie'])
  })

  it('maps every query option to its dig flag', () => {
    const args = digArgs(
      request({
        type: 'aaaa',
        resolver: { transport: 'tcp', host: '2001:db8::53', port: 53 },
        options: {
          rd: false,
          cd: true,
          ad: true,
          dnssecOk: true,
          nsid: true,
          cookie: true,
          clientSubnet: '192.0.2.0/24',
          udpSize: 4096,
          padding: true,
          timeoutMs: 2500
        }
      })
    )
    expect(args).toEqual([
      'dig', '@2001:db8::53', 'inspect.test.', 'AAAA', '+tcp', '+norecurse', '+cdflag', '+bufsize=4096', '+dnssec',
      '+nsid', '+subnet=192.0.2.0/24', '+padding=128', '+timeout=3'
    ])
  })

  it('drops EDNS options with +noedns and maps UDP-only behaviour', () => {
    const args = digArgs(request({ options: { edns: false, dnssecOk: true, tcpFallback: false, retries: 3 } }))
    expect(args).toContain('+noedns')
    expect(args).not.toContain('+dnssec')
    expect(args).toEqual(expect.arrayContaining(['+ignore', '+retry=3']))
  })

  it('writes DoT and DoH with their ports, paths, method, CA and TLS name', () => {
    expect(digArgs(request({ resolver: { transport: 'dot', host: '1.1.1.1', port: 853, tlsServerName: 'one.one.one.one' } }), { caFile: '/tmp/ca.pem' }))
      .toEqual(['dig', '@1.1.1.1', 'inspect.test.', 'A', '+tls', '+tls-ca=/tmp/ca.pem', '+tls-hostname=one.one.one.one', '+noadflag', '+nocookie', '+padding=128'])
    const doh = digArgs(request({
      resolver: { transport: 'doh', host: '127.0.0.1', port: 8443, url: 'https://localhost:8443/custom?x=1&y=2', dohMethod: 'GET' }
    }))
    expect(doh.slice(0, 10)).toEqual(['dig', '@127.0.0.1', '-p', '8443', 'inspect.test.', 'A', '+https=/custom?x=1&y=2', '+https-get', '+tls-ca', '+tls-hostname=localhost'])
    const standard = digArgs(request({ resolver: { transport: 'doh', host: 'dns.example', port: 443, url: 'https://dns.example/dns-query' } }))
    expect(standard).toEqual(expect.arrayContaining(['@dns.example', '+https', '+tls-ca']))
    expect(standard.some((a) => a.startsWith('+tls-hostname'))).toBe(false)
    const plain = digArgs(request({ resolver: { transport: 'doh', host: '127.0.0.1', port: 8080, url: 'http://127.0.0.1:8080/q' } }))
    expect(plain).toEqual(expect.arrayContaining(['-p', '8080', '+http-plain=/q']))
    expect(plain.some((a) => a.startsWith('+tls'))).toBe(false)
  })

  it('converts IDN names, uses TYPEnnn for types dig may not know, and -q for names that look like options', () => {
    expect(digArgs(request({ name: 'münchen.example', type: 'ALIAS' })).slice(4, 6)).toEqual(['xn--mnchen-3ya.example.', 'TYPE65401'])
    expect(digArgs(request({ type: 65 }))[5]).toBe('HTTPS')
    expect(digArgs(request({ name: '-weird.example' })).slice(4, 7)).toEqual(['-q', '-weird.example.', 'A'])
    expect(digArgs(request(), { sentName: 'InSpEcT.tEsT.' })[4]).toBe('InSpEcT.tEsT.')
  })

  it('never lets a type that dig does not know turn into an option or a server', () => {
    for (const type of ['-f/etc/shadow', '+short', '@10.0.0.1']) {
      const args = digArgs(request({ type }))
      expect(args.slice(5, 7)).toEqual(['-t', type])
    }
  })
})

describe('digCommand quoting', () => {
  it('quotes every argument so a shell gives back exactly the same words', () => {
    const doh = request({
      resolver: { transport: 'doh', host: 'dns.example', port: 443, url: "https://dns.example/q?a=1&b='x y'&c=$HOME" }
    })
    const command = digCommand(doh, { caFile: "/tmp/my ca's.pem" })
    expect(shellWords(command)).toEqual(digArgs(doh, { caFile: "/tmp/my ca's.pem" }))
    expect(command).toContain("'+tls-ca=/tmp/my ca'\\''s.pem'")
    expect(command).toMatch(/ '\+https=\/q\?a=1&b=%27x%20y%27&c=\$HOME' /)
    const scoped = request({ resolver: { transport: 'dot', host: 'fe80::1%eth0', port: 853 } })
    expect(shellWords(digCommand(scoped))).toEqual(digArgs(scoped))
    expect(digCommand(scoped)).toContain(' @fe80::1%eth0 ')
  })

  it('leaves safe words bare and quotes the rest', () => {
    expect(shellQuote('+subnet=192.0.2.0/24')).toBe('+subnet=192.0.2.0/24')
    expect(shellQuote('')).toBe("''")
    expect(shellQuote('$(rm -rf /)')).toBe("'$(rm -rf /)'")
    expect(shellWords(['a b', '`x`', '"q"', '\\', '*'].map(shellQuote).join(' '))).toEqual(['a b', '`x`', '"q"', '\\', '*'])
  })
})
