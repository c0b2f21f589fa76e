import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { LAB_ZONE_MAX_CHARS } from '@shared/lab'
import { tokenParam, wsPath } from '@shared/wire'
import type { Services } from '../services'
import { expectedHost, hostAllowed, originAllowed, tokenMatches, type Origin } from './request-guard'
import { attachSocketSession } from './socket-session'
import { readStaticFile } from './static-files'

export interface WebServerOptions {
  services: Services
  rendererDir: string
  port?: number
  /** Loopback unless the caller insists. */
  host?: string
}

export interface WebServer {
  url: string
  token: string
  port: number
  close(): Promise<void>
}

const securityHeaders = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store'
}

/** Room for the largest request, `lab:saveZone` with LAB_ZONE_MAX_CHARS characters of up to 3 UTF-8 octets each. */
export const MAX_MESSAGE_BYTES = LAB_ZONE_MAX_CHARS * 3 + 64 * 1024

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders })
  response.end(message)
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/** Browser mode: the built renderer and the same services as Electron, on loopback, guarded by Host, Origin and a token. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  // `||`, not `??`: an empty host would listen on every interface
  const host = options.host || '127.0.0.1'
  const token = randomBytes(24).toString('base64url')
  const origin: Origin = { host, port: 0 }
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    if (!hostAllowed(request, origin)) return refuse(response, 421, 'Unexpected Host header')
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed')
    const path = new URL(request.url ?? '/', 'http://placeholder').pathname
    const file = await readStaticFile(options.rendererDir, path)
    if (!file) return refuse(response, 404, 'Not found')
    response.writeHead(200, { 'Content-Type': file.contentType, ...securityHeaders })
    response.end(request.method === 'HEAD' ? undefined : file.body)
  })

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const path = new URL(request.url ?? '/', 'http://placeholder').pathname
    if (path !== wsPath) return refuseUpgrade(socket, 404, 'Not Found')
    if (!hostAllowed(request, origin)) return refuseUpgrade(socket, 421, 'Misdirected Request')
    if (!originAllowed(request, origin)) return refuseUpgrade(socket, 403, 'Forbidden')
    if (!tokenMatches(request, token)) return refuseUpgrade(socket, 401, 'Unauthorized')
    sockets.handleUpgrade(request, socket, head, (ws) => attachSocketSession(ws, options.services))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  origin.port = (server.address() as AddressInfo).port
  const url = `http://${expectedHost(origin)}/#${tokenParam}=${token}`

  return {
    url,
    token,
    port: origin.port,
    close: async () => {
      for (const client of sockets.clients) client.terminate()
      sockets.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
