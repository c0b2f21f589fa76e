/** Binds UDP and TCP on the same port (a free one when asked for 0) and names bind failures for a person. */
import type { AliasSettings } from '@shared/alias-server'
import { ServiceError } from '@shared/errors'
import type { Counters } from './counters'
import type { QueryHandler } from './query-handler'
import { listenTcp } from './transport/tcp-listener'
import { listenUdp } from './transport/udp-listener'

const PORT_ATTEMPTS = 20

export function bindError(error: unknown, host: string, port: number): Error {
  const code = (error as NodeJS.ErrnoException)?.code
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`
  if (code === 'EADDRINUSE') return new ServiceError('conflict', `${where} is already in use (UDP or TCP)`)
  if (code === 'EACCES' || code === 'EPERM') return new ServiceError('forbidden', `not allowed to listen on ${where} (ports below 1024 need privileges)`)
  if (code === 'EADDRNOTAVAIL') return new ServiceError('bad-input', `${host} is not an address of this machine`)
  return error instanceof Error ? error : new Error(String(error))
}

export async function listenBoth(host: string, port: number, handler: QueryHandler, settings: () => AliasSettings, counters: Counters, onError: (e: unknown) => void) {
  let lastError: unknown
  for (let attempt = 0; attempt < (port === 0 ? PORT_ATTEMPTS : 1); attempt++) {
    const tcp = await listenTcp(host, port, handler, settings, {
      connection: () => counters.tcpConnections++,
      timeout: () => counters.tcpTimeouts++,
      eviction: () => counters.tcpEvictions++,
      refused: () => counters.tcpRefused++,
      error: onError
    })
    try {
      const udp = await listenUdp(host, tcp.port, handler, onError)
      return { tcp, udp }
    } catch (error) {
      lastError = error
      await tcp.close()
    }
  }
  throw lastError
}
