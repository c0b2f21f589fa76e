import { getMaxListeners, setMaxListeners } from 'node:events'
import { ServiceError } from '@shared/errors'
import { toServiceError } from '../errors'
import { describeEndpoint, type ExchangeRequest } from './transport'

export interface Guard<T> {
  resolve(value: T): void
  reject(err: unknown): void
  readonly settled: boolean
  /** Runs once when the attempt settles, whichever way (close sockets here). */
  onCleanup(fn: () => void): void
}

/**
 * Every failure says what was ignored on the way (wrong ID, question or source; on TCP the answers
 * to someone else's question), so a spoofing attempt or a confused server is visible, not hidden.
 */
export function withIgnored(error: ServiceError, req: ExchangeRequest): ServiceError {
  const { ignored, lastIgnoredReason } = req.stats
  if (!ignored || error.code === 'cancelled') return error
  const what = req.endpoint.transport === 'udp' ? 'packet' : 'response'
  return new ServiceError(error.code, `${error.message}; ${ignored} mismatched ${what}${ignored === 1 ? '' : 's'} ignored, last: ${lastIgnoredReason}`)
}

/**
 * One signal is shared by every query of a request (an inspection sends about twenty at once), and each
 * attempt listens for its abort until it settles; Node's default of 10 listeners would warn of a leak that
 * is not one. The listeners are removed when each attempt settles.
 */
export function allowManyAbortListeners(signal: AbortSignal): void {
  if (getMaxListeners(signal) < 1000) setMaxListeners(1000, signal)
}

/**
 * Runs one exchange attempt with its timer and the caller's AbortSignal. Settles exactly once,
 * maps every error to a ServiceError and always runs the cleanups.
 */
export function guarded<T>(req: ExchangeRequest, run: (g: Guard<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const { signal } = req
    if (signal?.aborted) {
      reject(new ServiceError('cancelled', 'query cancelled'))
      return
    }
    const cleanups: Array<() => void> = []
    let settled = false
    const finish = () => {
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      for (const fn of cleanups) {
        try {
          fn()
        } catch {
          // already closed
        }
      }
    }
    const g: Guard<T> = {
      resolve(value) {
        if (settled) return
        finish()
        resolve(value)
      },
      reject(err) {
        if (settled) return
        finish()
        reject(withIgnored(toServiceError(err, describeEndpoint(req.endpoint)), req))
      },
      get settled() {
        return settled
      },
      onCleanup(fn) {
        if (settled) fn()
        else cleanups.push(fn)
      }
    }
    const onAbort = () => g.reject(new ServiceError('cancelled', 'query cancelled'))
    if (signal) allowManyAbortListeners(signal)
    signal?.addEventListener('abort', onAbort, { once: true })
    const timer: NodeJS.Timeout = setTimeout(() => {
      g.reject(new ServiceError('timeout', `no response from ${describeEndpoint(req.endpoint)} within ${req.timeoutMs} ms`))
    }, req.timeoutMs)
    try {
      run(g)
    } catch (err) {
      g.reject(err)
    }
  })
}
