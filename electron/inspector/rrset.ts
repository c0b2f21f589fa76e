import type { DnsQueryResult, DnsRecord } from '@shared/dns'
import type { CnameLink, ObservedRecord } from '@shared/inspector'
import { typedName } from '../dns/names'

export interface WalkState {
  chain: CnameLink[]
  /** Names already on the chain (canonical), for loop detection. */
  visited: Set<string>
}

export interface WalkOutcome {
  records: DnsRecord[]
  /** Where the walk stopped: the owner of `records`, or a CNAME target the answer does not cover. */
  end: string
  problem?: 'loop' | 'too-long'
}

const MAX_CHAIN = 16

/**
 * Follows the CNAMEs of one answer section from `start`, adding links to `state`, and returns the
 * records of `type` at the end. Asking for CNAME itself follows nothing.
 */
export function walkAnswer(answer: readonly DnsRecord[], start: string, type: string, state: WalkState): WalkOutcome {
  let current = typedName(start)
  state.visited.add(current)
  const wanted = type.toUpperCase()
  for (;;) {
    const owned = answer.filter((record) => typedName(record.name) === current)
    const records = owned.filter((record) => record.type.toUpperCase() === wanted)
    if (records.length > 0 || wanted === 'CNAME') return { records, end: current }
    const cname = owned.find((record) => record.type === 'CNAME')
    if (!cname) return { records: [], end: current }
    const target = typedName(cname.data)
    state.chain.push({ name: current, target, ttl: cname.ttl })
    if (state.visited.has(target)) return { records: [], end: target, problem: 'loop' }
    if (state.chain.length >= MAX_CHAIN) return { records: [], end: target, problem: 'too-long' }
    state.visited.add(target)
    current = target
  }
}

export function observed(record: DnsRecord, result: DnsQueryResult): ObservedRecord {
  return {
    name: typedName(record.name),
    type: record.type,
    ttl: record.ttl,
    data: record.data,
    receivedAtWallMs: result.receivedAtWallMs,
    receivedAtMonoMs: result.receivedAtMonoMs
  }
}

/** An SOA in the authority section: the response is a complete negative answer, not a cut-short chain. */
export const hasAuthoritySoa = (result: DnsQueryResult): boolean =>
  result.authority.some((record) => record.type === 'SOA')
