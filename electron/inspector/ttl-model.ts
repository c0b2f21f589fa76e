import type { CacheAge, RrsetObservation } from '@shared/inspector'

/**
 * A recursive resolver counts a cached record's TTL down; the authoritative TTL is where it started.
 * The difference is how long the resolver has held the record.
 */
export function cacheAge(name: string, type: string, resolverTtl: number, authoritativeTtl: number): CacheAge {
  const base = { name, type, resolverTtl, authoritativeTtl }
  if (resolverTtl < authoritativeTtl) {
    const held = authoritativeTtl - resolverTtl
    return { ...base, state: 'cached', cachedForSeconds: held, text: `cached for ${held} s of ${authoritativeTtl} s` }
  }
  if (resolverTtl === authoritativeTtl) {
    return { ...base, state: 'full', cachedForSeconds: 0, text: `full TTL (${authoritativeTtl} s): just fetched, or not cached` }
  }
  return {
    ...base,
    state: 'above',
    cachedForSeconds: 0,
    text: `TTL ${resolverTtl} s above the authoritative ${authoritativeTtl} s: the resolver raises TTLs, or the record changed`
  }
}

/** The cache age of an RRset seen through a resolver, when it came from a cache (not an AA answer). */
export function rrsetCacheAge(observation: RrsetObservation, authoritativeTtl: number | undefined): CacheAge | undefined {
  if (authoritativeTtl === undefined || observation.status !== 'ok' || observation.authoritative) return undefined
  if (observation.chain.length > 0) return undefined
  const ttl = Math.min(...observation.records.map((record) => record.ttl))
  return cacheAge(observation.name, observation.type, ttl, authoritativeTtl)
}
