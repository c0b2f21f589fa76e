import type { ResolverTarget } from '@shared/dns'
import type { AliasRecord, RrsetObservation } from '@shared/inspector'
import { aliasRecordIn } from './authoritative'
import { observeRrset } from './follow-chain'
import { directAsk, type Ask, type AuthoritativeDeps } from './query-port'
import { zoneServersOf } from './zone-servers'
import { formatResolver } from '@shared/resolver-target'

/** The zones' own servers a watch samples for the authoritative viewpoint, and the ALIAS record they serve. */
export interface AuthoritativeSetup {
  apex: ResolverTarget[]
  target: ResolverTarget[]
  problem?: string
  aliasRecord?: AliasRecord
}

/** Asks the servers in turn until one answers (a timeout or a network error moves on to the next). */
export async function observeAtServers(
  servers: readonly ResolverTarget[],
  name: string,
  type: string,
  deps: AuthoritativeDeps
): Promise<{ observation: RrsetObservation; server: string }> {
  let last: { observation: RrsetObservation; server: string } | undefined
  for (const server of servers) {
    const observation = await observeRrset(directAsk(server, deps), name, type)
    last = { observation, server: formatResolver(server) }
    if (observation.status !== 'error' || deps.signal?.aborted) return last
  }
  if (!last) throw new Error('no server to ask')
  return last
}

/** The servers among `servers` that answer for `name`'s zone with authority (AA=1), if any does. */
async function servedBy(servers: readonly ResolverTarget[], name: string, deps: AuthoritativeDeps): Promise<{ servers: ResolverTarget[] } | undefined> {
  const own: ResolverTarget[] = []
  for (const server of servers) {
    const answer = await directAsk(server, deps)(name, 'SOA').catch(() => undefined)
    const soa = answer && [...answer.answer, ...answer.authority].some((r) => r.type.toUpperCase() === 'SOA')
    if (answer?.header.flags.aa && answer.header.rcode !== 'REFUSED' && soa) own.push(server)
  }
  return own.length > 0 ? { servers: own } : undefined
}

/** The ALIAS/ANAME record (type 65401) at the apex, as the apex zone's own servers serve it. */
export async function readAliasRecord(servers: readonly ResolverTarget[], apex: string, deps: AuthoritativeDeps): Promise<AliasRecord | undefined> {
  if (servers.length === 0) return undefined
  const { observation, server } = await observeAtServers(servers, apex, 'ALIAS', deps)
  return aliasRecordIn(observation, server)
}

/**
 * Finds the apex zone's and the target zone's own servers through a resolver (SOA, NS, addresses),
 * unless they are given, and reads the ALIAS record from the apex zone's servers.
 */
export async function discoverAuthoritative(
  resolverAsk: Ask,
  apex: string,
  target: string,
  port: number,
  deps: AuthoritativeDeps,
  given: { apex?: ResolverTarget[]; target?: ResolverTarget[] } = {}
): Promise<AuthoritativeSetup> {
  const side = (name: string, servers?: ResolverTarget[]) =>
    servers && servers.length > 0 ? Promise.resolve({ servers }) : zoneServersOf(resolverAsk, name, port)
  const [apexSide, found] = await Promise.all([side(apex, given.apex), side(target, given.target)])
  // a target zone without NS records of its own (the lab's simulated CDN) may be served by the apex's servers
  const targetSide = found.servers.length > 0 ? found : ((await servedBy(apexSide.servers, target, deps)) ?? found)
  const problems = [apexSide, targetSide].flatMap((side) => ('problem' in side && side.problem ? [side.problem] : []))
  const aliasRecord = await readAliasRecord(apexSide.servers, apex, deps).catch(() => undefined)
  return {
    apex: apexSide.servers,
    target: targetSide.servers,
    ...(problems.length > 0 ? { problem: problems.join('; ') } : {}),
    ...(aliasRecord ? { aliasRecord } : {})
  }
}
