/**
 * What the advisor needs to know, asked through the given resolvers: the inspection (NS provider,
 * TTLs, the locality grid over the subnet presets), DNSKEY at the apex, and the apex's MX/TXT/CAA.
 */
import type { ResolverTarget } from '@shared/dns'
import type { AdviceFacts } from '@shared/advisor'
import { SUBNET_PRESETS } from '@shared/locality'
import type { ProfileId } from '@shared/providers'
import { inspect, type InspectDeps } from '../inspector'
import { askVia, engineQuery } from '../inspector/query-port'
import { queryOptions } from '../inspector/inspect'

export interface AdviseRequest {
  apex: string
  target: string
  resolvers: ResolverTarget[]
  /** The provider's profile when the NS names do not tell (a lab, a self-hosted server). */
  profile?: ProfileId
  subnets?: string[]
  authoritativePort?: number
  skipAuthoritative?: boolean
  timeoutMs?: number
}

export async function gatherFacts(request: AdviseRequest, deps: InspectDeps = {}): Promise<AdviceFacts> {
  const result = await inspect(
    {
      apex: request.apex,
      target: request.target,
      resolvers: request.resolvers,
      subnets: request.subnets ?? Object.values(SUBNET_PRESETS),
      ...(request.authoritativePort ? { authoritativePort: request.authoritativePort } : {}),
      ...(request.skipAuthoritative ? { skipAuthoritative: true } : {}),
      ...(request.timeoutMs ? { timeoutMs: request.timeoutMs } : {})
    },
    deps
  )
  const ask = askVia(deps.queryFn ?? engineQuery, request.resolvers[0]!, { ...queryOptions(request.timeoutMs), dnssecOk: true }, deps.signal)
  const count = async (type: string): Promise<number> => {
    try {
      return (await ask(result.apex, type)).answer.filter((r) => r.type === type).length
    } catch {
      return 0
    }
  }
  const [dnskey, mx, txt, caa] = await Promise.all([count('DNSKEY'), count('MX'), count('TXT'), count('CAA')])
  const provider = result.providers[0]
  const profile = request.profile ?? provider?.profile ?? null
  const rows = (result.locality?.rows ?? []).filter((r) => r.same !== null)
  const varies = [false, true].some((v6) => new Set(rows.filter((r) => r.subnet.includes(':') === v6).map((r) => r.target.join(','))).size > 1)
  const ttls = (pick: (r: (typeof result.resolvers)[number]) => number | undefined): number[] => result.resolvers.flatMap((r) => pick(r) ?? [])
  const targetTtl = Math.max(0, ...ttls((r) => r.target?.a.effectiveTtl ?? r.target?.aaaa.effectiveTtl))
  const apexTtl = result.authoritative?.ttls.A ?? Math.max(0, ...ttls((r) => r.apex.a.effectiveTtl))
  return {
    apex: result.apex,
    target: result.target ?? request.target,
    profile,
    provider: provider?.name ?? null,
    flattening: provider?.flattening ?? (request.profile ? 'alias-record' : 'unknown'),
    signed: dnskey > 0,
    geo: { varies, asked: rows.length, apart: rows.filter((r) => r.same === false).length },
    apexRecords: { MX: mx, TXT: txt, CAA: caa },
    targetTtl,
    apexTtl
  }
}
