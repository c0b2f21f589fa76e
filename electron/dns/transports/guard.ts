import { ServiceError } from '../../api/service-error'
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
        reject(toServiceError(err, describeEndpoint(req.endpoint)))
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
    signal?.addEventListener('abort', onAbort, { once: true })
    const timer: NodeJS.Timeout = setTimeout(() => {
      const { ignored, lastIgnoredReason } = req.stats
      const note = ignored ? `; ${ignored} packet(s) ignored so far, last: ${lastIgnoredReason}` : ''
      g.reject(new ServiceError('timeout', `no response from ${describeEndpoint(req.endpoint)} within ${req.timeoutMs} ms${note}`))
    }, req.timeoutMs)
    try {
      run(g)
    } catch (err) {
      g.reject(err)
    }
  })
}
