import { performance } from 'node:perf_hooks'
import type { DnsQueryResult, DnsTransport, QueryOptions, ResolverTarget } from '@shared/dns'
import { ServiceError } from '@shared/errors'
import { buildQuery, randomId, withId, type BuiltQuery } from './build-query'
import { decodeMessage, type DecodedMessage } from './decode-message'
import { ednsInfo } from './edns-info'
import { normalizeName } from './names'
import { opcodeName, RCODES, rcodeName, typeName } from '@shared/dns-codes'
import { resolveEndpoint } from './resolve-endpoint'
import { dnsSockets } from './socket-limit'
import { CLASS_IN, parseQueryType } from './rr-types'
import { dohExchange } from './transports/doh'
import { dotExchange } from './transports/dot'
import { tcpExchange } from './transports/tcp'
import type { Endpoint, Exchange, ExchangeResult, ExchangeStats } from './transports/transport'
import { udpExchange } from './transports/udp'

const EXCHANGES: Record<DnsTransport, Exchange> = {
  udp: udpExchange,
  tcp: tcpExchange,
  dot: dotExchange,
  doh: dohExchange
}

export interface EngineContext {
  signal?: AbortSignal
  /** Extra trusted CA certificates (PEM) for DoT/DoH. */
  ca?: string | Buffer
  /** Shared-socket exchanges (electron/dns/pool) replacing the one-shot ones per transport. */
  exchanges?: Partial<Record<DnsTransport, Exchange>>
}

export interface Outcome {
  exchange: ExchangeResult
  query: Buffer
  transport: DnsTransport
  truncatedRetried: boolean
}

/** One query against one resolver, with UDP retries and the TC → TCP fallback. */
export async function runQuery(
  nameInput: string,
  typeInput: string | number,
  target: ResolverTarget,
  options: QueryOptions,
  ctx: EngineContext = {}
): Promise<DnsQueryResult> {
  const t0 = performance.now()
  if (ctx.signal?.aborted) throw new ServiceError('cancelled', 'query cancelled')
  const name = normalizeName(nameInput)
  const typeCode = parseQueryType(typeInput)
  const endpoint = await resolveEndpoint(target)
  const encrypted = endpoint.transport === 'dot' || endpoint.transport === 'doh'
  const built = buildQuery({
    name: name.ascii,
    typeCode,
    options,
    padding: options.padding ?? encrypted,
    ...(endpoint.transport === 'doh' ? { id: 0 } : {})
  })
  const deadline = t0 + options.deadlineMs
  const stats: ExchangeStats = { ignored: 0 }
  let attempts = 0

  const remainingMs = (): number => {
    const remaining = Math.floor(deadline - performance.now())
    if (remaining <= 0) {
      throw new ServiceError('timeout', `no response within the ${options.deadlineMs} ms deadline`)
    }
    return remaining
  }
  const attempt = async (transport: DnsTransport, query: Buffer, id: number): Promise<ExchangeResult> => {
    const release = await dnsSockets.acquire(Math.min(options.timeoutMs, remainingMs()), ctx.signal)
    try {
      return await exchange(transport, query, id)
    } finally {
      release()
    }
  }
  const exchange = (transport: DnsTransport, query: Buffer, id: number): Promise<ExchangeResult> => {
    const remaining = remainingMs()
    attempts++
    const ep: Endpoint = transport === endpoint.transport ? endpoint : { ...endpoint, transport }
    return (ctx.exchanges?.[transport] ?? EXCHANGES[transport])({
      endpoint: ep,
      query,
      expect: {
        id,
        qname: built.qname,
        typeCode,
        classCode: CLASS_IN,
        exactCase: options.randomCase,
        server: { address: endpoint.address, port: endpoint.port }
      },
      timeoutMs: Math.min(options.timeoutMs, remaining),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(ctx.ca ? { ca: ctx.ca } : {}),
      stats
    })
  }

  const send = async (q: BuiltQuery): Promise<Outcome> => {
    if (endpoint.transport === 'udp') return udpWithFallback(q.wire, q.id, options, { attempt })
    const exchange = await attempt(endpoint.transport, q.wire, q.id)
    return { exchange, query: q.wire, transport: endpoint.transport, truncatedRetried: false }
  }
  let outcome = await send(built)
  let decoded = decodeMessage(outcome.exchange.response)
  let edns = decoded.opt ? ednsInfo(decoded.opt) : undefined
  checkCookie(built, edns)
  let cookieRetried = false
  const serverCookie = edns?.cookie?.server
  if (built.clientCookie && serverCookie && rcodeOf(decoded) === RCODE_BADCOOKIE) {
    // RFC 7873 §5.3: ask once more with the server cookie we were given, as dig and kdig do
    cookieRetried = true
    const retry = buildQuery({
      name: name.ascii,
      qname: built.qname,
      typeCode,
      options,
      padding: options.padding ?? encrypted,
      cookie: { client: built.clientCookie, server: Buffer.from(serverCookie, 'hex') },
      ...(endpoint.transport === 'doh' ? { id: 0 } : {})
    })
    outcome = await send(retry)
    decoded = decodeMessage(outcome.exchange.response)
    edns = decoded.opt ? ednsInfo(decoded.opt) : undefined
    checkCookie(retry, edns)
  }
  if (edns?.cookie && built.clientCookie) edns.cookie.good = true
  return queryResult({ qname: built.qname, unicodeName: name.unicode, typeCode, decoded, edns, outcome, endpoint, t0, attempts, ignored: stats.ignored, cookieRetried })
}

export interface ResultParts {
  qname: string
  unicodeName: string
  typeCode: number
  decoded: DecodedMessage
  edns: DnsQueryResult['edns'] | undefined
  outcome: Outcome
  endpoint: Endpoint
  /** When the query started (performance.now()). */
  t0: number
  attempts: number
  ignored: number
  cookieRetried: boolean
}

/** The engine's result for a decoded answer (also used by the pooled engine's UDP path). */
export function queryResult(p: ResultParts): DnsQueryResult {
  const { decoded, edns, outcome, endpoint, typeCode } = p
  const totalMs = outcome.exchange.receivedAtMonoMs - p.t0
  const h = decoded.header
  const rcodeCode = rcodeOf(decoded)
  const ex = outcome.exchange
  return {
    question: { name: p.qname, unicodeName: p.unicodeName, type: typeName(typeCode), typeCode, class: 'IN' },
    header: {
      id: h.id,
      opcode: opcodeName(h.opcode),
      rcode: rcodeName(rcodeCode),
      rcodeCode,
      flags: { qr: h.qr, aa: h.aa, tc: h.tc, rd: h.rd, ra: h.ra, ad: h.ad, cd: h.cd }
    },
    ...(edns ? { edns } : {}),
    answer: decoded.answer,
    authority: decoded.authority,
    additional: decoded.additional,
    timing: {
      ...(ex.connectMs !== undefined ? { connectMs: ex.connectMs } : {}),
      exchangeMs: ex.exchangeMs,
      totalMs
    },
    transport: outcome.transport,
    server: {
      host: endpoint.host,
      port: endpoint.port,
      ...(endpoint.label ? { label: endpoint.label } : {}),
      ...(endpoint.url ? { url: endpoint.url.href } : {})
    },
    ...(ex.tls ? { tls: ex.tls } : {}),
    ...(ex.http ? { http: ex.http } : {}),
    sizes: { query: outcome.query.length, response: ex.response.length },
    raw: { query: outcome.query.toString('hex'), response: ex.response.toString('hex') },
    truncatedRetried: outcome.truncatedRetried,
    ...(p.cookieRetried ? { cookieRetried: true } : {}),
    attempts: p.attempts,
    ignored: p.ignored,
    receivedAtWallMs: Date.now() - (performance.now() - ex.receivedAtMonoMs),
    receivedAtMonoMs: ex.receivedAtMonoMs
  }
}

const RCODE_BADCOOKIE = RCODES.BADCOOKIE

function rcodeOf(decoded: DecodedMessage): number {
  return ((decoded.opt?.extendedRcode ?? 0) << 4) | decoded.header.rcode
}

function checkCookie(built: BuiltQuery, edns: DnsQueryResult['edns']): void {
  if (built.clientCookie && edns?.cookie && edns.cookie.client !== built.clientCookie.toString('hex')) {
    throw new ServiceError('mismatch', 'the client cookie in the response is not the one we sent (RFC 7873 §5.3)')
  }
}

/** Sends one attempt (an object, so that a hot caller needs no closure per query). */
export interface Attempter {
  attempt(t: DnsTransport, q: Buffer, id: number): Promise<ExchangeResult>
}

export async function udpWithFallback(wire: Buffer, firstId: number, options: QueryOptions, sender: Attempter): Promise<Outcome> {
  let exchange: ExchangeResult | undefined
  let query = wire
  for (let i = 0; ; i++) {
    const id = i === 0 ? firstId : randomId()
    query = i === 0 ? wire : withId(wire, id)
    try {
      exchange = await sender.attempt('udp', query, id)
      break
    } catch (err) {
      // Only a silent server is worth another try; refused/cancelled/malformed are final.
      if (!(err instanceof ServiceError) || err.code !== 'timeout' || i >= options.retries) throw err
    }
  }
  const tc = ((exchange.response[2] as number) & 0x02) !== 0
  if (!tc || !options.tcpFallback) return { exchange, query, transport: 'udp', truncatedRetried: false }
  const id = randomId()
  const tcpQuery = withId(wire, id)
  const tcp = await sender.attempt('tcp', tcpQuery, id)
  return { exchange: tcp, query: tcpQuery, transport: 'tcp', truncatedRetried: true }
}
