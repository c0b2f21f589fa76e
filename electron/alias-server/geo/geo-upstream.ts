/**
 * The route from the ALIAS server to a geo target: the CDN sees the ALIAS server as its client,
 * so without ECS it answers for the server's own address (usually the default set), not the user's.
 */
import type { GeoMap } from './geo-map'
import { EDE_NO_REACHABLE_AUTHORITY, UpstreamError, type AddressType, type Upstream, type UpstreamAnswer } from '../upstream/types'

export function geoUpstream(geo: GeoMap, serverAddress: string): Upstream {
  return {
    mode: 'simulated',
    label: 'simulated geo CDN',
    async resolve(name: string, type: AddressType, _signal: AbortSignal, subnet?: string): Promise<UpstreamAnswer> {
      const client = subnet ?? serverAddress
      const choice = geo.choose(name, type, client)
      if (!choice) throw new UpstreamError(EDE_NO_REACHABLE_AUTHORITY, `the simulated geo CDN does not serve ${name}`, 'network')
      const server = `simulated geo CDN (${choice.region} for ${client})`
      return { status: choice.addresses.length > 0 ? 'addresses' : 'nodata', addresses: choice.addresses, ttl: choice.ttl, chain: [], server, ...(subnet ? { scope: choice.scope } : {}) }
    },
    close() {}
  }
}
