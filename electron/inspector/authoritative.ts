import type { QueryOptionsInput } from '@shared/dns'
import type { AuthoritativeView, RrsetObservation } from '@shared/inspector'
import { observeRrset } from './follow-chain'
import type { Ask, QueryFn } from './query-port'

export interface AuthoritativeOptions {
  queryFn: QueryFn
  /** Port the zone's servers listen on (53 outside labs). */
  port: number
  options: QueryOptionsInput
  signal?: AbortSignal
}

const MAX_NS = 4
const MAX_SERVERS = 6

/** The largest TTL among AA answers: the TTL the zone's servers hand out before any cache counts down. */
function authoritativeTtl(answers: (RrsetObservation | undefined)[]): number | undefined {
  const ttls = answers
    .filter((a): a is RrsetObservation => !!a && a.status === 'ok' && a.authoritative && a.chain.length === 0)
    .flatMap((a) => a.records.map((record) => record.ttl))
  return ttls.length > 0 ? Math.max(...ttls) : undefined
}

/**
 * Asks the zone's own servers (NS names → addresses through `resolverAsk` → RD=0 questions sent
 * straight to them) for the apex A and AAAA, to learn the TTLs before any resolver cache.
 */
export async function authoritativeView(
  resolverAsk: Ask,
  via: string,
  apex: string,
  nsNames: readonly string[],
  opts: AuthoritativeOptions
): Promise<AuthoritativeView> {
  const names = [...nsNames].sort().slice(0, MAX_NS)
  const lookups = await Promise.all(
    names.flatMap((nsName) => (['A', 'AAAA'] as const).map(async (type) => ({ nsName, rrset: await observeRrset(resolverAsk, nsName, type) })))
  )
  const seen = new Set<string>()
  const addresses: { nsName: string; address: string }[] = []
  for (const { nsName, rrset } of lookups) {
    for (const record of rrset.records) {
      if (seen.has(record.data)) continue
      seen.add(record.data)
      addresses.push({ nsName, address: record.data })
    }
  }
  const servers = await Promise.all(
    addresses.slice(0, MAX_SERVERS).map(async ({ nsName, address }) => {
      const direct: Ask = (name, type) =>
        opts.queryFn(
          { name, type, resolver: { transport: 'udp', host: address, port: opts.port }, options: { ...opts.options, rd: false } },
          { signal: opts.signal }
        )
      const [a, aaaa] = await Promise.all([observeRrset(direct, apex, 'A'), observeRrset(direct, apex, 'AAAA')])
      const error = a.status === 'error' && aaaa.status === 'error' ? a.error : undefined
      return { nsName, address, port: opts.port, a, aaaa, ...(error ? { error } : {}) }
    })
  )
  const A = authoritativeTtl(servers.map((s) => s.a))
  const AAAA = authoritativeTtl(servers.map((s) => s.aaaa))
  const problem =
    addresses.length === 0
      ? 'no address found for the NS names'
      : A === undefined && AAAA === undefined
        ? 'no authoritative (AA) answer for the apex A or AAAA'
        : undefined
  return {
    zone: apex,
    via,
    nsNames: names,
    servers,
    ttls: { ...(A !== undefined ? { A } : {}), ...(AAAA !== undefined ? { AAAA } : {}) },
    ...(problem ? { problem } : {})
  }
}
