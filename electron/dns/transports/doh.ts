import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { connect as http2Connect, constants as h2 } from 'node:http2'
import { connect as netConnect, type Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { connect as tlsConnect, type TLSSocket } from 'node:tls'
import { ServiceError } from '@shared/errors'
import { matchResponse } from '../match-response'
import { guarded, type Guard } from './guard'
import { tlsOptions } from './tls-options'
import type { Exchange, ExchangeRequest, ExchangeResult } from './transport'

const MAX_BODY = 65535
const DNS_MESSAGE = 'application/dns-message'

interface Dialed {
  socket: Socket
  connectMs: number
  tls?: ExchangeResult['tls']
}

/** Path (with query) for the request; GET carries the message as base64url `dns=` (RFC 8484 §4.1). */
function requestPath(url: URL, method: 'POST' | 'GET', query: Buffer): string {
  const base = `${url.pathname}${url.search}`
  if (method === 'POST') return base
  const dns = query.toString('base64url')
  return `${base}${url.search ? '&' : '?'}dns=${dns}`
}

/** Collects the body with a cap and turns it into the exchange result once complete. */
class BodyCollector {
  private chunks: Buffer[] = []
  private size = 0

  constructor(
    private readonly g: Guard<ExchangeResult>,
    private readonly req: ExchangeRequest
  ) {}

  /** Checks status and content type; false when the attempt was rejected. */
  head(status: number, contentType: string | undefined, contentLength: string | undefined): boolean {
    if (status < 200 || status > 299) {
      this.g.reject(new ServiceError('http', `DoH server answered HTTP ${status}`))
      return false
    }
    const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase()
    if (type !== DNS_MESSAGE) {
      this.g.reject(
        new ServiceError('malformed', `DoH response content-type is "${contentType ?? '(none)'}", expected ${DNS_MESSAGE}`)
      )
      return false
    }
    if (contentLength !== undefined && Number(contentLength) > MAX_BODY) {
      this.g.reject(new ServiceError('malformed', `DoH response of ${contentLength} octets exceeds ${MAX_BODY}`))
      return false
    }
    return true
  }

  data(chunk: Buffer): void {
    this.size += chunk.length
    if (this.size > MAX_BODY) {
      this.g.reject(new ServiceError('malformed', `DoH response body exceeds ${MAX_BODY} octets`))
      return
    }
    this.chunks.push(chunk)
  }

  end(base: Omit<ExchangeResult, 'response' | 'receivedAtMonoMs' | 'exchangeMs'>, sentAt: number): void {
    if (this.g.settled) return
    const receivedAt = performance.now()
    const body = Buffer.concat(this.chunks)
    if (body.length < 12) {
      this.g.reject(new ServiceError('malformed', `DoH response body of ${body.length} octets is not a DNS message`))
      return
    }
    let verdict
    try {
      verdict = matchResponse(this.req.expect, body)
    } catch (err) {
      this.g.reject(err)
      return
    }
    // One request, one response: a mismatch cannot be waited out as on UDP.
    if (!verdict.ok) {
      this.g.reject(new ServiceError('mismatch', `DoH response does not answer the query: ${verdict.reason}`))
      return
    }
    this.g.resolve({ ...base, response: body, exchangeMs: receivedAt - sentAt, receivedAtMonoMs: receivedAt })
  }
}

function dial(g: Guard<ExchangeResult>, req: ExchangeRequest, onReady: (d: Dialed) => void): void {
  const { endpoint } = req
  const start = performance.now()
  if (endpoint.url?.protocol === 'http:') {
    const socket = netConnect({ host: endpoint.address, port: endpoint.port, noDelay: true })
    g.onCleanup(() => socket.destroy())
    socket.on('error', (err) => g.reject(err))
    socket.once('connect', () => onReady({ socket, connectMs: performance.now() - start }))
    return
  }
  const socket: TLSSocket = tlsConnect(tlsOptions(endpoint, req.ca, ['h2', 'http/1.1']))
  g.onCleanup(() => socket.destroy())
  socket.on('error', (err) => g.reject(err))
  socket.once('secureConnect', () =>
    onReady({
      socket,
      connectMs: performance.now() - start,
      tls: {
        protocol: socket.getProtocol() ?? undefined,
        ...(socket.alpnProtocol ? { alpn: socket.alpnProtocol } : {}),
        ...(endpoint.servername ? { serverName: endpoint.servername } : {})
      }
    })
  )
}

function viaHttp2(g: Guard<ExchangeResult>, req: ExchangeRequest, d: Dialed): void {
  const url = req.endpoint.url as URL
  const method = req.endpoint.dohMethod
  const session = http2Connect(url.origin, { createConnection: () => d.socket })
  g.onCleanup(() => session.destroy())
  session.on('error', (err) => g.reject(err))
  const headers: Record<string, string | number> = {
    [h2.HTTP2_HEADER_METHOD]: method,
    [h2.HTTP2_HEADER_PATH]: requestPath(url, method, req.query),
    [h2.HTTP2_HEADER_AUTHORITY]: url.host,
    accept: DNS_MESSAGE
  }
  if (method === 'POST') {
    headers['content-type'] = DNS_MESSAGE
    headers['content-length'] = req.query.length
  }
  const sentAt = performance.now()
  const stream = session.request(headers, { endStream: method === 'GET' })
  const body = new BodyCollector(g, req)
  let status = 0
  stream.on('error', (err) => g.reject(err))
  stream.on('response', (h) => {
    status = Number(h[h2.HTTP2_HEADER_STATUS])
    const len = h['content-length']
    if (!body.head(status, h['content-type'], len === undefined ? undefined : String(len))) stream.close()
  })
  stream.on('data', (chunk: Buffer) => {
    if (!g.settled) body.data(chunk)
  })
  stream.on('end', () =>
    body.end({ connectMs: d.connectMs, ...(d.tls ? { tls: d.tls } : {}), http: { version: '2', status, method } }, sentAt)
  )
  stream.on('close', () => {
    if (!g.settled) g.reject(new ServiceError('http', `DoH stream closed before a response (code ${stream.rstCode})`))
  })
  if (method === 'POST') stream.end(req.query)
}

function viaHttp1(g: Guard<ExchangeResult>, req: ExchangeRequest, d: Dialed): void {
  const url = req.endpoint.url as URL
  const method = req.endpoint.dohMethod
  const headers: Record<string, string | number> = { host: url.host, accept: DNS_MESSAGE, connection: 'close' }
  if (method === 'POST') {
    headers['content-type'] = DNS_MESSAGE
    headers['content-length'] = req.query.length
  }
  const sentAt = performance.now()
  // No agent: the request runs on the socket we dialled (and verified) ourselves.
  const r = httpRequest({
    method,
    path: requestPath(url, method, req.query),
    headers,
    createConnection: () => d.socket
  })
  g.onCleanup(() => r.destroy())
  r.on('error', (err) => g.reject(err))
  r.on('response', (res) => {
    const h: IncomingHttpHeaders = res.headers
    const status = res.statusCode ?? 0
    const body = new BodyCollector(g, req)
    if (!body.head(status, h['content-type'], h['content-length'])) {
      res.destroy()
      return
    }
    res.on('error', (err) => g.reject(err))
    res.on('data', (chunk: Buffer) => {
      if (!g.settled) body.data(chunk)
    })
    res.on('end', () =>
      body.end({ connectMs: d.connectMs, ...(d.tls ? { tls: d.tls } : {}), http: { version: '1.1', status, method } }, sentAt)
    )
    res.on('close', () => {
      if (!g.settled) g.reject(new ServiceError('http', 'DoH connection closed in the middle of the response'))
    })
  })
  r.end(method === 'POST' ? req.query : undefined)
}

/** RFC 8484 DNS over HTTPS: HTTP/2 when ALPN selects h2, else HTTP/1.1 on the same TLS socket. */
export const dohExchange: Exchange = (req) =>
  guarded<ExchangeResult>(req, (g) => {
    dial(g, req, (d) => {
      if (g.settled) return
      const h2Selected = d.tls?.alpn === 'h2'
      if (h2Selected) viaHttp2(g, req, d)
      else viaHttp1(g, req, d)
    })
  })
