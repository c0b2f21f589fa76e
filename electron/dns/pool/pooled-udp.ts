import { isIP } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { DnsQueryResult, DnsTransport, QueryOptions, ResolverTarget } from '@shared/dns'
import { ServiceError } from '../../api/service-error'
import { buildQuery, randomId, withId, type BuiltQuery } from '../build-query'
import { decodeMessage } from '../decode-message'
import { ednsInfo } from '../edns-info'
import { normalizeName, type NormalizedName } from '../names'
import { resolveEndpoint } from '../resolve-endpoint'
import { CLASS_IN, parseQueryType } from '../rr-types'
import { queryResult, udpWithFallback } from '../run-query'
import type { Endpoint, Exchange, ExchangeResult, ExchangeStats } from '../transports/transport'

const CACHE_MAX = 8192

/** A Map that forgets everything when it grows past its size (the names of one audit repeat ~11 times). */
class BoundedMap<K, V> extends Map<K, V> {
  remember(key: K, value: V): V {
    if (this.size >= CACHE_MAX) this.clear()
    this.set(key, value)
    return value
  }
}

/**
 * The pooled engine's UDP path: runQuery's steps (UDP retries on timeout with fresh IDs, TC → TCP
 * fallback, the same result) without its per-query work that a long run repeats: a name is
 * normalised once, a resolver given as an IP literal is resolved once, and a query is encoded once
 * per (name, type, options) and then copied with a fresh random ID (not with 0x20, whose case changes
 * every time). Cookies take runQuery's path (BADCOOKIE retry). Used by QueryPool only.
 */
export class PooledUdp {
  private readonly names = new BoundedMap<string, NormalizedName>()
  private readonly endpoints = new WeakMap<ResolverTarget, Endpoint>()
  private readonly templates = new WeakMap<QueryOptions, BoundedMap<string, Buffer>>()

  constructor(private readonly exchanges: Record<'udp' | 'tcp', Exchange>) {}

  handles(resolver: ResolverTarget, options: QueryOptions): boolean {
    return resolver.transport === 'udp' && !options.cookie
  }

  private name(input: string): NormalizedName {
    return this.names.get(input) ?? this.names.remember(input, normalizeName(input))
  }

  private build(name: string, typeCode: number, options: QueryOptions): BuiltQuery {
    const input = { name, typeCode, options, padding: options.padding ?? false }
    if (options.randomCase) return buildQuery(input)
    let byName = this.templates.get(options)
    if (!byName) {
      byName = new BoundedMap()
      this.templates.set(options, byName)
    }
    const key = `${typeCode} ${name}`
    const template = byName.get(key)
    if (!template) {
      const built = buildQuery(input)
      byName.remember(key, built.wire)
      return built
    }
    const id = randomId()
    return { wire: withId(template, id), id, qname: name }
  }

  async run(nameInput: string, typeInput: string | number, resolver: ResolverTarget, options: QueryOptions, signal?: AbortSignal): Promise<DnsQueryResult> {
    const t0 = performance.now()
    if (signal?.aborted) throw new ServiceError('cancelled', 'query cancelled')
    const name = this.name(nameInput)
    const typeCode = parseQueryType(typeInput)
    const endpoint = this.endpoints.get(resolver) ?? (await this.endpoint(resolver))
    const built = this.build(name.ascii, typeCode, options)
    const deadline = t0 + options.deadlineMs
    const stats: ExchangeStats = { ignored: 0 }
    let attempts = 0
    const attempt = (transport: DnsTransport, query: Buffer, id: number): Promise<ExchangeResult> => {
      const remaining = Math.floor(deadline - performance.now())
      if (remaining <= 0) throw new ServiceError('timeout', `no response within the ${options.deadlineMs} ms deadline`)
      attempts++
      return this.exchanges[transport === 'tcp' ? 'tcp' : 'udp']({
        endpoint: transport === endpoint.transport ? endpoint : { ...endpoint, transport },
        query,
        expect: { id, qname: built.qname, typeCode, classCode: CLASS_IN, exactCase: options.randomCase, server: { address: endpoint.address, port: endpoint.port } },
        timeoutMs: Math.min(options.timeoutMs, remaining),
        ...(signal ? { signal } : {}),
        stats
      })
    }
    const outcome = await udpWithFallback(built.wire, built.id, options, attempt)
    const decoded = decodeMessage(outcome.exchange.response)
    const edns = decoded.opt ? ednsInfo(decoded.opt) : undefined
    return queryResult({ qname: built.qname, unicodeName: name.unicode, typeCode, decoded, edns, outcome, endpoint, t0, attempts, ignored: stats.ignored, cookieRetried: false })
  }

  private async endpoint(resolver: ResolverTarget): Promise<Endpoint> {
    const endpoint = await resolveEndpoint(resolver)
    // a host name may resolve differently later; an IP literal never does
    if (isIP(resolver.host.replace(/^\[|\]$/g, ''))) this.endpoints.set(resolver, endpoint)
    return endpoint
  }
}
