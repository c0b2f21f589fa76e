/**
 * The cost of the extra lookup, measured from outside: the apex's A answers timed at one of the zone's
 * own servers, beside the apex SOA (a static record of the same zone on the same server). An apex answer
 * that took clearly longer than the static ones waited for the ALIAS target (cold); the rest were warm.
 */
import { lookupCostFromTimings, type LookupCost } from '@shared/alias-server'
import type { QueryOptionsInput } from '@shared/dns'
import type { QueryFn } from './query-port'

export interface LookupCostProbe {
  queryFn: QueryFn
  server: { address: string; port: number }
  apex: string
  options: QueryOptionsInput
  signal?: AbortSignal
  /** Apex/static pairs to time (default 5). */
  rounds?: number
  /** Pause between rounds, so that a short-lived cache entry can expire between them (default 0). */
  pauseMs?: number
}

export interface MeasuredLookupCost extends LookupCost {
  /** Per apex answer, in order: whether it was classed cold. */
  cold: boolean[]
}

export async function measureLookupCost(probe: LookupCostProbe): Promise<MeasuredLookupCost> {
  const { queryFn, server, apex, options, signal } = probe
  const ask = async (type: string): Promise<number> => {
    const r = await queryFn({ name: apex, type, resolver: { transport: 'udp', host: server.address, port: server.port }, options: { ...options, rd: false } }, { signal })
    return r.timing.exchangeMs
  }
  const apexMs: number[] = []
  const staticMs: number[] = []
  const rounds = probe.rounds ?? 5
  for (let i = 0; i < rounds; i++) {
    if (i > 0 && probe.pauseMs) await new Promise((resolve) => setTimeout(resolve, probe.pauseMs))
    apexMs.push(await ask('A'))
    staticMs.push(await ask('SOA'))
  }
  return lookupCostFromTimings(apexMs, staticMs, `${apex} SOA`)
}
