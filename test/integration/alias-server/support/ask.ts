import type { DnsQueryResult, QueryOptionsInput } from '@shared/dns'
import { query } from '../../../../electron/dns'

/** One query to the server under test on 127.0.0.1 through the project's query engine. */
export function ask(port: number, name: string, type: string | number, options: QueryOptionsInput & { transport?: 'udp' | 'tcp' } = {}): Promise<DnsQueryResult> {
  const { transport = 'udp', ...rest } = options
  return query({ name, type, resolver: { transport, host: '127.0.0.1', port }, options: { rd: false, timeoutMs: 2000, retries: 0, ...rest } })
}

export const datas = (r: DnsQueryResult, type?: string): string[] =>
  r.answer.filter((x) => type === undefined || x.type === type).map((x) => x.data)
