import { describe, expect, it } from 'vitest'
import { UsageError } from '@shared/errors'
import { applyTransport, parseQueryArgs } from '../../../electron/cli/query-args'
import { parseResolverSpec } from '../../../electron/resolvers/parse-resolver'

const target = (argv: string[]) => {
  const cmd = parseQueryArgs(argv)
  return applyTransport(cmd, cmd.server ?? { target: { transport: 'udp', host: '10.0.0.1', port: 53 }, explicitPort: false })
}

describe('parseQueryArgs', () => {
  it('reads name, type, class and options in any order, like dig', () => {
    const cmd = parseQueryArgs(['+dnssec', 'MX', '@127.0.0.1:5300', 'IN', 'example.test', '+nocookie', '+norecurse', '+cd', '+subnet=192.0.2.1'])
    expect(cmd).toMatchObject({ name: 'example.test', type: 'MX', output: 'text' })
    expect(cmd.server?.target).toEqual({ transport: 'udp', host: '127.0.0.1', port: 5300 })
    expect(cmd.options).toEqual({ dnssecOk: true, cookie: false, rd: false, cd: true, clientSubnet: '192.0.2.1/32' })
  })

  it('defaults to A, and to the root NS without a name', () => {
    expect(parseQueryArgs(['example.test'])).toMatchObject({ name: 'example.test', type: 'A' })
    expect(parseQueryArgs([])).toMatchObject({ name: '.', type: 'NS' })
    expect(parseQueryArgs(['-q', 'a', '-t', 'TYPE65401'])).toMatchObject({ name: 'a', type: 'TYPE65401' })
  })

  it('maps the numeric options, timeouts and output modes', () => {
    const cmd = parseQueryArgs(['x.test', '+bufsize=4096', '+timeout=2', '+retry=0', '+notcpfallback', '+0x20', '+noedns', '+json', '--ca', '/tmp/ca.pem'])
    expect(cmd.options).toEqual({ udpSize: 4096, timeoutMs: 2000, retries: 0, tcpFallback: false, randomCase: true, edns: false, deadlineMs: 4000 })
    expect(cmd).toMatchObject({ output: 'json', caFile: '/tmp/ca.pem' })
    expect(parseQueryArgs(['x.test', '+short']).output).toBe('short')
    expect(parseQueryArgs(['x.test', '+digcmd']).output).toBe('digcmd')
  })

  it.each([
    [['+frobnicate'], 'unknown option +frobnicate'],
    [['-x'], 'unknown option -x'],
    [['+bufsize=big'], '+bufsize needs a whole number'],
    [['+bufsize=100'], '+bufsize=100 is out of range (512-65535)'],
    [['-p', '0'], '-p=0 is out of range (1-65535)'],
    [['--ca'], '--ca needs a value'],
    [['CH', 'x.test'], 'class CH is not supported; only IN'],
    [['a.test', 'b.test'], 'unexpected argument "b.test"'],
    [['@1.2.3.4', '@5.6.7.8'], 'only one @server can be given']
  ])('rejects %j', (argv, message) => {
    expect(() => parseQueryArgs(argv)).toThrow(UsageError)
    expect(() => parseQueryArgs(argv)).toThrow(message)
  })

  it('passes @server errors through from the resolver parser', () => {
    expect(() => parseQueryArgs(['@1.2.3.4:99999'])).toThrow('"1.2.3.4:99999": port 99999 is out of range (1-65535)')
  })
})

describe('applyTransport', () => {
  it('switches a plain address to TCP, DoT or DoH with their default ports unless one was given', () => {
    expect(target(['@192.0.2.1', '+tcp'])).toEqual({ transport: 'tcp', host: '192.0.2.1', port: 53 })
    expect(target(['@192.0.2.1', '+tls'])).toEqual({ transport: 'dot', host: '192.0.2.1', port: 853 })
    expect(target(['@192.0.2.1:5300', '+tls'])).toEqual({ transport: 'dot', host: '192.0.2.1', port: 5300 })
    expect(target(['@::1', '+https=/q', '-p', '8443', '+https-get', '+tls-hostname=dns.test'])).toEqual({
      transport: 'doh', host: '::1', port: 8443, url: 'https://[::1]:8443/q', dohMethod: 'GET', tlsServerName: 'dns.test'
    })
    expect(target(['+tls'])).toEqual({ transport: 'dot', host: '10.0.0.1', port: 853 })
  })

  it('keeps a scheme-given server, and refuses a conflicting transport flag', () => {
    expect(target(['@tls://dns.test', '-p', '8853'])).toEqual({ transport: 'dot', host: 'dns.test', port: 8853, tlsServerName: 'dns.test' })
    const cmd = parseQueryArgs(['@tls://dns.test', '+tcp'])
    expect(() => applyTransport(cmd, parseResolverSpec('tls://dns.test'))).toThrow('+tcp conflicts with the dot server given')
  })
})
