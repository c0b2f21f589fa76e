import type { HandlerGroup, ServiceContext } from '../api/handlers'
import { query, queryMany } from '../dns'

/** The DNS engine over the API. The DoH/DoT `ca` option stays engine-only (tests pass it directly). */
export function dnsHandlers(_ctx: ServiceContext): HandlerGroup<'dns'> {
  return {
    'dns:query': (input, signal) => query(input, { signal }),
    'dns:queryMany': (input, signal) => queryMany(input, { signal })
  }
}
