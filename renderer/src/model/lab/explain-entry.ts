import type { QueryLogEntry } from '@shared/alias-server'
import { formatDuration, formatTtl } from '../../format/time'

const rtt = (ms: number | null) => (ms === null ? '' : ` (${formatDuration(ms)})`)

/** In plain words, what the ALIAS server did to produce this answer. Pure. */
export function explainEntry(entry: QueryLogEntry): string {
  const what = `${entry.name} ${entry.type}`
  const ttl = entry.ttl === null ? '' : ` with TTL ${formatTtl(entry.ttl)}`
  const parts: string[] = []
  if (entry.rcode === 'REFUSED') parts.push(`Refused: ${entry.name} is outside the zones this server answers for.`)
  else if (entry.rcode === 'NXDOMAIN') parts.push(`No such name: ${entry.name} does not exist in the zone; the SOA in the answer tells resolvers how long to remember that${ttl}.`)
  else if (entry.rcode === 'SERVFAIL') parts.push(`Server failure: the target of the ALIAS could not be resolved${rtt(entry.upstreamRttMs)} and there was no earlier answer to serve stale.`)
  else {
    switch (entry.cache) {
      case 'none':
        parts.push(entry.answer
          ? `Static data: ${what} comes from the server's own zone data (the lab zone, or the simulated target's)${ttl}; no upstream was involved.`
          : `No data: ${entry.name} exists but has no ${entry.type} records${ttl}.`)
        break
      case 'hit':
        parts.push(`Synthesised from the cache: the server held a fresh copy of the ALIAS target's ${entry.type} records, copied their addresses to ${entry.name} and served them${ttl} — at most what is left of the target's TTL, capped by the ALIAS record's TTL.`)
        break
      case 'miss':
        parts.push(`Cache miss: the server had no fresh copy of the ALIAS target, asked the upstream${rtt(entry.upstreamRttMs)}, then answered ${what} with the target's addresses${ttl}. A CNAME would have sent the resolver to ask for the target itself.`)
        break
      case 'refresh':
        parts.push(`Served from the cache${ttl} and refreshed ahead: the target's TTL was nearly out, so the server answered at once and fetched the target again in the background${rtt(entry.upstreamRttMs)}.`)
        break
      case 'stale':
        parts.push(`Served stale (RFC 8767): the upstream failed or was too slow, so the last good answer went out${ttl}, a short TTL so that resolvers ask again soon.`)
        break
    }
  }
  if (entry.rule) parts.push(`Rule: ${entry.rule}.`)
  if (entry.ede) parts.push(`Extended DNS Error ${entry.ede.code}: ${entry.ede.text}.`)
  if (entry.truncated) parts.push('Truncated (TC): the answer did not fit the UDP size; a real client retries over TCP.')
  return parts.join(' ')
}
