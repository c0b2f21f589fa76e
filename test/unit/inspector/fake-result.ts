import type { DnsQueryResult, DnsRecord } from '@shared/dns'
import { resultFixture, rr } from '../../support/dns-result'

type Rr = [name: string, type: string, ttl: number, data: string]

const record = ([name, type, ttl, data]: Rr): DnsRecord => rr(name, ttl, type, 0, data)

/** A DnsQueryResult set up by what the inspector reads: question, rcode, AA/RA, records and arrival time. */
export function fakeResult(
  name: string,
  type: string,
  answer: Rr[],
  options: { rcode?: string; authority?: Rr[]; aa?: boolean; ra?: boolean; at?: number } = {}
): DnsQueryResult {
  const at = options.at ?? 1000
  return resultFixture({
    question: { name, unicodeName: name, type, typeCode: 0, class: 'IN' },
    header: {
      id: 1,
      opcode: 'QUERY',
      rcode: options.rcode ?? 'NOERROR',
      rcodeCode: 0,
      flags: { qr: true, aa: options.aa ?? false, tc: false, rd: true, ra: options.ra ?? true, ad: false, cd: false }
    },
    answer: answer.map(record),
    authority: (options.authority ?? []).map(record),
    receivedAtWallMs: 1_700_000_000_000 + at,
    receivedAtMonoMs: at
  })
}
