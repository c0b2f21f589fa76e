import type { AuditRow } from '@shared/audit'
import type { DnsQueryResult, QueryOptionsInput, ResolverTarget } from '@shared/dns'
import { resolverLabel } from '@shared/resolver-target'
import { typedName } from '../dns/names'
import type { QueryFn } from '../inspector/query-port'
import { dnssecOf, dnssecSummary } from './audit-row'

// one DO=1 variant per options object the inspector builds, so the pool still sees one object
const withDo = new WeakMap<QueryOptionsInput, QueryOptionsInput>()

function dnssecOptions(options: QueryOptionsInput | undefined): QueryOptionsInput {
  const base = options ?? {}
  let tapped = withDo.get(base)
  if (!tapped) {
    tapped = { ...base, dnssecOk: true, ad: true }
    withDo.set(base, tapped)
  }
  return tapped
}

/**
 * The DNSSEC column without a query of its own: the inspector's first apex A question to each
 * resolver goes out with DO=1 and AD=1, and its answer's AD flag and RRSIGs are kept. The inspector
 * reads only the A records of that answer, so its view is the same; a validating resolver answers a
 * bogus zone with SERVFAIL with or without DO. One query per name and resolver fewer (1 in 11).
 */
export function dnssecTap(queryFn: QueryFn, apexInput: string, resolvers: readonly ResolverTarget[]): { queryFn: QueryFn; dnssec(): AuditRow['dnssec'] } {
  const apex = typedName(apexInput)
  const seen = new Map<ResolverTarget, DnsQueryResult | null>()
  const tapped: QueryFn = (request, ctx) => {
    const resolver = request.resolver as ResolverTarget
    if (seen.has(resolver) || String(request.type).toUpperCase() !== 'A' || !resolvers.includes(resolver) || typedName(request.name) !== apex) {
      return queryFn(request, ctx)
    }
    seen.set(resolver, null)
    return queryFn({ ...request, options: dnssecOptions(request.options) }, ctx).then((result) => {
      seen.set(resolver, result)
      return result
    })
  }
  return {
    queryFn: tapped,
    dnssec: () => dnssecSummary(resolvers.map((r) => dnssecOf(resolverLabel(r), seen.get(r) ?? undefined)))
  }
}
