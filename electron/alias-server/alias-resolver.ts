/**
 * Resolves an ALIAS target to address records: follows ALIAS and CNAME links through the server's
 * own zones, then asks the upstream (through the target cache) for the first name outside them.
 * A loop or more than MAX_CHAIN links ends the resolution with an error the caller turns into
 * SERVFAIL + EDE.
 */
import { RR_TYPES } from '@shared/dns-codes'
import type { AliasSettings, CacheStatus } from '@shared/alias-server'
import { displayName } from '../dns/names'
import type { TargetCache, TargetSnapshot } from './target-cache'
import type { UpstreamError } from './upstream/types'
import { servedTtl } from './ttl-policy'
import type { DynamicTtl } from './wire/message-builder'
import { aliasFor, type CompiledZone, type ZoneSet } from './zone-set'

export const MAX_CHAIN = 8

export interface ResolveContext {
  zones: ZoneSet
  settings: AliasSettings
  targets: TargetCache
  /** The client subnet to forward to targets (ECS), when the profile forwards it. */
  subnet?: string
}

export type AliasResult =
  | {
      kind: 'addresses'
      addresses: string[]
      rdata: Buffer[]
      /** TTL for the records as of now. */
      ttl: number
      /** Set when the TTL counts down with a cache entry. */
      dynamic?: DynamicTtl
    }
  | { kind: 'missing'; nxdomain: boolean; target: string; negativeTtl: number; dynamic?: DynamicTtl }
  | { kind: 'failure'; error: UpstreamError }
  | { kind: 'loop'; text: string }
  | { kind: 'too-long'; text: string }

export interface AliasResolution {
  result: AliasResult
  cache: CacheStatus
  rttMs: number | null
  /** Until when an answer built from this resolution may be reused (ms); Infinity: zone data only. */
  validUntil: number
  /** The target cache entries read, as read: the answer is valid while each keeps its version. */
  deps: TargetSnapshot[]
  /** Set when the data is stale: why (RFC 8767). */
  stale?: UpstreamError
}

const loop = (visited: string[], name: string): AliasResult => ({
  kind: 'loop',
  text: `ALIAS loop: ${[...visited, name].map(displayName).join(' → ')}`
})
const tooLong = (): AliasResult => ({ kind: 'too-long', text: `ALIAS chain longer than ${MAX_CHAIN}` })

/** A name answered from the server's own zone data (not a simulated zone, not below a cut). */
function localZone(zones: ZoneSet, name: string): CompiledZone | null {
  const zone = zones.find(name)
  return zone && zone.kind === 'static' && !zone.findCut(name) ? zone : null
}

/**
 * `owner` holds the ALIAS (TTL `aliasTtl`) to `target`. `visited` are the names already on the
 * chain before `owner` (the CNAMEs that led to it) and `hops` the links they used.
 */
export async function resolveAlias(
  ctx: ResolveContext,
  owner: string,
  target: string,
  aliasTtl: number,
  type: 'A' | 'AAAA',
  visitedBefore: string[] = [],
  hopsBefore = 0
): Promise<AliasResolution> {
  const visited = [...visitedBefore, owner]
  const typeCode = type === 'A' ? RR_TYPES.A : RR_TYPES.AAAA
  const deps: TargetSnapshot[] = []
  let validUntil = Number.POSITIVE_INFINITY
  let cache: CacheStatus = 'none'
  let rttMs: number | null = null
  let stale: UpstreamError | undefined
  const done = (result: AliasResult): AliasResolution => ({ result, cache, rttMs, validUntil, deps, ...(stale ? { stale } : {}) })
  let name = target
  let cap = aliasTtl
  let hops = hopsBefore + 1

  for (;;) {
    if (hops > MAX_CHAIN) return done(tooLong())
    if (visited.includes(name)) return done(loop(visited, name))
    const zone = localZone(ctx.zones, name)
    if (zone) {
      visited.push(name)
      let node = zone.node(name)
      if (!node) {
        const w = zone.lookupWildcard(name)
        node = w.wildcardOwner ? zone.node(w.wildcardOwner) : undefined
        if (!node) return done({ kind: 'missing', nxdomain: !w.emptyNonTerminal, target: name, negativeTtl: Math.min(cap, zone.negativeTtl) })
      }
      const link = aliasFor(node, typeCode) ?? node.get(RR_TYPES.CNAME)
      if (link) {
        cap = Math.min(cap, link.ttl)
        name = link.records[0]!.rdata[0]!
        hops++
        continue
      }
      const set = node.get(typeCode)
      if (!set) return done({ kind: 'missing', nxdomain: false, target: name, negativeTtl: Math.min(cap, zone.negativeTtl) })
      const now = Date.now()
      return done({ kind: 'addresses', addresses: set.texts, rdata: set.rdata, ttl: servedTtl(ctx.settings.ttlPolicy, cap, set.ttl, now, now) })
    }

    visited.push(name)
    const lookup = await ctx.targets.lookup(name, type, ctx.subnet)
    deps.push(lookup.snapshot)
    validUntil = Math.min(validUntil, lookup.validUntil)
    rttMs = lookup.rttMs
    if (lookup.kind === 'failure') {
      cache = 'miss'
      return done({ kind: 'failure', error: lookup.error })
    }
    cache = lookup.status
    if (lookup.status === 'stale') stale = lookup.staleReason
    const data = lookup.data
    for (const next of data.chain) {
      hops++
      if (hops > MAX_CHAIN) return done(tooLong())
      if (visited.includes(next)) return done(loop(visited, next))
      visited.push(next)
    }
    const end = data.chain[data.chain.length - 1]
    if (data.status !== 'addresses' && end !== undefined && localZone(ctx.zones, end)) {
      // the chain came back into our own zones: continue there
      visited.pop()
      cap = Math.min(cap, data.ttl)
      name = end
      continue
    }
    const dynamic: DynamicTtl | undefined = stale ? undefined : { source: lookup.snapshot, cap }
    if (data.status !== 'addresses') {
      return done({ kind: 'missing', nxdomain: data.status === 'nxdomain', target: name, negativeTtl: data.ttl, ...(dynamic ? { dynamic } : {}) })
    }
    return done({ kind: 'addresses', addresses: data.addresses, rdata: data.rdata, ttl: 0, ...(dynamic ? { dynamic } : {}) })
  }
}
