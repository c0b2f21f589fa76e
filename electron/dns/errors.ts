import { ServiceError } from '@shared/errors'

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO'
])

const UNREACHABLE_CODES = new Set([
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE'
])

/** Maps whatever a socket, TLS or HTTP/2 layer threw to a typed ServiceError. */
export function toServiceError(err: unknown, where = ''): ServiceError {
  if (err instanceof ServiceError) return err
  const e = err as NodeJS.ErrnoException & { reason?: string }
  const code = typeof e?.code === 'string' ? e.code : ''
  const message = e instanceof Error ? e.message : String(err)
  const at = where ? ` (${where})` : ''
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') {
    return new ServiceError('tls', `TLS: hostname mismatch: ${e.reason ?? message}${at}`)
  }
  if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    // OpenSSL messages carry library internals; `reason` is the readable part ('wrong version number')
    return new ServiceError('tls', `TLS: ${e.reason ?? message}${at}`)
  }
  if (code === 'ECONNREFUSED') return new ServiceError('refused', `connection refused${at}`)
  if (code === 'ETIMEDOUT') return new ServiceError('timeout', `timed out${at}: ${message}`)
  if (UNREACHABLE_CODES.has(code)) return new ServiceError('unreachable', `${message}${at}`)
  if (code.startsWith('ERR_HTTP2') || code.startsWith('ERR_HTTP_')) return new ServiceError('http', `HTTP: ${message}${at}`)
  if (code.startsWith('ERR_')) return new ServiceError('internal', `${message}${at}`)
  if (code) return new ServiceError('unreachable', `${message}${at}`)
  return new ServiceError('internal', `${message}${at}`)
}
