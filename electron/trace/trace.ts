/**
 * Iterative resolution from the root, as `dig +trace` does it: the root's NS from the given server,
 * then the name asked of one server of each zone in turn (RD=0), following referrals down to the
 * answer. Every server is asked on the same port (dig's `-p`), which is how the local trust chain
 * lays out its servers. Responses are hostile: a referral must lead strictly downwards, towards the name.
 */
import type { DnsQueryRequest, DnsQueryResult, DnsRecord } from '@shared/dns'
import { query } from '../dns'
import { canonicalName, isAtOrBelow } from '../dns/names'

export interface TraceServer {
  host: string
  port: number
  /** The NS name it was picked for (absent for the starting server). */
  name?: string
}

export interface TraceStep {
  /** root: the `. NS` question to the starting server; referral: a delegation; answer: the end. */
  kind: 'root' | 'referral' | 'answer'
  /** The zone this step is about: `.`, the delegated zone, or the zone that answered. */
  zone: string
  server: TraceServer
  /** What dig prints for the step: the answer section, or the authority section of a referral. */
  records: DnsRecord[]
  /** The zone's name servers with their glue addresses (root and referral steps). */
  nameServers: { name: string; addresses: string[] }[]
  result: DnsQueryResult
}

export interface TraceResult {
  name: string
  type: string
  steps: TraceStep[]
  /** Why the trace stopped before an answer, if it did. */
  error?: string
}

export interface TraceOptions {
  name: string
  type: string
  /** The server asked for the root's NS (dig's `@server`); its port is used for every server. */
  start: { host: string; port: number }
  dnssec?: boolean
  timeoutMs?: number
  signal?: AbortSignal
  /** The query engine (tests may count calls); default: the real one. */
  ask?: TraceAsk
}

export type TraceAsk = (request: DnsQueryRequest, signal?: AbortSignal) => Promise<DnsQueryResult>
export const engineAsk: TraceAsk = (request, signal) => query(request, { signal })

const MAX_STEPS = 16

function nameServersOf(records: DnsRecord[], additional: DnsRecord[], zone: string): TraceStep['nameServers'] {
  return records
    .filter((r) => r.type === 'NS' && canonicalName(r.name) === zone)
    .map((r) => {
      const name = canonicalName(r.data)
      const addresses = additional.filter((a) => (a.type === 'A' || a.type === 'AAAA') && canonicalName(a.name) === name).map((a) => a.data)
      return { name, addresses }
    })
}

/** The servers to ask next: each glue address (IPv4 first), in the order the NS came. */
function candidates(step: TraceStep, port: number): TraceServer[] {
  return step.nameServers.flatMap((ns) => [...ns.addresses].sort((a, b) => Number(a.includes(':')) - Number(b.includes(':'))).map((host) => ({ host, port, name: ns.name })))
}

export async function trace(options: TraceOptions): Promise<TraceResult> {
  const name = canonicalName(options.name)
  const type = options.type.toUpperCase()
  const ask = options.ask ?? engineAsk
  const dnssec = options.dnssec ?? false
  const port = options.start.port
  const request = (host: string, qname: string, qtype: string, rd: boolean): DnsQueryRequest => ({
    name: qname,
    type: qtype,
    resolver: { transport: 'udp', host, port },
    options: { rd, dnssecOk: dnssec, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) }
  })
  const steps: TraceStep[] = []
  const out = (error?: string): TraceResult => ({ name, type, steps, ...(error ? { error } : {}) })

  const first = await ask(request(options.start.host, '.', 'NS', true), options.signal)
  const rootServers = nameServersOf(first.answer, first.additional, '.')
  steps.push({ kind: 'root', zone: '.', server: { ...options.start }, records: first.answer, nameServers: rootServers, result: first })
  if (rootServers.length === 0) return out(`${options.start.host} gave no NS records for the root`)

  let zone = '.'
  for (let i = 0; i < MAX_STEPS; i++) {
    const last = steps.at(-1)!
    const servers = candidates(last, port)
    if (servers.length === 0) return out(`no address (glue) for any name server of ${zone}`)
    let result: DnsQueryResult | undefined
    let server: TraceServer | undefined
    const failures: string[] = []
    for (const s of servers) {
      try {
        result = await ask(request(s.host, name, type, false), options.signal)
        server = s
        break
      } catch (error) {
        failures.push(`${s.host}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    if (!result || !server) return out(`no server of ${zone} answered (${failures.join('; ')})`)
    const cutNs = result.authority.find((r) => r.type === 'NS')
    const cut = cutNs ? canonicalName(cutNs.name) : null
    if (result.answer.length > 0 || result.header.flags.aa || result.header.rcode !== 'NOERROR' || !cut) {
      steps.push({ kind: 'answer', zone, server, records: result.answer.length > 0 ? result.answer : result.authority, nameServers: [], result })
      return out()
    }
    if (cut === zone || !isAtOrBelow(cut, zone) || !isAtOrBelow(name, cut)) {
      return out(`${server.host} sent a referral to ${cut}, which does not lead from ${zone} towards ${name}`)
    }
    zone = cut
    steps.push({ kind: 'referral', zone, server, records: result.authority, nameServers: nameServersOf(result.authority, result.additional, zone), result })
  }
  return out(`more than ${MAX_STEPS} referrals`)
}
