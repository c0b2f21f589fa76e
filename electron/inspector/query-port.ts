import type { DnsQueryRequest, DnsQueryResult, QueryOptionsInput, ResolverTarget } from '@shared/dns'
import type { ErrorCode } from '@shared/result'
import { ServiceError } from '@shared/errors'
import { query } from '../dns'

/** The engine's `query`, injectable so that tests can count or delay queries. */
export type QueryFn = (request: DnsQueryRequest, options: { signal?: AbortSignal }) => Promise<DnsQueryResult>

export const engineQuery: QueryFn = (request, options) => query(request, options)

/** One question to one fixed server: what the inspector's building blocks call. */
export type Ask = (name: string, type: string) => Promise<DnsQueryResult>

export function askVia(
  queryFn: QueryFn,
  resolver: ResolverTarget,
  options: QueryOptionsInput,
  signal?: AbortSignal
): Ask {
  return (name, type) => queryFn({ name, type, resolver, options }, { signal })
}

/** How the zones' own servers are asked. */
export interface AuthoritativeDeps {
  queryFn: QueryFn
  options: QueryOptionsInput
  signal?: AbortSignal
}

/** One server, asked without recursion (RD=0): no resolver cache in between. */
export const directAsk = (server: ResolverTarget, deps: AuthoritativeDeps): Ask => askVia(deps.queryFn, server, { ...deps.options, rd: false }, deps.signal)

export function errorOf(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof ServiceError) return { code: error.code, message: error.message }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) }
}
