import { performance } from 'node:perf_hooks'
import type { ResolverTarget } from '@shared/dns'
import type {
  AuthoritativeView,
  CacheAge,
  Family,
  InspectInput,
  InspectResult,
  ResolverInspection,
  SuggestResult
} from '@shared/inspector'
import { ServiceError } from '@shared/errors'
import { aliasRecordOf, authoritativeView } from './authoritative'
import { observeRrset } from './follow-chain'
import { typedName } from '../dns/names'
import { askVia, engineQuery, type QueryFn } from './query-port'
import { compareFamily } from './set-compare'
import { pickSuggestion, type TargetFrom } from './target-from'
import { rrsetCacheAge } from './ttl-model'
import type { ObservationStore } from './observation-store'
import { inferBehaviour } from './behaviour'
import { decideVerdict } from './verdict'
import { checkApexDnssec, parseTrustAnchors } from './dnssec-check'
import { staleContext } from './stale-context'
import { probeLocality } from './locality'
import { maxOf } from './stats'
import { followAliasMode } from './aliasmode-chain'
import { aliasRecordViaResolvers, answered, firstWithNs, hints, httpsAliasTarget, queryOptions, startApexQueries, timeLookupCost } from './apex-queries'

export { queryOptions }

/** The contract's input (absent fields take inspect's own defaults), and where a target may come from. */
export type InspectRequest = InspectInput & {
  /** Restricts the suggested target to one source ('www', 'https') or none at all (audits). */
  targetFrom?: TargetFrom
}

export interface InspectDeps {
  queryFn?: QueryFn
  signal?: AbortSignal
  /** Recent observations: lets the verdict recognise an apex that still serves an earlier target set. */
  observations?: ObservationStore
}

/** Target suggestions (the apex's ALIAS record, a CNAME at the apex, HTTPS AliasMode, www CNAME) and the DNS host. */
export async function suggest(request: { apex: string; resolvers: ResolverTarget[]; timeoutMs?: number }, deps: InspectDeps = {}): Promise<SuggestResult> {
  const apex = typedName(request.apex)
  const options = queryOptions(request.timeoutMs)
  const all = request.resolvers.map((r) => startApexQueries(apex, r, deps.queryFn ?? engineQuery, options, deps.signal))
  const found = await hints(all, apex)
  await Promise.allSettled(all.flatMap((q) => [q.a, q.aaaa, q.soa]))
  return { apex, ...found }
}

/**
 * Inspects an apex through every resolver at once. Independent questions run concurrently, so the
 * wall time is that of the longest dependency chain (NS → NS addresses → the zone's own servers).
 */
export async function inspect(request: InspectRequest, deps: InspectDeps = {}): Promise<InspectResult> {
  const startedAtWallMs = Date.now()
  const started = performance.now()
  const queryFn = deps.queryFn ?? engineQuery
  const apex = typedName(request.apex)
  const options = queryOptions(request.timeoutMs)
  const all = request.resolvers.map((r) => startApexQueries(apex, r, queryFn, options, deps.signal))

  const hintsPromise = hints(all, apex)
  const anchors = request.trustAnchors ? parseTrustAnchors(request.trustAnchors) : []
  const dnssecChecks = all.map((q) =>
    request.dnssec
      ? checkApexDnssec(
          askVia(queryFn, q.resolver, { ...options, dnssecOk: true }, deps.signal),
          askVia(queryFn, q.resolver, { ...options, dnssecOk: true, cd: true }, deps.signal),
          apex,
          anchors
        ).catch(() => undefined)
      : Promise.resolve(undefined)
  )
  const targetPromise: Promise<{ name?: string; source: InspectResult['targetSource'] }> = request.target
    ? Promise.resolve({ name: typedName(request.target), source: 'given' })
    : hintsPromise.then(({ suggestions }) => {
        const picked = pickSuggestion(suggestions, request.targetFrom)
        return picked ? { name: picked.name, source: 'suggested' } : { source: 'none' }
      })
  const targetRrsets = all.map(async (q) => {
    const { name } = await targetPromise
    if (!name) return undefined
    const [a, aaaa] = await Promise.all([observeRrset(q.ask, name, 'A'), observeRrset(q.ask, name, 'AAAA')])
    return { a, aaaa }
  })
  const localityPromise = targetPromise.then(({ name }) =>
    name && request.subnets && request.subnets.length > 0
      ? probeLocality({ apex, target: name, subnets: request.subnets, resolvers: all.map((q) => ({ resolver: q.resolver, label: q.label })), queryFn, options, ...(deps.signal ? { signal: deps.signal } : {}) })
      : undefined
  )
  const authoritativePromise: Promise<AuthoritativeView | undefined> = request.skipAuthoritative
    ? Promise.resolve(undefined)
    : firstWithNs(all).then((found) =>
        found
          ? authoritativeView(found.q.ask, found.q.label, apex, found.ns, {
              queryFn,
              port: request.authoritativePort ?? 53,
              options,
              signal: deps.signal
            })
          : { zone: apex, via: '', nsNames: [], servers: [], ttls: {}, problem: 'no resolver gave NS records for the apex: is it a zone apex?' }
      )

  const [found, target, targets, authoritative, dnssec] = await Promise.all([
    hintsPromise,
    targetPromise,
    Promise.all(targetRrsets),
    authoritativePromise,
    Promise.all(dnssecChecks)
  ])
  const apexSets = await Promise.all(
    all.map(async (q) => ({ a: await q.a, aaaa: await q.aaaa, cname: await q.cname, ns: await q.ns, soa: await q.soa, https: await q.https }))
  )

  // the target's TTL before caches counted down is at least the largest one any resolver reports
  const targetTtl = (family: 'a' | 'aaaa'): number | undefined => maxOf(targets.map((t) => t?.[family].effectiveTtl))
  const resolvers: ResolverInspection[] = all.map((q, i) => {
    const apexSet = apexSets[i]!
    const targetSet = targets[i]
    const compare = (family: Family, key: 'a' | 'aaaa') =>
      compareFamily({
        family,
        apex: apexSet[key].records.map((record) => record.data),
        target: targetSet![key].records.map((record) => record.data),
        apexTtl: authoritative?.ttls[family] ?? apexSet[key].effectiveTtl,
        targetTtl: targetTtl(key)
      })
    const cache = [
      rrsetCacheAge(apexSet.a, authoritative?.ttls.A),
      rrsetCacheAge(apexSet.aaaa, authoritative?.ttls.AAAA)
    ].filter((c): c is CacheAge => !!c)
    return {
      resolver: q.resolver,
      label: q.label,
      apex: apexSet,
      ...(targetSet ? { target: targetSet, comparison: { a: compare('A', 'a'), aaaa: compare('AAAA', 'aaaa') } } : {}),
      cache,
      ...(dnssec[i] ? { dnssec: dnssec[i] } : {})
    }
  })

  const answeredBy = resolvers.map((r) => [r.apex.a, r.apex.aaaa, r.apex.soa, r.apex.ns].some(answered))
  if (!answeredBy.includes(true)) {
    const why = resolvers.map((r) => `${r.label}: ${r.apex.a.error?.message ?? r.apex.a.rcode ?? 'no answer'}`).join('; ')
    throw new ServiceError('unreachable', `no resolver answered for ${apex} (${why.slice(0, 1500)})`)
  }
  // the zone's own servers first; else a resolver that passed the question on to them
  const aliasRecord = aliasRecordOf(authoritative) ?? (await aliasRecordViaResolvers(all))
  const stale = target.name
    ? staleContext({
        apex,
        target: target.name,
        resolvers,
        authoritative,
        aliasTtl: aliasRecord?.ttl,
        policy: request.policy ?? 'min',
        store: deps.observations
      })
    : undefined
  const verdict = decideVerdict({
    ...(aliasRecord ? { aliasRecord } : {}),
    ...(stale ? { stale } : {}),
    apex,
    target: target.name,
    providers: found.providers,
    httpsAliasTarget: apexSets.map((s) => httpsAliasTarget(s.https)).find((t) => t !== undefined),
    resolvers: resolvers.map((r, i) => {
      const apexCname = r.apex.cname.records[0]?.data
      return {
        label: r.label,
        answered: answeredBy[i]!,
        ...(apexCname ? { apexCname: typedName(apexCname) } : {}),
        ...(r.comparison ? { a: r.comparison.a, aaaa: r.comparison.aaaa } : {})
      }
    })
  })
  const aliasSets = await Promise.all(all.map((q) => q.alias))
  const aliasRecordTtl = maxOf(aliasSets.flatMap((o) => o.records.filter((r) => r.type === 'ALIAS').map((r) => r.ttl)))
  const authoritativeTtl = authoritative?.ttls.A ?? authoritative?.ttls.AAAA
  const resolverApexTtl = maxOf(apexSets.flatMap((s) => [s.a.effectiveTtl, s.aaaa.effectiveTtl]))
  const anyTargetTtl = targetTtl('a') ?? targetTtl('aaaa')
  const behaviour = inferBehaviour({
    apex,
    ...(target.name ? { target: target.name } : {}),
    ...(authoritativeTtl !== undefined
      ? { apexTtl: authoritativeTtl, apexTtlFrom: "from the zone's own servers" }
      : resolverApexTtl !== undefined
        ? { apexTtl: resolverApexTtl, apexTtlFrom: 'the largest a resolver reported' }
        : {}),
    ...(anyTargetTtl !== undefined ? { targetTtl: anyTargetTtl } : {}),
    ...(aliasRecordTtl !== undefined ? { aliasRecordTtl } : {}),
    aliasTypeAnswer: aliasRecordTtl !== undefined ? 'record' : aliasSets.some((o) => o.status === 'nodata') ? 'empty' : 'unknown',
    nsNames: found.nsNames
  })
  const lookupCost = request.measureLookupCost ? await timeLookupCost(authoritative, apex, queryFn, options, deps.signal) : undefined
  const aliasModeAt = all.findIndex((_, i) => httpsAliasTarget(apexSets[i]!.https) !== undefined)
  const [locality, httpsAlias] = await Promise.all([localityPromise, aliasModeAt >= 0 ? followAliasMode(all[aliasModeAt]!.ask, apex) : undefined])
  return {
    apex,
    ...(target.name ? { target: target.name } : {}),
    targetSource: target.source,
    resolvers,
    ...(authoritative ? { authoritative } : {}),
    suggestions: found.suggestions,
    providers: found.providers,
    verdict,
    behaviour,
    ...(lookupCost ? { lookupCost } : {}),
    ...(locality ? { locality } : {}),
    ...(httpsAlias ? { httpsAlias } : {}),
    startedAtWallMs,
    durationMs: performance.now() - started
  }
}
