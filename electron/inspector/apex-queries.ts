/** The questions every resolver is asked about an apex first, and what the inspection reads from their answers. */
import type { LookupCost } from '@shared/alias-server'
import type { QueryOptionsInput, ResolverTarget } from '@shared/dns'
import type { AliasRecord, AuthoritativeView, ProviderMatch, RrsetObservation, TargetSuggestion } from '@shared/inspector'
import { resolverLabel } from '@shared/resolver-target'
import { detectProviders } from '../providers'
import { aliasRecordIn } from './authoritative'
import { observeRrset } from './follow-chain'
import { measureLookupCost } from './lookup-cost'
import { askVia, type Ask, type QueryFn } from './query-port'
import { aliasModeTarget, suggestTargets } from './suggest'
import { nsNamesOf } from './zone-servers'

/** What every resolver is asked first: the apex's records and the hints for a target. */
export interface ApexQueries {
  resolver: ResolverTarget
  label: string
  ask: Ask
  a: Promise<RrsetObservation>
  aaaa: Promise<RrsetObservation>
  cname: Promise<RrsetObservation>
  alias: Promise<RrsetObservation>
  ns: Promise<RrsetObservation>
  soa: Promise<RrsetObservation>
  https: Promise<RrsetObservation>
  www: Promise<RrsetObservation>
}

export const queryOptions = (timeoutMs = 3000): QueryOptionsInput => ({
  timeoutMs,
  deadlineMs: Math.min(120_000, timeoutMs * 3),
  retries: 1
})

export function startApexQueries(apex: string, resolver: ResolverTarget, queryFn: QueryFn, options: QueryOptionsInput, signal?: AbortSignal): ApexQueries {
  const ask = askVia(queryFn, resolver, options, signal)
  return {
    resolver,
    label: resolverLabel(resolver),
    ask,
    a: observeRrset(ask, apex, 'A'),
    aaaa: observeRrset(ask, apex, 'AAAA'),
    cname: observeRrset(ask, apex, 'CNAME'),
    alias: observeRrset(ask, apex, 'ALIAS'),
    ns: observeRrset(ask, apex, 'NS'),
    soa: observeRrset(ask, apex, 'SOA'),
    https: observeRrset(ask, apex, 'HTTPS'),
    www: observeRrset(ask, `www.${apex}`, 'CNAME')
  }
}

/** The first resolver that names the apex's NS, or undefined when none does. */
export async function firstWithNs(all: readonly ApexQueries[]): Promise<{ q: ApexQueries; ns: string[] } | undefined> {
  try {
    return await Promise.any(
      all.map(async (q) => {
        const names = nsNamesOf(await q.ns)
        if (names.length === 0) throw new Error('no NS')
        return { q, ns: names }
      })
    )
  } catch {
    return undefined
  }
}

export async function hints(all: readonly ApexQueries[], apex: string): Promise<{ suggestions: TargetSuggestion[]; providers: ProviderMatch[]; nsNames: string[] }> {
  const sources = await Promise.all(
    all.map(async (q) => ({ apexAlias: await q.alias, apexCname: await q.cname, apexHttps: await q.https, wwwCname: await q.www, ns: await q.ns }))
  )
  const nsNames = [...new Set(sources.flatMap((s) => nsNamesOf(s.ns)))].sort()
  return { suggestions: suggestTargets(apex, sources), providers: detectProviders(nsNames), nsNames }
}

export const httpsAliasTarget = (https: RrsetObservation): string | undefined =>
  https.records.map((record) => aliasModeTarget(record.data)).find((target) => target !== undefined)

export const answered = (o: RrsetObservation): boolean => o.status !== 'error'

export async function aliasRecordViaResolvers(all: readonly ApexQueries[]): Promise<AliasRecord | undefined> {
  for (const q of all) {
    const record = aliasRecordIn(await q.alias, `resolver ${q.label}`, true)
    if (record) return record
  }
  return undefined
}

/** Times the apex at the first of its own servers that answered A (none: not measured). */
export async function timeLookupCost(
  authoritative: AuthoritativeView | undefined,
  apex: string,
  queryFn: QueryFn,
  options: QueryOptionsInput,
  signal?: AbortSignal
): Promise<LookupCost | undefined> {
  const server = authoritative?.servers.find((s) => s.a?.status === 'ok' && s.a.authoritative)
  if (!server) return undefined
  try {
    const { cold: _cold, ...cost } = await measureLookupCost({ queryFn, server: { address: server.address, port: server.port }, apex, options, signal })
    return cost
  } catch {
    return undefined
  }
}
