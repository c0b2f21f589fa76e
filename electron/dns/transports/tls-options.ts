import type { ConnectionOptions } from 'node:tls'
import type { Endpoint } from './transport'

/** Verification is always on; `ca` adds trusted roots (tests bring their own CA). */
export function tlsOptions(endpoint: Endpoint, ca: string | Buffer | undefined, alpn?: string[]): ConnectionOptions {
  return {
    host: endpoint.address,
    port: endpoint.port,
    ...(endpoint.servername ? { servername: endpoint.servername } : {}),
    ...(ca ? { ca } : {}),
    ...(alpn ? { ALPNProtocols: alpn } : {}),
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2'
  }
}
