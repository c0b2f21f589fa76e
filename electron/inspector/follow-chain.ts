import { performance } from 'node:perf_hooks'
import type { DnsQueryResult } from '@shared/dns'
import type { RrsetObservation } from '@shared/inspector'
import { typedName } from '../dns/names'
import { errorOf, type Ask } from './query-port'
import { hasAuthoritySoa, observed, walkAnswer, type WalkState } from './rrset'

const MAX_QUERIES = 6

/**
 * Asks `name`/`type` and follows the CNAME chain to its end. A recursive resolver returns the whole
 * chain at once; an authoritative server stops at its zone's edge, so the rest is asked hop by hop
 * (at most MAX_QUERIES questions, loops detected).
 */
export async function observeRrset(ask: Ask, nameInput: string, type: string): Promise<RrsetObservation> {
  const name = typedName(nameInput)
  const started = performance.now()
  const state: WalkState = { chain: [], visited: new Set() }
  let current = name
  let last: DnsQueryResult | undefined
  let queries = 0
  const base = (): Omit<RrsetObservation, 'status' | 'records' | 'chainEnd'> => ({
    name,
    type,
    chain: state.chain,
    authoritative: last?.header.flags.aa ?? false,
    recursionAvailable: last?.header.flags.ra ?? false,
    ...(last ? { rcode: last.header.rcode } : {}),
    queries,
    durationMs: performance.now() - started,
    receivedAtWallMs: last?.receivedAtWallMs ?? Date.now(),
    receivedAtMonoMs: last?.receivedAtMonoMs ?? performance.now()
  })
  while (queries < MAX_QUERIES) {
    queries++
    try {
      last = await ask(current, type)
    } catch (error) {
      return { ...base(), status: 'error', error: errorOf(error), records: [], chainEnd: current }
    }
    const result = last
    const walk = walkAnswer(result.answer, current, type, state)
    const records = walk.records.map((record) => observed(record, result))
    const ttls = [...state.chain.map((link) => link.ttl), ...records.map((record) => record.ttl)]
    const done = (status: RrsetObservation['status']): RrsetObservation => ({
      ...base(),
      status,
      records,
      chainEnd: walk.end,
      ...(walk.problem ? { chainProblem: walk.problem } : {}),
      ...(ttls.length > 0 ? { effectiveTtl: Math.min(...ttls) } : {})
    })
    if (records.length > 0) return done('ok')
    if (walk.problem) return done('error')
    if (result.header.rcode === 'NXDOMAIN') return done('nxdomain')
    if (result.header.rcode !== 'NOERROR') {
      return {
        ...done('error'),
        error: {
          code: result.header.rcode === 'REFUSED' ? 'refused' : 'unreachable',
          message: `${result.header.rcode} for ${walk.end} ${type}`
        }
      }
    }
    const cutShort = walk.end !== current && !hasAuthoritySoa(result)
    if (!cutShort) return done('nodata')
    current = walk.end
  }
  return {
    ...base(),
    status: 'error',
    error: { code: 'malformed', message: `the CNAME chain from ${name} needs more than ${MAX_QUERIES} queries` },
    records: [],
    chainEnd: current,
    chainProblem: 'too-long'
  }
}
