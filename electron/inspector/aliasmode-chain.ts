/**
 * Follows HTTPS AliasMode (RFC 9460 §2.4.2, §3) as a client does: ask HTTPS at the name; a record
 * with priority 0 sends the client on to its TargetName; stop at ServiceMode records, at a name
 * without HTTPS records (the client then uses that name's A/AAAA), at TargetName "." (service
 * unavailable, §2.5.1), at a loop, or after MAX_ALIAS_HOPS (§3.1 asks clients to bound the chain).
 * Answers are hostile: malformed records are skipped, never trusted.
 */
import type { DnsQueryResult } from '@shared/dns'
import type { Ask } from './query-port'
import { parseSvcbData } from './suggest'
import { typedName } from '../dns/names'

const MAX_ALIAS_HOPS = 8

export interface AliasModeHop {
  name: string
  target: string
  ttl: number
}

export interface AliasModeChain {
  start: string
  chain: AliasModeHop[]
  end: 'service' | 'no-https' | 'unavailable' | 'loop' | 'too-long' | 'error'
  /** Where the client connects: ServiceMode's TargetName ('.' → the owner), or the last name of the chain. */
  final: string
  /** The ServiceMode records at the end, in presentation form. */
  service: string[]
  a: string[]
  aaaa: string[]
  problem?: string
}

function httpsRecords(result: DnsQueryResult): Array<{ priority: number; target: string; data: string; ttl: number }> {
  return result.answer.flatMap((r) => {
    if (r.type !== 'HTTPS') return []
    const svcb = parseSvcbData(r.data)
    return svcb ? [{ ...svcb, data: r.data, ttl: r.ttl }] : []
  })
}

async function addresses(ask: Ask, name: string, type: 'A' | 'AAAA'): Promise<string[]> {
  try {
    return (await ask(name, type)).answer.filter((r) => r.type === type).map((r) => r.data)
  } catch {
    return []
  }
}

export async function followAliasMode(ask: Ask, start: string): Promise<AliasModeChain> {
  const chain: AliasModeHop[] = []
  const visited = [typedName(start)]
  let name = typedName(start)
  const done = async (end: AliasModeChain['end'], final: string, service: string[] = [], problem?: string): Promise<AliasModeChain> => {
    const reachable = end === 'service' || end === 'no-https'
    const [a, aaaa] = reachable ? await Promise.all([addresses(ask, final, 'A'), addresses(ask, final, 'AAAA')]) : [[], []]
    return { start: typedName(start), chain, end, final, service, a, aaaa, ...(problem ? { problem } : {}) }
  }
  for (;;) {
    let result: DnsQueryResult
    try {
      result = await ask(name, 'HTTPS')
    } catch (error) {
      return done('error', name, [], error instanceof Error ? error.message : String(error))
    }
    const records = httpsRecords(result)
    if (records.length === 0) return done('no-https', name)
    const alias = records.find((r) => r.priority === 0)
    if (!alias) {
      const best = [...records].sort((x, y) => x.priority - y.priority)[0]!
      return done('service', best.target === '.' ? name : best.target, records.map((r) => r.data))
    }
    if (alias.target === '.') return done('unavailable', name)
    chain.push({ name, target: alias.target, ttl: alias.ttl })
    if (visited.includes(alias.target)) return done('loop', alias.target, [], `AliasMode loop: ${[...visited, alias.target].join(' → ')}`)
    if (chain.length >= MAX_ALIAS_HOPS) return done('too-long', alias.target, [], `AliasMode chain longer than ${MAX_ALIAS_HOPS}`)
    visited.push(alias.target)
    name = alias.target
  }
}
