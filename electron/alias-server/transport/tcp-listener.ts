/**
 * The TCP side (RFC 7766): 2-octet framing, pipelining (responses in completion order), a
 * connection limit and an idle timeout. Frames are collected without re-copying what came before,
 * so partial frames and slow clients cost their own connection only.
 */
import { createServer, type Server, type Socket } from 'node:net'
import type { AliasSettings } from '@shared/alias-server'
import type { QueryHandler, Replier } from '../query-handler'

export interface TcpListener {
  readonly port: number
  close(): Promise<void>
}

/** Queries of one connection awaiting their answers before reading pauses. */
const MAX_IN_FLIGHT = 64
/** Unsent response bytes before a client that does not read is dropped. */
const MAX_UNSENT = 1024 * 1024

class Connection implements Replier {
  readonly tcp = true
  private frame: Buffer | null = null
  private filled = 0
  private header = -1
  private inFlight = 0

  constructor(
    private readonly socket: Socket,
    private readonly handler: QueryHandler,
    private readonly onError: (error: unknown) => void
  ) {}

  onData(chunk: Buffer): void {
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

  private dispatch(message: Buffer): void {
    this.inFlight++
    if (this.inFlight >= MAX_IN_FLIGHT) this.socket.pause()
    try {
      this.handler.handle(message, this.socket.remoteAddress ?? '', this.socket.remotePort ?? 0, this)
    } catch (error) {
      this.onError(error)
      this.skip()
    }
  }

  private settle(): void {
    this.inFlight--
    if (this.inFlight < MAX_IN_FLIGHT && this.socket.isPaused() && !this.socket.destroyed) this.socket.resume()
  }
}

export function listenTcp(
  host: string,
  port: number,
  handler: QueryHandler,
  settings: () => AliasSettings,
  onConnection: () => void,
  onError: (error: unknown) => void
): Promise<TcpListener> {
  const open = new Set<Socket>()
  const server: Server = createServer({ noDelay: true }, (socket) => {
    const s = settings()
    if (open.size >= s.tcpMaxConnections) {
      socket.destroy()
      return
    }
    open.add(socket)
    onConnection()
    const connection = new Connection(socket, handler, onError)
    socket.setTimeout(s.tcpIdleTimeoutMs, () => socket.destroy())
    socket.on('data', (chunk: Buffer) => connection.onData(chunk))
    socket.on('error', () => socket.destroy())
    socket.on('close', () => open.delete(socket))
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', reject)
      server.on('error', () => undefined)
      const address = server.address()
      let closed: Promise<void> | undefined
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: () =>
          (closed ??= new Promise<void>((done) => {
            for (const socket of open) socket.destroy()
            server.close(() => done())
          }))
      })
    })
  })
}
