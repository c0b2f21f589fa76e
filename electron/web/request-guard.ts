import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { tokenParam } from '@shared/wire'

export interface Origin {
  host: string
  port: number
}

/** The exact Host header we accept: anything else (e.g. a rebinding attacker's name) is refused. */
export const expectedHost = ({ host, port }: Origin): string =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`

export const hostAllowed = (request: IncomingMessage, origin: Origin): boolean =>
  request.headers.host === expectedHost(origin)

export const originAllowed = (request: IncomingMessage, origin: Origin): boolean =>
  request.headers.origin === `http://${expectedHost(origin)}`

export function tokenMatches(request: IncomingMessage, token: string): boolean {
  const given = new URL(request.url ?? '/', 'http://placeholder').searchParams.get(tokenParam) ?? ''
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}
