/**
 * One cap on DNS sockets open at once for the whole engine (UDP, TCP, DoT, DoH attempts alike).
 * Without it, one client asking `dns:queryMany` many times over could open a thousand sockets and
 * hit the descriptor limit (`bind EMFILE`), which then breaks unrelated work such as starting the lab.
 * Past the cap an attempt waits its turn within its own timeout; a full queue or a wait that outlasts
 * the timeout ends as a `busy` error.
 */
import { ServiceError } from '@shared/errors'
import { allowManyAbortListeners } from './transports/guard'

export type Release = () => void

interface Waiter {
  grant(): void
}

export class SocketLimit {
  private active = 0
  private readonly waiters: Waiter[] = []

  constructor(
    /** Sockets at once. */
    public limit: number,
    /** Attempts allowed to wait for one; more are refused at once. */
    public maxWaiting: number
  ) {}

  get inUse(): number {
    return this.active
  }

  acquire(timeoutMs: number, signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(new ServiceError('cancelled', 'query cancelled'))
    if (this.active < this.limit) {
      this.active++
      return Promise.resolve(this.releaser())
    }
    if (this.waiters.length >= this.maxWaiting) {
      return Promise.reject(new ServiceError('busy', `too many DNS queries at once: ${this.active} sockets open and ${this.waiters.length} queries waiting; try again shortly`))
    }
    return new Promise<Release>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        const i = this.waiters.indexOf(waiter)
        if (i >= 0) this.waiters.splice(i, 1)
      }
      const waiter: Waiter = {
        grant: () => {
          done()
          resolve(this.releaser())
        }
      }
      const onAbort = (): void => {
        done()
        reject(new ServiceError('cancelled', 'query cancelled'))
      }
      const timer = setTimeout(() => {
        done()
        reject(new ServiceError('busy', `all ${this.limit} DNS sockets stayed in use for ${timeoutMs} ms; too many queries at once`))
      }, timeoutMs)
      if (signal) allowManyAbortListeners(signal)
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiters.push(waiter)
    })
  }

  private releaser(): Release {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiters[0]
      // The slot passes straight to the next waiter, so the count stays as it is.
      if (next) next.grant()
      else this.active--
    }
  }
}

/** The engine's one instance: 256 sockets (a quarter of the common 1,024-descriptor limit), 4,096 waiting. */
export const dnsSockets = new SocketLimit(256, 4096)
