/**
 * Mode (b): find the target zone's name servers through a bootstrap resolver (SOA walk for the
 * apex, NS, then their addresses), and ask them directly with RD=0. No resolver cache sits between
 * the target's authority and us, so its TTLs arrive whole and changes are seen at once.
 */
import type { AliasSettings } from '@shared/alias-server'
import type { DnsQueryResult, ResolverTarget } from '@shared/dns'
import { query } from '../../dns'
import { canonicalName, selfAndAncestors } from '../../dns/names'
import { readAnswer } from './read-answer'
import { engineOptions } from './recursive'
import { EDE_NO_REACHABLE_AUTHORITY, toUpstreamError, UpstreamError, type AddressType, type Upstream, type UpstreamAnswer } from './types'
import { formatResolver } from '@shared/resolver-target'

export interface AuthoritativeOptions {
  bootstrap: ResolverTarget
  /** Port the target's name servers listen on (53 in the wild). */
  serverPort: number
  settings: () => AliasSettings
  /** Names the server itself is authoritative for: a chain reaching one stops there. */
  isLocal?: (name: string) => boolean
}

const MAX_HOPS = 9
const MAX_REFERRALS = 4
const MIN_CACHE_S = 1
const MAX_CACHE_S = 3600
const MAX_REMEMBERED = 10_000

interface Timed<T> {
  value: T
  expiresAt: number
}

export function authoritativeUpstream(options: AuthoritativeOptions): Upstream {
  const { bootstrap, serverPort, settings } = options
  const bootstrapLabel = formatResolver(bootstrap)
  const apexes = new Map<string, Timed<string>>()
  const servers = new Map<string, Timed<string[]>>()
  const keep = (ttl: number): number => Date.now() + Math.min(MAX_CACHE_S, Math.max(MIN_CACHE_S, ttl)) * 1000
  const remember = <T>(map: Map<string, Timed<T>>, key: string, value: Timed<T>): void => {
    if (map.size >= MAX_REMEMBERED) map.clear()
    map.set(key, value)
  }

  const ask = async (name: string, type: string, signal: AbortSignal): Promise<DnsQueryResult> => {
    try {
      return await query({ name, type, resolver: bootstrap, options: engineOptions(settings(), true) }, { signal })
    } catch (err) {
      throw toUpstreamError(err, `bootstrap resolver ${bootstrapLabel}`)
    }
  }

  /** The apex of the zone holding `name`: the first ancestor whose SOA answers for itself. */
  const findApex = async (name: string, signal: AbortSignal): Promise<string> => {
    const cached = apexes.get(name)
    if (cached && cached.expiresAt > Date.now()) return cached.value
    for (const candidate of selfAndAncestors(name)) {
      if (candidate === '.') break
      const r = await ask(candidate, 'SOA', signal)
      const own = r.answer.find((x) => x.type === 'SOA' && canonicalName(x.name) === candidate)
      const soa = own ?? (r.answer.length === 0 ? r.authority.find((x) => x.type === 'SOA') : undefined)
      if (soa) {
        const apex = canonicalName(soa.name)
        remember(apexes, name, { value: apex, expiresAt: keep(soa.ttl) })
        return apex
      }
    }
    throw new UpstreamError(EDE_NO_REACHABLE_AUTHORITY, `bootstrap resolver ${bootstrapLabel} knows no zone for ${name}`, 'network')
  }

  /** Addresses of the apex's name servers (glue first, then the bootstrap resolver). */
  const findServers = async (apex: string, signal: AbortSignal): Promise<string[]> => {
    const cached = servers.get(apex)
    if (cached && cached.expiresAt > Date.now()) return cached.value
    const r = await ask(apex, 'NS', signal)
    const ns = r.answer.filter((x) => x.type === 'NS' && canonicalName(x.name) === apex)
    if (ns.length === 0) throw new UpstreamError(EDE_NO_REACHABLE_AUTHORITY, `${apex} has no NS records (asked ${bootstrapLabel})`, 'network')
    let ttl = Math.min(...ns.map((x) => x.ttl))
    const addresses: string[] = []
    for (const record of ns) {
      const host = canonicalName(record.data)
      const glue = r.additional.filter((x) => (x.type === 'A' || x.type === 'AAAA') && canonicalName(x.name) === host)
      const found = glue.length > 0 ? glue : (await Promise.all(['A', 'AAAA'].map((t) => ask(host, t, signal).catch(() => undefined))))
        .flatMap((x) => x?.answer ?? [])
        .filter((x) => (x.type === 'A' || x.type === 'AAAA') && canonicalName(x.name) === host)
      for (const a of found) {
        ttl = Math.min(ttl, a.ttl)
        if (!addresses.includes(a.data)) addresses.push(a.data)
      }
    }
    if (addresses.length === 0) throw new UpstreamError(EDE_NO_REACHABLE_AUTHORITY, `no address for any name server of ${apex}`, 'network')
    remember(servers, apex, { value: addresses, expiresAt: keep(ttl) })
    return addresses
  }

  /** Asks each server in turn (RD=0) until one answers NOERROR or NXDOMAIN. */
  const askServers = async (addresses: string[], name: string, type: AddressType, signal: AbortSignal, subnet?: string) => {
    const failures: string[] = []
    for (const host of addresses) {
      const server = formatResolver({ transport: 'udp', host, port: serverPort })
      try {
        const result = await query(
          { name, type, resolver: { transport: 'udp', host, port: serverPort }, options: { ...engineOptions(settings(), false), ...(subnet ? { clientSubnet: subnet } : {}) } },
          { signal }
        )
        if (result.header.rcode === 'NOERROR' || result.header.rcode === 'NXDOMAIN') return { result, server }
        failures.push(`${server} answered ${result.header.rcode}`)
      } catch (err) {
        failures.push(toUpstreamError(err, server).message)
      }
      if (signal.aborted) break
    }
    const timeouts = failures.every((f) => /timed out|timeout|deadline/i.test(f))
    throw new UpstreamError(timeouts ? EDE_NO_REACHABLE_AUTHORITY : 23, `no name server for ${name} answered: ${failures.join('; ')}`)
  }

  return {
    mode: 'authoritative',
    label: `authoritative servers (bootstrap ${bootstrapLabel})`,
    async resolve(name: string, type: AddressType, signal: AbortSignal, subnet?: string): Promise<UpstreamAnswer> {
      const chain: string[] = []
      let ttl = Number.POSITIVE_INFINITY
      // the narrowest ECS scope any server of the chain answered with (RFC 7871 §7.3.1)
      let scope: number | undefined
      let current = name
      for (let hop = 0; ; hop++) {
        let apex = await findApex(current, signal)
        let exchange = await askServers(await findServers(apex, signal), current, type, signal, subnet)
        // a referral (no AA, NS below the apex in authority): follow it to the child zone
        for (let i = 0; i < MAX_REFERRALS && !exchange.result.header.flags.aa; i++) {
          const cut = exchange.result.authority.find((x) => x.type === 'NS' && canonicalName(x.name) !== apex)
          if (!cut || exchange.result.answer.length > 0) break
          apex = canonicalName(cut.name)
          remember(apexes, current, { value: apex, expiresAt: keep(cut.ttl) })
          exchange = await askServers(await findServers(apex, signal), current, type, signal, subnet)
        }
        const { answer, partial } = readAnswer(exchange.result, current, type, exchange.server)
        chain.push(...answer.chain)
        ttl = Math.min(ttl, answer.ttl)
        const echoed = subnet ? exchange.result.edns?.clientSubnet?.scopePrefixLength : undefined
        if (echoed !== undefined) scope = Math.max(scope ?? 0, echoed)
        const next = answer.chain[answer.chain.length - 1]
        if (!partial || hop >= MAX_HOPS || next === undefined || options.isLocal?.(next)) return { ...answer, chain, ttl, ...(scope !== undefined ? { scope } : {}) }
        current = next
      }
    },
    close() {
      apexes.clear()
      servers.clear()
    }
  }
}
