import { dnsQueryRequestSchema, queryOptionsSchema, resolverTargetSchema, type DnsQueryRequest, type DnsQueryResult, type QueryOptions, type ResolverTarget } from '@shared/dns'
import { PUBLIC_RESOLVER_HOSTS } from '@shared/public-resolvers'
import { toServiceError } from '../errors'
import { query } from '../index'
import { runQuery, type EngineContext } from '../run-query'
import { PooledUdp } from './pooled-udp'
import { Politeness, classifyBy, type ResolverClass, type ResolverLimits } from './politeness'
import { StreamPool } from './stream-pool'
import { UdpPool, type UdpPoolOptions } from './udp-pool'

export interface QueryPoolOptions {
  udp?: UdpPoolOptions
  /** Replaces the per-resolver defaults (POLITENESS_DEFAULTS) for every resolver. */
  limits?: Partial<ResolverLimits>
  classify?: (target: DnsQueryRequest['resolver']) => ResolverClass
}

/**
 * The engine on shared sockets: long-lived UDP sockets and reused, pipelined TCP/DoT connections,
 * with per-resolver politeness. For many queries (audits, watches, fan-out); a single interactive
 * query keeps the one-shot path (`query` from electron/dns), a fresh socket each time.
 */
export class QueryPool {
  readonly udp: UdpPool
  readonly stream: StreamPool
  readonly politeness: Politeness
  /** The shared exchanges, for callers that run the engine themselves (queryMany). */
  readonly exchanges: EngineContext['exchanges']

  constructor(options: QueryPoolOptions = {}) {
    this.udp = new UdpPool(options.udp)
    this.stream = new StreamPool()
    this.politeness = new Politeness(options.classify ?? classifyBy(PUBLIC_RESOLVER_HOSTS), options.limits)
    this.exchanges = { udp: this.udp.exchange, tcp: this.stream.exchange, dot: this.stream.exchange }
    this.pooledUdp = new PooledUdp({ udp: this.udp.exchange, tcp: this.stream.exchange })
  }

  private readonly pooledUdp: PooledUdp

  // A caller asking thousands of questions reuses one options object and one resolver object:
  // validating each once (not per query) is a measurable part of the pooled engine's rate.
  private readonly checkedOptions = new WeakMap<object, QueryOptions>()
  // ...and an inspection builds its own options object, equal to the last one: recognise it by content
  private readonly optionsByContent = new Map<string, QueryOptions>()
  private readonly checkedResolvers = new WeakSet<object>()

  readonly query = (request: DnsQueryRequest, ctx: Omit<EngineContext, 'exchanges'> = {}): Promise<DnsQueryResult> =>
    this.politeness.run(request.resolver, ctx.signal, () => this.run(request, ctx))

  private run(request: DnsQueryRequest, ctx: Omit<EngineContext, 'exchanges'>): Promise<DnsQueryResult> {
    const options = request.options ? (this.checkedOptions.get(request.options) ?? this.knownContent(request.options)) : undefined
    if (!options || !this.checkedResolvers.has(request.resolver) || typeof request.name !== 'string' || request.name.length > 1024) {
      const engineCtx = { ...ctx, exchanges: this.exchanges }
      const parsed = dnsQueryRequestSchema.safeParse(request)
      // the engine's own validation and error message for anything unusual
      if (!parsed.success) return query(request, engineCtx)
      if (request.options) this.remember(request.options, queryOptionsSchema.parse(request.options))
      if (resolverTargetSchema.safeParse(request.resolver).success) this.checkedResolvers.add(request.resolver)
      return this.runChecked(parsed.data.name, parsed.data.type, parsed.data.resolver, parsed.data.options, engineCtx)
    }
    return this.runChecked(request.name, request.type, request.resolver as ResolverTarget, options, ctx)
  }

  private knownContent(options: object): QueryOptions | undefined {
    const known = this.optionsByContent.get(JSON.stringify(options))
    if (known) this.checkedOptions.set(options, known)
    return known
  }

  private remember(input: object, options: QueryOptions): void {
    this.checkedOptions.set(input, options)
    if (this.optionsByContent.size >= 256) this.optionsByContent.clear()
    this.optionsByContent.set(JSON.stringify(input), options)
  }

  // one promise per query here, not an async function's two (the pooled engine's rate counts them)
  private runChecked(name: string, type: string | number, resolver: ResolverTarget, options: QueryOptions, ctx: Omit<EngineContext, 'exchanges'>): Promise<DnsQueryResult> {
    const running = this.pooledUdp.handles(resolver, options)
      ? this.pooledUdp.run(name, type, resolver, options, ctx.signal)
      : runQuery(name, type, resolver, options, { ...ctx, exchanges: this.exchanges })
    return running.catch(rethrowAsServiceError)
  }

  stats(): { udp: ReturnType<UdpPool['stats']>; stream: ReturnType<StreamPool['stats']> } {
    return { udp: this.udp.stats(), stream: this.stream.stats() }
  }

  close(): void {
    this.udp.close()
    this.stream.close()
  }
}

function rethrowAsServiceError(err: unknown): never {
  throw toServiceError(err)
}

