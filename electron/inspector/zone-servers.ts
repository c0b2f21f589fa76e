import type { ResolverTarget } from '@shared/dns'
import type { RrsetObservation } from '@shared/inspector'
import { observeRrset } from './follow-chain'
import { isAtOrBelow, typedName } from '../dns/names'
import type { Ask } from './query-port'

const MAX_NS = 4
const MAX_ZONE_SERVERS = 6

export const nsNamesOf = (ns: RrsetObservation): string[] => ns.records.map((record) => typedName(record.data))

export interface ZoneServer {
  nsName: string
  address: string
}

/** The addresses of the NS names (through a resolver), de-duplicated, at most MAX_ZONE_SERVERS. */
export async function nsAddresses(resolverAsk: Ask, nsNames: readonly string[]): Promise<{ names: string[]; servers: ZoneServer[] }> {
  const names = [...nsNames].sort().slice(0, MAX_NS)
  const lookups = await Promise.all(
    names.flatMap((nsName) => (['A', 'AAAA'] as const).map(async (type) => ({ nsName, rrset: await observeRrset(resolverAsk, nsName, type) })))
  )
  const seen = new Set<string>()
  const servers: ZoneServer[] = []
  for (const { nsName, rrset } of lookups) {
    for (const record of rrset.records) {
      if (seen.has(record.data)) continue
      seen.add(record.data)
      servers.push({ nsName, address: record.data })
    }
  }
  return { names, servers: servers.slice(0, MAX_ZONE_SERVERS) }
}

/** The zone `name` belongs to: the owner of the SOA in the answer or the authority section. */
async function zoneOf(resolverAsk: Ask, nameInput: string): Promise<string | undefined> {
  const name = typedName(nameInput)
  const result = await resolverAsk(name, 'SOA')
  const soa = [...result.answer, ...result.authority].find((record) => record.type.toUpperCase() === 'SOA')
  if (!soa) return undefined
  const zone = typedName(soa.name)
  // a SOA from elsewhere (not an ancestor of the name) says nothing about it
  return isAtOrBelow(name, zone) ? zone : undefined
}

/** The zone's own servers for `name` as query targets on `port`, found through the resolver. */
export async function zoneServersOf(resolverAsk: Ask, name: string, port: number): Promise<{ zone?: string; servers: ResolverTarget[]; problem?: string }> {
  let zone: string | undefined
  try {
    zone = await zoneOf(resolverAsk, name)
  } catch (error) {
    return { servers: [], problem: `the SOA of ${name} could not be asked: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (!zone) return { servers: [], problem: `no SOA found above ${name}` }
  const nsNames = nsNamesOf(await observeRrset(resolverAsk, zone, 'NS'))
  if (nsNames.length === 0) return { zone, servers: [], problem: `no NS records for ${zone}` }
  const { servers } = await nsAddresses(resolverAsk, nsNames)
  if (servers.length === 0) return { zone, servers: [], problem: `no address found for the NS names of ${zone}` }
  return { zone, servers: servers.map((s) => ({ transport: 'udp', host: s.address, port, label: `${s.nsName.replace(/\.$/, '')} ${s.address}` })) }
}
