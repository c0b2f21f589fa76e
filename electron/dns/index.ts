import {
  dnsQueryManyRequestSchema,
  dnsQueryRequestSchema,
  type DnsQueryManyItem,
  type DnsQueryManyRequest,
  type DnsQueryManyResult,
  type DnsQueryRequest,
  type DnsQueryResult
} from '@shared/dns'
import { parseInput } from '@shared/errors'
import { toServiceError } from './errors'
import { runQuery, type EngineContext } from './run-query'


/** One query to one resolver. Throws ServiceError ('timeout', 'refused', 'tls', 'malformed', ...). */
export async function query(request: DnsQueryRequest, options: EngineContext = {}): Promise<DnsQueryResult> {
  const r = parseInput(dnsQueryRequestSchema, request)
  try {
    return await runQuery(r.name, r.type, r.resolver, r.options, options)
  } catch (err) {
    throw toServiceError(err)
  }
}

/**
 * The same question to up to 32 resolvers in parallel. Never throws for a resolver's failure:
 * each gets its own result or error, bounded by its own deadline.
 */
export async function queryMany(request: DnsQueryManyRequest, options: EngineContext = {}): Promise<DnsQueryManyResult> {
  const r = parseInput(dnsQueryManyRequestSchema, request)
  return Promise.all(
    r.resolvers.map(async (resolver): Promise<DnsQueryManyItem> => {
      try {
        return { resolver, ok: true, result: await runQuery(r.name, r.type, resolver, r.options, options) }
      } catch (err) {
        const e = toServiceError(err)
        return { resolver, ok: false, error: { code: e.code, message: e.message } }
      }
    })
  )
}

export { normalizeName, canonicalName, displayName } from './names'
export { parseQueryType } from './rr-types'
export { typeName } from '@shared/dns-codes'
