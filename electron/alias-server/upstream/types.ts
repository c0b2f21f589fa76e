/** Where ALIAS targets are resolved: one implementation per mode (recursive, authoritative, simulated). */
import type { UpstreamMode } from '@shared/alias-server'
import { ServiceError } from '@shared/errors'

export type AddressType = 'A' | 'AAAA'

export interface UpstreamAnswer {
  /** 'addresses' may still hold none (treated as NODATA). */
  status: 'addresses' | 'nxdomain' | 'nodata'
  /** Presentation form, of the asked type, owned by the end of the chain. */
  addresses: string[]
  /** Seconds: the smallest TTL along the chain and of the address set, or the negative TTL (RFC 2308). */
  ttl: number
  /** Seconds: the address set's own TTL (undefined: as `ttl`). */
  addressTtl?: number
  /** Canonical names reached through CNAMEs after the target, in order (a repeat means a loop). */
  chain: string[]
  /** Who answered, e.g. '127.0.0.1:53'. */
  server: string
  /** ECS SCOPE PREFIX-LENGTH of the answer, when a client subnet was sent and echoed (RFC 7871). */
  scope?: number
}

export interface Upstream {
  readonly mode: UpstreamMode
  /** For messages, e.g. 'resolver 127.0.0.1:53'. */
  readonly label: string
  /** Throws UpstreamError when no usable answer came back. `subnet`: a client subnet to forward (ECS). */
  resolve(name: string, type: AddressType, signal: AbortSignal, subnet?: string): Promise<UpstreamAnswer>
  close(): void
}

/** RFC 8914 codes used for upstream trouble. */
export const EDE_OTHER = 0
export const EDE_STALE_ANSWER = 3
export const EDE_STALE_NXDOMAIN = 19
export const EDE_NO_REACHABLE_AUTHORITY = 22
const EDE_NETWORK_ERROR = 23

export type UpstreamFailureKind = 'timeout' | 'servfail' | 'network'

/** An upstream failure with the Extended DNS Error that describes it, and what kind of failure it was. */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError'

  constructor(
    readonly ede: number,
    message: string,
    readonly kind: UpstreamFailureKind = ede === EDE_NO_REACHABLE_AUTHORITY ? 'timeout' : 'network'
  ) {
    super(message)
  }
}

/** Maps a query-engine error (or anything thrown) to an UpstreamError: timeouts → 22, the rest → 23. */
export function toUpstreamError(err: unknown, where: string): UpstreamError {
  if (err instanceof UpstreamError) return err
  if (err instanceof ServiceError) {
    const ede = err.code === 'timeout' ? EDE_NO_REACHABLE_AUTHORITY : EDE_NETWORK_ERROR
    return new UpstreamError(ede, `${where}: ${err.message}`, err.code === 'timeout' ? 'timeout' : 'network')
  }
  return new UpstreamError(EDE_NETWORK_ERROR, `${where}: ${err instanceof Error ? err.message : String(err)}`, 'network')
}
