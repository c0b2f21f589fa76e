/** Reads a query-engine result for (name, A|AAAA) into an UpstreamAnswer: CNAME chain, addresses, TTL. */
import type { DnsQueryResult, DnsRecord } from '@shared/dns'
import { canonicalName } from '../../dns/names'
import { EDE_NO_REACHABLE_AUTHORITY, UpstreamError, type AddressType, type UpstreamAnswer } from './types'

/** Negative answers without a SOA (RFC 2308 §5 says not to cache them; we keep them briefly). */
const NO_SOA_NEGATIVE_TTL = 5
const MAX_CHAIN = 16

export interface ReadAnswer {
  answer: UpstreamAnswer
  /**
   * The chain ends at a name this response says nothing about (no addresses, no SOA): an
   * authoritative server stopping at its zone's edge. The caller continues from chain's last name.
   */
  partial: boolean
}

function negativeTtl(authority: DnsRecord[]): number {
  const soa = authority.find((r) => r.type === 'SOA')
  if (!soa) return NO_SOA_NEGATIVE_TTL
  const minimum = Number(soa.fields?.minimum ?? soa.data.split(/\s+/)[6])
  return Number.isFinite(minimum) ? Math.min(soa.ttl, minimum) : soa.ttl
}

export function readAnswer(result: DnsQueryResult, name: string, type: AddressType, server: string): ReadAnswer {
  const rcode = result.header.rcode
  if (rcode !== 'NOERROR' && rcode !== 'NXDOMAIN') {
    const ede = result.edns?.ede[0]
    const detail = ede ? ` (EDE ${ede.code} ${ede.name}${ede.text ? `: ${ede.text}` : ''})` : ''
    throw new UpstreamError(EDE_NO_REACHABLE_AUTHORITY, `${server} answered ${rcode} for ${name} ${type}${detail}`, rcode === 'SERVFAIL' ? 'servfail' : 'network')
  }
  const answers = result.answer.map((r) => ({ ...r, owner: canonicalName(r.name) }))
  const chain: string[] = []
  let current = canonicalName(name)
  let ttl = Number.POSITIVE_INFINITY
  const seen = new Set([current])
  let looped = false
  for (let i = 0; i < MAX_CHAIN; i++) {
    const cname = answers.find((r) => r.type === 'CNAME' && r.owner === current)
    if (!cname) break
    ttl = Math.min(ttl, cname.ttl)
    current = canonicalName(cname.data)
    chain.push(current)
    if (seen.has(current)) {
      looped = true
      break
    }
    seen.add(current)
  }
  const addresses = answers.filter((r) => r.type === type && r.owner === current)
  if (addresses.length > 0) {
    const addressTtl = Math.min(...addresses.map((r) => r.ttl))
    ttl = Math.min(ttl, addressTtl)
    return { answer: { status: 'addresses', addresses: addresses.map((r) => r.data), ttl, addressTtl, chain, server }, partial: false }
  }
  const hasSoa = result.authority.some((r) => r.type === 'SOA')
  const status = rcode === 'NXDOMAIN' ? 'nxdomain' : 'nodata'
  const partial = status === 'nodata' && !hasSoa && chain.length > 0 && !looped
  // a partial answer's TTL is its CNAMEs'; the caller adds the rest of the chain's
  return {
    answer: { status, addresses: [], ttl: partial ? ttl : Math.min(ttl, negativeTtl(result.authority)), chain, server },
    partial
  }
}
