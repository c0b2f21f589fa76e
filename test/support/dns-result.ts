import { dnsQueryResultSchema, type DnsQueryResult, type DnsRecord } from '@shared/dns'

export function rr(name: string, ttl: number, type: string, typeCode: number, data: string): DnsRecord {
  return { name, type, typeCode, class: 'IN', ttl, data }
}

/** A validated DnsQueryResult (as the engine returns it), with `overrides` merged on top. */
export function resultFixture(overrides: Partial<DnsQueryResult> = {}): DnsQueryResult {
  const base: DnsQueryResult = {
    question: { name: 'inspect.test.', unicodeName: 'inspect.test.', type: 'A', typeCode: 1, class: 'IN' },
    header: {
      id: 24534,
      opcode: 'QUERY',
      rcode: 'NOERROR',
      rcodeCode: 0,
      flags: { qr: true, aa: true, tc: false, rd: true, ra: false, ad: false, cd: false }
    },
    edns: { version: 0, udpSize: 1232, dnssecOk: false, ede: [], options: [] },
    answer: [rr('inspect.test.', 300, 'A', 1, '192.0.2.1'), rr('inspect.test.', 300, 'A', 1, '192.0.2.2')],
    authority: [],
    additional: [],
    timing: { exchangeMs: 0.4, totalMs: 1.2 },
    transport: 'udp',
    server: { host: '127.0.0.1', port: 5300 },
    sizes: { query: 41, response: 79 },
    raw: { query: 'abcd', response: '5fd68500' },
    truncatedRetried: false,
    attempts: 1,
    ignored: 0,
    receivedAtWallMs: Date.UTC(2026, 10, 26, 15, 18, 40),
    receivedAtMonoMs: 1000
  }
  return dnsQueryResultSchema.parse({ ...base, ...overrides })
}
