import { isIP } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { DnsQueryResult, DnsTransport, QueryOptions, ResolverTarget } from '@shared/dns'
import { ServiceError } from '@shared/errors'
import { buildQuery, randomId, type BuiltQuery } from '../build-query'
import { decodeMessage } from '../decode-message'
import { ednsInfo } from '../edns-info'
import { normalizeName, type NormalizedName } from '../names'
import { resolveEndpoint } from '../resolve-endpoint'
import { CLASS_IN, parseQueryType } from '../rr-types'
import { queryResult, udpWithFallback, type Attempter } from '../run-query'
import type { Endpoint, Exchange, ExchangeResult, ExchangeStats } from '../transports/transport'
import { encodeName } from '../wire-name'

const CACHE_MAX = 8192

/** A Map that forgets everything when it grows past its size (the names of one audit repeat ~11 times). */
class BoundedMap<K, V> extends Map<K, V> {
  remember(key: K, value: V): V {
    if (this.size >= CACHE_MAX) this.clear()
    this.set(key, value)
    return value
  }
}

interface KnownName {
  normalized: NormalizedName
  wire: Buffer
}

/** A query's octets but the ID and the question name: they depend only on the options and the type. */
interface Template {
  head: Buffer
  tail: Buffer
}

/**
 * The pooled engine's UDP path: runQuery's steps (UDP retries on timeout with fresh IDs, TC → TCP
 * fallback, the same result) without its per-query work that a long run repeats: a name is
 * normalised and encoded once, a resolver given as an IP literal is resolved once, and the rest of a
 * query is encoded once per (options, type); each query is that template with a fresh random ID and
 * its name spliced in. 0x20 (whose case changes every time) and padding (whose length depends on the
 * name) build the whole query; cookies take runQuery's path (BADCOOKIE retry). Used by QueryPool only.
 */
export class PooledUdp {
  private readonly names = new BoundedMap<string, KnownName>()
  private readonly endpoints = new WeakMap<ResolverTarget, Endpoint>()
  private readonly templates = new WeakMap<QueryOptions, Map<number, Template>>()

  constructor(private readonly exchanges: Record<'udp' | 'tcp', Exchange>) {}

  handles(resolver: ResolverTarget, options: QueryOptions): boolean {
    return resolver.transport === 'udp' && !options.cookie
  }

  private name(input: string): KnownName {
    const known = this.names.get(input)
    if (known) return known
    const normalized = normalizeName(input)
    return this.names.remember(input, { normalized, wire: encodeName(normalized.ascii) })
  }

  private build(name: KnownName, typeCode: number, options: QueryOptions): BuiltQuery {
    const padding = options.padding ?? false
    if (options.randomCase || (options.edns && padding)) return buildQuery({ name: name.normalized.ascii, typeCode, options, padding })
    let byType = this.templates.get(options)
    if (!byType) {
      byType = new Map()
      this.templates.set(options, byType)
    }
    let template = byType.get(typeCode)
    if (!template) {
      // the root name is one octet (0) after the 12-octet header
      const root = buildQuery({ name: '.', typeCode, options, padding }).wire
      template = { head: root.subarray(0, 12), tail: root.subarray(13) }
      byType.set(typeCode, template)
    }
    const id = randomId()
    const wire = Buffer.allocUnsafe(template.head.length + name.wire.length + template.tail.length)
    template.head.copy(wire, 0)
    name.wire.copy(wire, template.head.length)
    template.tail.copy(wire, template.head.length + name.wire.length)
    wire.writeUInt16BE(id, 0)
    return { wire, id, qname: name.normalized.ascii }
  }

  async run(nameInput: string, typeInput: string | number, resolver: ResolverTarget, options: QueryOptions, signal?: AbortSignal): Promise<DnsQueryResult> {
    const t0 = performance.now()
    if (signal?.aborted) throw new ServiceError('cancelled', 'query cancelled')
    const name = this.name(nameInput)
    const typeCode = parseQueryType(typeInput)
    const endpoint = this.endpoints.get(resolver) ?? (await this.endpoint(resolver))
    const built = this.build(name, typeCode, options)
    const sender = new Attempts(this.exchanges, endpoint, built.qname, typeCode, options, t0 + options.deadlineMs, signal)
    const outcome = await udpWithFallback(built.wire, built.id, options, sender)
    // the question was matched octet for octet (or by the full matcher): no need to read it again
    const decoded = decodeMessage(outcome.exchange.response, true)
    const edns = decoded.opt ? ednsInfo(decoded.opt) : undefined
    return queryResult({ qname: built.qname, unicodeName: name.normalized.unicode, typeCode, decoded, edns, outcome, endpoint, t0, attempts: sender.attempts, ignored: sender.stats.ignored, cookieRetried: false })
  }

  private async endpoint(resolver: ResolverTarget): Promise<Endpoint> {
    const endpoint = await resolveEndpoint(resolver)
    // a host name may resolve differently later; an IP literal never does
    if (isIP(resolver.host.replace(/^\[|\]$/g, ''))) this.endpoints.set(resolver, endpoint)
    return endpoint
  }
}

/** One query's attempts (UDP retries, the TCP fallback) under one deadline, counted. */
class Attempts implements Attempter {
  readonly stats: ExchangeStats = { ignored: 0 }
  attempts = 0

  constructor(
    private readonly exchanges: Record<'udp' | 'tcp', Exchange>,
    private readonly endpoint: Endpoint,
    private readonly qname: string,
    private readonly typeCode: number,
    private readonly options: QueryOptions,
    private readonly deadline: number,
    private readonly signal: AbortSignal | undefined
  ) {}

  attempt(transport: DnsTransport, query: Buffer, id: number): Promise<ExchangeResult> {
    const { endpoint, options } = this
    const remaining = Math.floor(this.deadline - performance.now())
    if (remaining <= 0) throw new ServiceError('timeout', `no response within the ${options.deadlineMs} ms deadline`)
    this.attempts++
    return this.exchanges[transport === 'tcp' ? 'tcp' : 'udp']({
      endpoint: transport === endpoint.transport ? endpoint : { ...endpoint, transport },
      query,
      expect: { id, qname: this.qname, typeCode: this.typeCode, classCode: CLASS_IN, exactCase: options.randomCase, server: { address: endpoint.address, port: endpoint.port } },
      timeoutMs: Math.min(options.timeoutMs, remaining),
      ...(this.signal ? { signal: this.signal } : {}),
      stats: this.stats
    })
  }
}
