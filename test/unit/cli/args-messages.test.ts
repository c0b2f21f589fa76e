import { describe, expect, it } from 'vitest'
import { ServiceError, UsageError } from '@shared/errors'
import { parseAdviseArgs } from '../../../electron/cli/advise-args'
import { parseAliasServerArgs } from '../../../electron/cli/alias-server-args'
import { parseAuditArgs } from '../../../electron/cli/audit-args'
import { parseConvertArgs } from '../../../electron/cli/convert-args'
import { parseInspectArgs } from '../../../electron/cli/inspect-args'
import { parseQueryArgs } from '../../../electron/cli/query-args'

const parsers = { advise: parseAdviseArgs, 'alias-server': parseAliasServerArgs, audit: parseAuditArgs, convert: parseConvertArgs, inspect: parseInspectArgs, query: parseQueryArgs }
type Cli = keyof typeof parsers

/** The exact message of each usage error, as the CLIs print it. */
const refusals: [Cli, string[], string][] = [
  ['alias-server', ['--port'], '--port needs a value'],
  ['alias-server', ['--port', '70000'], '--port needs a port number, not "70000"'],
  ['alias-server', ['--server-port=0'], '--server-port needs a port number, not "0"'],
  ['alias-server', ['--dialect', 'djbdns'], '--dialect is one of bind, route53-text, cloudflare, not "djbdns"'],
  ['alias-server', ['--upstream-mode', 'x'], '--upstream-mode is one of recursive, authoritative, not "x"'],
  ['alias-server', ['--on-missing', 'stale'], '--on-missing is one of nodata, servfail, not "stale"'],
  ['alias-server', ['--on-failure=x'], '--on-failure is one of stale, servfail, nodata, not "x"'],
  ['alias-server', ['--ttl-policy', 'forever'], '--ttl-policy is one of min, fixed, passthrough, record or constant:N (seconds), not "forever"'],
  ['alias-server', ['--notify', '127.0.0.1:0'], '--notify needs a port number, not "0"'],
  ['alias-server', ['zone.txt'], 'unknown argument "zone.txt"'],
  ['alias-server', ['--bogus=1'], 'unknown argument "--bogus=1"'],
  ['alias-server', ['-'], 'unknown argument "-"'],
  ['alias-server', ['--geo', 'g.json', '--upstream', '127.0.0.1'], '--geo needs --upstream simulated'],
  ['alias-server', ['--upstream', 'tls://'], '--upstream: "tls://": the host is empty'],
  ['alias-server', ['--flatten-all-cnames'], '--flatten-all-cnames needs --dialect cloudflare'],
  ['alias-server', ['--key-dir', 'k', '--algorithm', 'ed25519'], '--key-dir needs --dnssec'],
  ['inspect', ['a.test', '--target', '--json'], '--target needs a value'],
  ['inspect', ['a.test', '--watch'], '--watch needs a value'],
  ['inspect', ['a.test', '--watch', '0'], '--watch 0 is out of range (1-2592000)'],
  ['inspect', ['a.test', '--timeout', 'soon'], '--timeout needs a whole number'],
  ['inspect', ['a.test', '--auth-port', '65536'], '--auth-port 65536 is out of range (1-65535)'],
  ['inspect', ['a.test', '--mode', 'x'], '--mode is expiry or interval'],
  ['inspect', ['a.test', '--policy', 'x'], '--policy is one of min, fixed, passthrough, record or constant:N, not "x"'],
  ['inspect', ['a.test', '-'], 'unknown option -'],
  ['inspect', ['a.test', '--target=b.test'], 'unknown option --target=b.test'],
  ['inspect', ['a.test', 'b.test'], 'one apex at a time (got "a.test" and "b.test")'],
  ['inspect', ['--json'], 'name the apex to inspect, e.g. npm run inspect -- example.com'],
  ['inspect', ['a.test', '--resolver', ''], 'the resolver is empty'],
  ['advise', ['--target', 'b.test'], 'name the apex, e.g. npm run advise -- example.com --target shop.cdn.example.net'],
  ['advise', ['a.test'], '--target NAME is required: the name the apex should follow'],
  ['advise', ['a.test', '--target', 'b', '--profile', 'x'], '--profile is one of draft, powerdns, cloudflare, route53, dnsimple, ns1, azure, google, technitium, dnsmadeeasy, dyn, ultradns, not "x"'],
  ['advise', ['a.test', '--subnet', 'mars'], '--subnet takes a subnet such as 203.0.113.0/24 or a preset (eu, us, ap, eu6, ap6), not "mars"'],
  ['advise', ['a.test', '-'], 'unknown option -'],
  ['audit', ['a.txt', 'b.txt'], 'one input at a time (got "a.txt" and "b.txt")'],
  ['audit', ['-', '--rate'], '--rate needs a value'],
  ['audit', ['-', '-x'], 'unknown option -x'],
  ['convert', ['z', '--from'], '--from needs a value'],
  ['convert', ['z', '--from='], '--from needs a value'],
  ['convert', ['z', '--origin', ''], '--origin needs a value'],
  ['convert', ['z', '--help'], 'unknown option --help'],
  ['convert', ['z', '-o=x'], 'unknown option -o=x'],
  ['convert', ['z', '--from-file=x'], 'unknown option --from-file=x'],
  ['convert', ['a', 'b'], 'one INPUT only (got "a" and "b")'],
  ['convert', ['z', '--to', 'bind'], '--from FORMAT is missing'],
  ['query', ['-p'], '-p needs a value'],
  ['query', ['-p', 'x'], '-p needs a whole number, e.g. -p=1'],
  ['query', ['-p=53'], 'unknown option -p=53'],
  ['query', ['--help=x'], 'unknown option --help=x'],
  ['query', ['+constructor'], 'unknown option +constructor'],
  ['query', ['+no__proto__'], 'unknown option +no__proto__'],
  ['query', ['-t'], '-t needs a value'],
  ['query', ['-c', 'CH'], 'class CH is not supported; only IN'],
  ['query', ['+timeout=0'], '+timeout=0 is out of range (1-60)'],
  ['query', ['+tries'], '+tries needs a whole number, e.g. +tries=1'],
  ['query', ['+https=q'], '+https=q: the path must start with "/"'],
  ['query', ['+tls-hostname'], '+tls-hostname needs a name, e.g. +tls-hostname=dns.example'],
  ['query', ['+subnet='], '+subnet needs an address, e.g. +subnet=192.0.2.0/24']
]

describe('CLI argument errors', () => {
  it.each(refusals)('%s %j: %s', (cli, argv, message) => {
    const parse = (): unknown => (parsers[cli] as (argv: string[]) => unknown)(argv)
    expect(parse).toThrow(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
    expect(parse).toThrow(argv.includes('--resolver') ? ServiceError : UsageError)
  })
})

describe('CLI argument spellings', () => {
  it('alias-server takes --flag=value for every flag, and ignores it on a switch', () => {
    const cmd = parseAliasServerArgs(['--zone=a.zone', '--zone', 'b.zone', '--port=0', '--quiet=yes', '--upstream=127.0.0.1:5300', '--upstream-mode=authoritative', '--server-port', '5301', '-h'])
    expect(cmd).toMatchObject({ zones: ['a.zone', 'b.zone'], port: 0, quiet: true, help: true, host: '127.0.0.1', dialect: 'bind' })
    expect(cmd.upstream).toEqual({ mode: 'authoritative', bootstrap: { transport: 'udp', host: '127.0.0.1', port: 5300 }, serverPort: 5301 })
    expect(parseAliasServerArgs(['--on-missing', 'servfail', '--profile=route53']).settings).toEqual({ onTargetMissing: 'servfail', onTargetNxdomain: null, profile: 'route53' })
    expect(parseAliasServerArgs(['--zone='])).toMatchObject({ zones: [''], upstream: { mode: 'simulated' }, geo: null, listProfiles: false })
  })

  it('inspect and advise keep their defaults and read their switches', () => {
    expect(parseInspectArgs(['a.test', '--trust-anchor', 'ds.txt', '--no-lookup-cost', '--data-dir', '/d', '--watch', '60', '--mode', 'interval', '--interval', '2'])).toMatchObject({
      apex: 'a.test', dnssec: true, trustAnchorFile: 'ds.txt', measureLookupCost: false, dataDir: '/d', watchSeconds: 60, mode: 'interval', intervalSeconds: 2, policy: 'min', timeoutMs: 3000, authoritativePort: 53
    })
    expect(parseInspectArgs(['--help'])).toMatchObject({ help: true, apex: '' })
    expect(parseAdviseArgs(['-h'])).toMatchObject({ help: true, apex: '', target: '' })
    expect(parseAdviseArgs(['a.test', '--target', 'b.test', '--subnet', 'eu', '--subnet', '192.0.2.0/24', '--no-authoritative', '--json', '--auth-port', '5300'])).toMatchObject({
      subnets: ['192.0.2.0/24'], skipAuthoritative: true, json: true, authoritativePort: 5300, timeoutMs: 3000
    })
    expect(() => parseInspectArgs(['a.test', ...Array.from({ length: 17 }, (_, i) => ['--subnet', `10.${i}.0.0/16`]).flat()])).toThrow('--subnet: 16 subnets at most')
  })

  it('convert reads --report and a value after =, audit takes - and --no-progress', () => {
    expect(parseConvertArgs(['-', '--from=bind', '--report=1', '--origin', '--x'])).toMatchObject({ input: '-', from: 'bind', report: true, origin: '--x' })
    expect(parseAuditArgs(['-', '--no-progress', '--json', '--json'])).toMatchObject({ input: '-', progress: false, format: 'json' })
  })

  it('query takes --root= and --ca=, and - as the name', () => {
    expect(parseQueryArgs(['+trace', '--root=127.53.0.1', '--ca=', '-'])).toMatchObject({ name: '-', caFile: '', trace: true, root: { target: { host: '127.53.0.1' } } })
    expect(parseQueryArgs(['-q', 'x.test', '-c', 'in', '+tries=3', '+ignore', '--ca', '--x'])).toMatchObject({ name: 'x.test', caFile: '--x', options: { retries: 2, tcpFallback: false } })
  })
})
