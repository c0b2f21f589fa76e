import type { QueryOptionsInput } from '@shared/dns'
import type { AliasRecord, AuthoritativeView, RrsetObservation } from '@shared/inspector'
import { typedName } from '../dns/names'
import { observeRrset } from './follow-chain'
import type { Ask, QueryFn } from './query-port'
import { nsAddresses } from './zone-servers'

export interface AuthoritativeOptions {
  queryFn: QueryFn
  /** Port the zone's servers listen on (53 outside labs). */
  port: number
  options: QueryOptionsInput
  signal?: AbortSignal
}


/** The largest TTL among AA answers: the TTL the zone's servers hand out before any cache counts down. */
function authoritativeTtl(answers: (RrsetObservation | undefined)[]): number | undefined {
  const ttls = answers
    .filter((a): a is RrsetObservation => !!a && a.status === 'ok' && a.authoritative && a.chain.length === 0)
    .flatMap((a) => a.records.map((record) => record.ttl))
  return ttls.length > 0 ? Math.max(...ttls) : undefined
}

/**
 * Asks the zone's own servers (NS names → addresses through `resolverAsk` → RD=0 questions sent
 * straight to them) for the apex A and AAAA, to learn the TTLs before any resolver cache, and for
 * its ALIAS record (type 65401; servers that implement ALIAS answer it with the record).
 */
export async function authoritativeView(
  resolverAsk: Ask,
  via: string,
  apex: string,
  nsNames: readonly string[],
  opts: AuthoritativeOptions
): Promise<AuthoritativeView> {
  const { names, servers: addresses } = await nsAddresses(resolverAsk, nsNames)
  const servers = await Promise.all(
    addresses.map(async ({ nsName, address }) => {
      const direct: Ask = (name, type) =>
        opts.queryFn(
          { name, type, resolver: { transport: 'udp', host: address, port: opts.port }, options: { ...opts.options, rd: false } },
          { signal: opts.signal }
        )
      const [a, aaaa, alias] = await Promise.all([
        observeRrset(direct, apex, 'A'),
        observeRrset(direct, apex, 'AAAA'),
        observeRrset(direct, apex, 'ALIAS')
      ])
      const error = a.status === 'error' && aaaa.status === 'error' ? a.error : undefined
      return { nsName, address, port: opts.port, a, aaaa, alias, ...(error ? { error } : {}) }
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

/** The first ALIAS/ANAME record the zone's own servers served at the apex (AA answers only). */
export function aliasRecordOf(view: AuthoritativeView | undefined): AliasRecord | undefined {
  for (const server of view?.servers ?? []) {
    const alias = server.alias
    if (!alias || alias.status !== 'ok' || !alias.authoritative) continue
    const record = alias.records[0]
    if (!record) continue
    return {
      owner: typedName(record.name),
      target: typedName(record.data),
      ttl: record.ttl,
      server: `${server.address}:${server.port}`,
      seenAtWallMs: record.receivedAtWallMs
    }
  }
  return undefined
}
