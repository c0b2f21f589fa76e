import type { DnsQueryResult, DnsRecord } from '@shared/dns'

type Rr = [name: string, type: string, ttl: number, data: string]

const rr = ([name, type, ttl, data]: Rr): DnsRecord => ({ name, type, typeCode: 0, class: 'IN', ttl, data })

/** A DnsQueryResult with just what the inspector reads. */
export function fakeResult(
  name: string,
  type: string,
  answer: Rr[],
  options: { rcode?: string; authority?: Rr[]; aa?: boolean; ra?: boolean; at?: number } = {}
): DnsQueryResult {
  const at = options.at ?? 1000
  return {
    question: { name, unicodeName: name, type, typeCode: 0, class: 'IN' },
    header: {
      id: 1,
      opcode: 'QUERY',
      rcode: options.rcode ?? 'NOERROR',
      rcodeCode: 0,
      flags: { qr: true, aa: options.aa ?? false, tc: false, rd: true, ra: options.ra ?? true, ad: false, cd: false }
    },
    answer: answer.map(rr),
    authority: (options.authority ?? []).map(rr),
    additional: [],
    timing: { exchangeMs: 1, totalMs: 1 },
    transport: 'udp',
    server: { host: '127.0.0.1', port: 53 },
    sizes: { query: 0, response: 0 },
    raw: { query: '', response: '' },
    truncatedRetried: false,
    attempts: 1,
    ignored: 0,
    receivedAtWallMs: 1_700_000_000_000 + at,
    receivedAtMonoMs: at
  }
}
