import type { AliasRecord, AuthoritativeView, RrsetObservation } from '@shared/inspector'
import { typedName } from '../dns/names'
import { observeRrset } from './follow-chain'
import { directAsk, type Ask, type AuthoritativeDeps } from './query-port'
import { maxOf } from './stats'
import { nsAddresses } from './zone-servers'

export interface AuthoritativeOptions extends AuthoritativeDeps {
  /** Port the zone's servers listen on (53 outside labs). */
  port: number
}

/** The largest TTL among AA answers: the TTL the zone's servers hand out before any cache counts down. */
function authoritativeTtl(answers: (RrsetObservation | undefined)[]): number | undefined {
  return maxOf(
    answers
      .filter((a): a is RrsetObservation => !!a && a.status === 'ok' && a.authoritative && a.chain.length === 0)
      .flatMap((a) => a.records.map((record) => record.ttl))
  )
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
      const direct = directAsk({ transport: 'udp', host: address, port: opts.port }, opts)
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

/** The ALIAS/ANAME record of an answer (AA answers only, unless `anyAnswer`), as `server` served it. */
export function aliasRecordIn(observation: RrsetObservation | undefined, server: string, anyAnswer = false): AliasRecord | undefined {
  const record = observation?.status === 'ok' && (anyAnswer || observation.authoritative) ? observation.records[0] : undefined
  return record && { owner: typedName(record.name), target: typedName(record.data), ttl: record.ttl, server, seenAtWallMs: record.receivedAtWallMs }
}

/** The first ALIAS/ANAME record the zone's own servers served at the apex (AA answers only). */
export function aliasRecordOf(view: AuthoritativeView | undefined): AliasRecord | undefined {
  return view?.servers.map((server) => aliasRecordIn(server.alias, `${server.address}:${server.port}`)).find((record) => record !== undefined)
}
