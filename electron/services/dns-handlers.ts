import type { HandlerGroup, ServiceContext } from '../api/handlers'
import { query, queryMany } from '../dns'
import type { QueryPool } from '../dns/pool/query-pool'

/**
 * The DNS engine over the API. The DoH/DoT `ca` option stays engine-only (tests pass it directly).
 * A single query keeps its fresh socket; the fan-out to many resolvers goes through the shared pool.
 */
export function dnsHandlers(_ctx: ServiceContext, pool?: QueryPool): HandlerGroup<'dns'> {
  return {
    'dns:query': (input, signal) => query(input, { signal }),
    'dns:queryMany': (input, signal) => queryMany(input, { signal, ...(pool ? { exchanges: pool.exchanges } : {}) })
  }
}
