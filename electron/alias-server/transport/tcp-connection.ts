/**
 * One TCP connection (RFC 7766): 2-octet framing, pipelining (responses in completion order) and its
 * two clocks. A request must be complete within `ioTimeoutMs` of its first octet, and the idle clock
 * restarts only on a complete request or a response, so dripping octets cannot keep a slot (the
 * slowloris attack); Knot's tcp-io-timeout and tcp-idle-timeout work the same way.
 */
import type { Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { QueryHandler, Replier } from '../query-handler'

/** Queries of one connection awaiting their answers before reading pauses. */
const MAX_IN_FLIGHT = 64
/** Unsent response bytes before a client that does not read is dropped. */
const MAX_UNSENT = 1024 * 1024

export interface ConnectionClock {
  idleTimeoutMs: number
  ioTimeoutMs: number
}

export class TcpConnection implements Replier {
  readonly tcp = true
  readonly address: string
  /** Last complete request or response (monotonic ms); the idle clock and eviction order run from it. */
  lastActive = performance.now()
  private frame: Buffer | null = null
  private filled = 0
  private header = -1
  private inFlight = 0
  /** When the first octet of the request being read arrived; -1 between requests. */
  private requestStarted = -1
  private timer: NodeJS.Timeout | null = null
  private due = Infinity

  constructor(
    readonly socket: Socket,
    private readonly handler: QueryHandler,
    private readonly clock: () => ConnectionClock,
    private readonly onTimeout: () => void,
    private readonly onError: (error: unknown) => void
  ) {
    this.address = socket.remoteAddress ?? ''
    this.arm()
  }

  /** Nothing asked and not waiting on an answer: may be closed to make room. */
  get idle(): boolean {
    return this.inFlight === 0
  }

  onData(chunk: Buffer): void {
    if (chunk.length > 0 && this.requestStarted < 0) {
      this.requestStarted = performance.now()
      this.arm()
    }
    let i = 0
    while (i < chunk.length) {
      if (this.frame === null) {
        let len: number
        if (this.header >= 0) {
          len = (this.header << 8) | chunk[i++]!
          this.header = -1
        } else if (chunk.length - i >= 2) {
          len = (chunk[i]! << 8) | chunk[i + 1]!
          i += 2
        } else {
          this.header = chunk[i++]!
          break
        }
        if (chunk.length - i >= len) {
          this.dispatch(chunk.subarray(i, i + len))
          i += len
          continue
        }
        this.frame = Buffer.allocUnsafe(len)
        this.filled = 0
      }
      const n = Math.min(this.frame.length - this.filled, chunk.length - i)
      chunk.copy(this.frame, this.filled, i, i + n)
      this.filled += n
      i += n
      if (this.filled === this.frame.length) {
        const complete = this.frame
        this.frame = null
        this.dispatch(complete)
      }
    }
    // Octets of the next request may already be here; its clock starts now.
    if (this.requestStarted < 0 && (this.frame !== null || this.header >= 0)) {
      this.requestStarted = performance.now()
      this.arm()
    }
  }

  send(out: Buffer): void {
    this.settle()
    if (this.socket.destroyed || !this.socket.writable) return
    this.socket.write(out)
    if (this.socket.writableLength > MAX_UNSENT) this.socket.destroy()
  }

  skip(): void {
    this.settle()
  }

  close(): void {
    this.stopClock()
    this.socket.destroy()
  }

  stopClock(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.due = Infinity
  }

  private dispatch(message: Buffer): void {
    this.requestStarted = -1
    // Frames too short to be DNS messages (a drip of zero octets makes empty ones) keep nothing alive.
    if (message.length >= 12) this.lastActive = performance.now()
    this.inFlight++
    if (this.inFlight >= MAX_IN_FLIGHT) this.socket.pause()
    try {
      this.handler.handle(message, this.address, this.socket.remotePort ?? 0, this)
    } catch (error) {
      this.onError(error)
      this.skip()
    }
  }

  private settle(): void {
    this.inFlight--
    this.lastActive = performance.now()
    if (this.inFlight < MAX_IN_FLIGHT && this.socket.isPaused() && !this.socket.destroyed) this.socket.resume()
    if (this.inFlight === 0) this.arm()
  }

  /** When this connection must be closed; Infinity while the server itself owes answers. */
  private deadline(): number {
    const { idleTimeoutMs, ioTimeoutMs } = this.clock()
    if (this.requestStarted >= 0) return this.requestStarted + ioTimeoutMs
    if (this.inFlight > 0) return Infinity
    return this.lastActive + idleTimeoutMs
  }

  /** One timer per connection, re-armed lazily: moving a deadline later costs nothing until it fires. */
  private arm(): void {
    const at = this.deadline()
    if (at === Infinity || (this.timer && this.due <= at)) return
    if (this.timer) clearTimeout(this.timer)
    this.due = at
    this.timer = setTimeout(() => this.expire(), Math.max(0, at - performance.now()))
    this.timer.unref()
  }

  private expire(): void {
    this.timer = null
    this.due = Infinity
    if (this.socket.destroyed) return
    if (this.deadline() <= performance.now() + 1) {
      this.onTimeout()
      this.socket.destroy()
      return
    }
    this.arm()
  }
}
