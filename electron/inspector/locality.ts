/**
 * Asks the apex and its target with each client subnet (ECS) through each resolver, and says what
 * the grid shows, and no more: the questions leave from one place, and many CDNs honour ECS only
 * from resolvers they allow, so a "no" here can be the CDN's policy rather than the ALIAS server's.
 */
import type { DnsQueryResult, QueryOptionsInput, ResolverTarget } from '@shared/dns'
import type { Locality, LocalityRow } from '@shared/locality'
import type { QueryFn } from './query-port'

export interface LocalityRequest {
  apex: string
  target: string
  subnets: string[]
  resolvers: Array<{ resolver: ResolverTarget; label: string }>
  queryFn: QueryFn
  options: QueryOptionsInput
  signal?: AbortSignal
}

interface Answer {
  addresses: string[]
  scope?: number
}

async function ask(r: LocalityRequest, resolver: ResolverTarget, name: string, subnet: string): Promise<Answer> {
  const type = subnet.includes(':') ? 'AAAA' : 'A'
  try {
    const result: DnsQueryResult = await r.queryFn({ name, type, resolver, options: { ...r.options, clientSubnet: subnet } }, { signal: r.signal })
    const addresses = result.answer.filter((x) => x.type === type).map((x) => x.data).sort()
    const scope = result.edns?.clientSubnet?.scopePrefixLength
    return { addresses, ...(scope !== undefined ? { scope } : {}) }
  } catch {
    return { addresses: [] }
  }
}

export async function probeLocality(r: LocalityRequest): Promise<Locality> {
  const jobs = r.resolvers.flatMap(({ resolver, label }) =>
    r.subnets.map(async (subnet): Promise<LocalityRow> => {
      const [apex, target] = await Promise.all([ask(r, resolver, r.apex, subnet), ask(r, resolver, r.target, subnet)])
      const same = apex.addresses.length === 0 || target.addresses.length === 0 ? null : apex.addresses.some((a) => target.addresses.includes(a))
      return {
        subnet,
        resolver: label,
        apex: apex.addresses,
        target: target.addresses,
        same,
        ...(apex.scope !== undefined ? { apexScope: apex.scope } : {}),
        ...(target.scope !== undefined ? { targetScope: target.scope } : {})
      }
    })
  )
  const rows = await Promise.all(jobs)
  return { ...localityVerdict(r.apex, r.target, rows, r.resolvers.map((x) => x.label)), rows }
}

const list = (a: string[]): string => a.join(', ')

/** True when some address family has rows that differ in `side`. */
function varies(rows: LocalityRow[], side: 'apex' | 'target'): boolean {
  return [false, true].some((v6) => new Set(rows.filter((r) => r.subnet.includes(':') === v6).map((r) => list(r[side]))).size > 1)
}

export function localityVerdict(apex: string, target: string, rows: LocalityRow[], resolvers: string[]): Pick<Locality, 'verdict' | 'kind'> {
  const caveat =
    ` These questions left from one place, through ${resolvers.join(', ')}; a resolver may drop or shorten the subnet, ` +
    'and many CDNs honour ECS only from resolvers they allow, so this shows what these resolvers were told, not what every user gets.'
  const judged = rows.filter((row) => row.same !== null)
  if (judged.length === 0) return { kind: 'no-data', verdict: `Neither ${apex} nor ${target} gave addresses for the subnets asked, so locality cannot be judged.${caveat}` }
  const targetVaries = varies(judged, 'target')
  const apart = judged.filter((row) => row.same === false)
  if (apart.length === 0) {
    if (!targetVaries) {
      return {
        kind: 'uniform',
        verdict: `${target} gave the same answer (${list(judged[0]!.target)}) for every subnet asked, and so did ${apex}: either the target does not vary by location, or it ignores ECS from these resolvers. Locality cannot be judged from here.${caveat}`
      }
    }
    return {
      kind: 'follows',
      verdict: `${target} answers differently by subnet, and ${apex} followed it for every subnet asked: consistent with an ALIAS server that forwards ECS (or answers the client's resolver directly).${caveat}`
    }
  }
  const apexUniform = !varies(judged, 'apex')
  const first = apart[0]!
  const sentences = [
    `For clients in ${first.subnet} ${apex} answers with ${list(first.apex)}, while ${target} itself answers with ${list(first.target)}` +
      (apart.length > 1 ? ` (and ${apart.length - 1} more subnet${apart.length > 2 ? 's' : ''} like it)` : '') +
      '.',
    apexUniform
      ? `${apex} gives the same node to every subnet asked (per address family). This is consistent with an ALIAS server that does not forward ECS, or with a CDN that ignores ECS from the ALIAS server: far-away users may get a far-away node.`
      : `${apex} varies by subnet but not as ${target} does: the ALIAS server may forward a shorter subnet, or serve answers cached for another client.`
  ]
  return { kind: 'default-node', verdict: `${sentences.join(' ')}${caveat}` }
}
