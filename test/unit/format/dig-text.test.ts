import { describe, expect, it } from 'vitest'
import { formatDigText } from '../../../electron/format/dig-text'
import { recordLine } from '../../../electron/format/dig-columns'
import { resultFixture, rr } from '../../support/dns-result'

describe('formatDigText', () => {
  it('renders a plain answer exactly as dig 9.18 does', () => {
    expect(formatDigText(resultFixture())).toBe(
      [
        ';; Got answer:',
        ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 24534',
        ';; flags: qr aa rd; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 1',
        ';; WARNING: recursion requested but not available',
        '',
        ';; OPT PSEUDOSECTION:',
        '; EDNS: version: 0, flags:; udp: 1232',
        ';; QUESTION SECTION:',
        ';inspect.test.\t\t\tIN\tA',
        '',
        ';; ANSWER SECTION:',
        'inspect.test.\t\t300\tIN\tA\t192.0.2.1',
        'inspect.test.\t\t300\tIN\tA\t192.0.2.2',
        '',
        ';; Query time: 0 msec',
        ';; SERVER: 127.0.0.1#5300(127.0.0.1) (UDP)',
        ';; WHEN: Thu Nov 26 15:18:40 UTC 2026',
        ';; MSG SIZE  rcvd: 79',
        '',
        ''
      ].join('\n')
    )
  })

  it('prints every EDNS option in the OPT pseudosection', () => {
    const text = formatDigText(
      resultFixture({
        edns: {
          version: 0,
          udpSize: 4096,
          dnssecOk: true,
          nsid: { hex: '766d', text: 'vm' },
          cookie: { client: '0123456789abcdef', server: 'fedcba9876543210' },
          clientSubnet: { subnet: '192.0.2.0/24', sourcePrefixLength: 24, scopePrefixLength: 16 },
          padding: 31,
          ede: [{ code: 18, name: 'Prohibited', text: 'not for you' }, { code: 3, name: 'Stale Answer' }],
          options: [{ code: 65001, hex: '41ff' }]
        }
      })
    )
    expect(text).toContain('; EDNS: version: 0, flags: do; udp: 4096\n')
    expect(text).toContain('; NSID: 76 6d ("vm")\n')
    expect(text).toContain('; COOKIE: 0123456789abcdeffedcba9876543210\n')
    expect(text).toContain('; CLIENT-SUBNET: 192.0.2.0/24/16\n')
    expect(text).toContain('; EDE: 18 (Prohibited): (not for you)\n')
    expect(text).toContain('; EDE: 3 (Stale Answer)\n')
    expect(text).toContain('; PAD: (31 bytes)\n')
    expect(text).toContain('; OPT=65001: 41 ff ("A.")\n')
  })

  it('leaves out the OPT pseudosection and empty sections, and counts ADDITIONAL without OPT', () => {
    const text = formatDigText(
      resultFixture({
        edns: undefined,
        header: {
          id: 1,
          opcode: 'QUERY',
          rcode: 'NXDOMAIN',
          rcodeCode: 3,
          flags: { qr: true, aa: false, tc: false, rd: true, ra: true, ad: true, cd: false }
        },
        answer: [],
        authority: [rr('inspect.test.', 300, 'SOA', 6, 'ns1.inspect.test. hostmaster.inspect.test. 1 7200 900 1209600 300')]
      })
    )
    expect(text).not.toContain('OPT PSEUDOSECTION')
    expect(text).not.toContain('ANSWER SECTION')
    expect(text).not.toContain('WARNING')
    expect(text).toContain('status: NXDOMAIN, id: 1\n;; flags: qr rd ra ad; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 0\n')
    expect(text).toContain(';; AUTHORITY SECTION:\ninspect.test.\t\t300\tIN\tSOA\tns1.inspect.test.')
  })

  it('names the transport and the TLS server name in the SERVER line, and notes a TCP retry', () => {
    const dot = formatDigText(resultFixture({ transport: 'dot', server: { host: '1.1.1.1', port: 853 }, tls: { serverName: 'one.one.one.one' } }))
    expect(dot).toContain(';; SERVER: 1.1.1.1#853(one.one.one.one) (TLS)')
    const doh = formatDigText(resultFixture({ transport: 'doh', server: { host: '::1', port: 8443, url: 'https://[::1]:8443/dns-query' } }))
    expect(doh).toContain(';; SERVER: ::1#8443(::1) (HTTPS)')
    const tcp = formatDigText(resultFixture({ transport: 'tcp', truncatedRetried: true }))
    expect(tcp.startsWith(';; Truncated, retrying in TCP mode.\n')).toBe(true)
    expect(tcp).toContain('(TCP)')
  })

  it('notes a BADCOOKIE retry first and marks an echoed client cookie "(good)", as dig', () => {
    const edns = { version: 0, udpSize: 1232, dnssecOk: false, ede: [], options: [], cookie: { client: '0123456789abcdef', server: '01000000aabbccdd', good: true } }
    const text = formatDigText(resultFixture({ cookieRetried: true, edns }))
    expect(text.startsWith(';; BADCOOKIE, retrying.\n;; Got answer:\n')).toBe(true)
    expect(text).toContain('; COOKIE: 0123456789abcdef01000000aabbccdd (good)\n')
  })

  it('cuts long base64 and hex into 56-character chunks in record lines, as dig', () => {
    const key = 'A'.repeat(60)
    const text = formatDigText(resultFixture({ answer: [rr('inspect.test.', 300, 'DNSKEY', 48, `257 3 13 ${key}`)] }))
    expect(text).toContain(`inspect.test.\t\t300\tIN\tDNSKEY\t257 3 13 ${'A'.repeat(56)} AAAA\n`)
  })
})

describe('recordLine (BIND column layout)', () => {
  it('pads with tabs to columns 24/32/40/48 and falls back to one space past a column', () => {
    expect(recordLine({ name: 'this-is-a-very-long-name-for-column-tests.inspect.test.', ttl: 300, class: 'IN', type: 'A', data: '192.0.2.9' }))
      .toBe('this-is-a-very-long-name-for-column-tests.inspect.test.\t300 IN A 192.0.2.9')
    expect(recordLine({ name: 'this-is-a-very-long-name-for-column-tests.inspect.test.', class: 'IN', type: 'A' }, ';'))
      .toBe(';this-is-a-very-long-name-for-column-tests.inspect.test.\tIN A')
    expect(recordLine({ name: 'nope.inspect.test.', class: 'IN', type: 'AAAA' }, ';')).toBe(';nope.inspect.test.\t\tIN\tAAAA')
  })
})
