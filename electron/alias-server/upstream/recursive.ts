/** Mode (a): ask a chosen resolver through the query engine (RD=1). */
import type { AliasSettings } from '@shared/alias-server'
import type { ResolverTarget } from '@shared/dns'
import { query } from '../../dns'
import { readAnswer } from './read-answer'
import { toUpstreamError, type AddressType, type Upstream, type UpstreamAnswer } from './types'
import { formatResolver } from '@shared/resolver-target'

const MAX_HOPS = 9

export function engineOptions(settings: AliasSettings, rd: boolean) {
  return {
    rd,
    edns: true,
    udpSize: 1232,
    timeoutMs: settings.upstreamTimeoutMs,
    retries: settings.upstreamRetries,
    deadlineMs: settings.upstreamTimeoutMs * (settings.upstreamRetries + 1) + 500,
    tcpFallback: true
  }
}

export function recursiveUpstream(
  resolver: ResolverTarget,
  settings: () => AliasSettings,
  /** Names the server itself is authoritative for: a chain reaching one stops there. */
  isLocal?: (name: string) => boolean
): Upstream {
  const server = formatResolver(resolver)
  return {
    mode: 'recursive',
    label: `resolver ${server}`,
    async resolve(name: string, type: AddressType, signal: AbortSignal, subnet?: string): Promise<UpstreamAnswer> {
      const chain: string[] = []
      let ttl = Number.POSITIVE_INFINITY
      let current = name
      // A resolver chases CNAMEs itself; an authoritative server used as "resolver" stops at its
      // zone's edge, so a chain that ends without an answer or a SOA is followed from its end.
      for (let hop = 0; ; hop++) {
        let result
        try {
          result = await query({ name: current, type, resolver, options: { ...engineOptions(settings(), true), ...(subnet ? { clientSubnet: subnet } : {}) } }, { signal })
        } catch (err) {
          throw toUpstreamError(err, `resolver ${server}`)
        }
        const { answer, partial } = readAnswer(result, current, type, server)
        chain.push(...answer.chain)
        ttl = Math.min(ttl, answer.ttl)
        const next = answer.chain[answer.chain.length - 1]
        const scope = subnet ? result.edns?.clientSubnet?.scopePrefixLength : undefined
        if (!partial || hop >= MAX_HOPS || next === undefined || isLocal?.(next)) return { ...answer, chain, ttl, ...(scope !== undefined ? { scope } : {}) }
        current = next
      }
    },
    close() {}
  }
}
