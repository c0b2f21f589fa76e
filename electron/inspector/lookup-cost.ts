/**
 * The cost of the extra lookup, measured from outside: the apex's A answers timed at one of the zone's
 * own servers, beside the apex SOA (a static record of the same zone on the same server). An apex answer
 * that took clearly longer than the static ones waited for the ALIAS target (cold); the rest were warm.
 */
import { lookupCostFromTimings, type LookupCost } from '@shared/alias-server'
import { directAsk, type AuthoritativeDeps } from './query-port'

export interface LookupCostProbe extends AuthoritativeDeps {
  server: { address: string; port: number }
  apex: string
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
  const direct = directAsk({ transport: 'udp', host: probe.server.address, port: probe.server.port }, probe)
  const ask = async (type: string): Promise<number> => (await direct(probe.apex, type)).timing.exchangeMs
  const apexMs: number[] = []
  const staticMs: number[] = []
  const rounds = probe.rounds ?? 5
  for (let i = 0; i < rounds; i++) {
    if (i > 0 && probe.pauseMs) await new Promise((resolve) => setTimeout(resolve, probe.pauseMs))
    apexMs.push(await ask('A'))
    staticMs.push(await ask('SOA'))
  }
  return lookupCostFromTimings(apexMs, staticMs, `${probe.apex} SOA`)
}
