import type { DnsQueryResult, DnsTransport } from '@shared/dns'
import type { MatchExpectation } from '../match-response'

/** A resolver target after validation: the address to dial and the names to present. */
export interface Endpoint {
  transport: DnsTransport
  /** As given by the caller (shown in results and messages). */
  host: string
  /** What to dial: a canonical IP literal for UDP/TCP; for DoT/DoH possibly a host name. */
  address: string
  port: number
  /** SNI and the name checked against the certificate; undefined = check the IP literal. */
  servername?: string
  /** DoH only. */
  url?: URL
  dohMethod: 'POST' | 'GET'
  label?: string
}

/** Counters that outlive a failed attempt. */
export interface ExchangeStats {
  ignored: number
  lastIgnoredReason?: string
}

export interface ExchangeRequest {
  endpoint: Endpoint
  query: Buffer
  expect: MatchExpectation
  /** This attempt's budget (min of the per-attempt timeout and what is left of the deadline). */
  timeoutMs: number
  signal?: AbortSignal
  /** Extra trusted CA certificates (PEM) for DoT/DoH. */
  ca?: string | Buffer
  stats: ExchangeStats
}

export interface ExchangeResult {
  response: Buffer
  connectMs?: number
  exchangeMs: number
  receivedAtMonoMs: number
  tls?: DnsQueryResult['tls']
  http?: DnsQueryResult['http']
}

export type Exchange = (req: ExchangeRequest) => Promise<ExchangeResult>

export function describeEndpoint(e: Endpoint): string {
  const host = e.address.includes(':') ? `[${e.address}]` : e.address
  return `${host}#${e.port} over ${e.transport.toUpperCase()}`
}
