/**
 * The TCP side: accepts connections within two caps, all connections (Knot's tcp-max-clients) and
 * connections per client address (our own design; Knot has none). When a cap is reached the oldest
 * idle connection (nothing asked, nothing owed) under that cap is closed for the new one, so a flood
 * of silent connections cannot lock legitimate clients out; only when every connection has a request
 * in progress is the newcomer refused.
 */
import { createServer, type Server, type Socket } from 'node:net'
import type { AliasSettings } from '@shared/alias-server'
import type { QueryHandler } from '../query-handler'
import { TcpConnection } from './tcp-connection'
import type { Listener } from './udp-listener'

export interface TcpEvents {
  connection(): void
  timeout(): void
  eviction(): void
  refused(): void
  error(error: unknown): void
}

function oldestIdle(connections: Iterable<TcpConnection>): TcpConnection | undefined {
  let oldest: TcpConnection | undefined
  for (const c of connections) if (c.idle && (!oldest || c.lastActive < oldest.lastActive)) oldest = c
  return oldest
}

class ConnectionPool {
  readonly all = new Set<TcpConnection>()
  private readonly byAddress = new Map<string, Set<TcpConnection>>()

  /** Makes room for one more connection from `address`; false when it cannot. */
  makeRoom(address: string, s: AliasSettings, events: TcpEvents): boolean {
    const mine = this.byAddress.get(address)
    if (mine && mine.size >= s.tcpMaxConnectionsPerClient && !this.evict(mine, events)) return false
    if (this.all.size >= s.tcpMaxConnections && !this.evict(this.all, events)) return false
    return true
  }

  add(c: TcpConnection): void {
    this.all.add(c)
    let mine = this.byAddress.get(c.address)
    if (!mine) this.byAddress.set(c.address, (mine = new Set()))
    mine.add(c)
  }

  remove(c: TcpConnection): void {
    this.all.delete(c)
    const mine = this.byAddress.get(c.address)
    mine?.delete(c)
    if (mine?.size === 0) this.byAddress.delete(c.address)
  }

  private evict(among: Set<TcpConnection>, events: TcpEvents): boolean {
    const victim = oldestIdle(among)
    if (!victim) return false
    this.remove(victim)
    victim.close()
    events.eviction()
    return true
  }
}

export function listenTcp(
  host: string,
  port: number,
  handler: QueryHandler,
  settings: () => AliasSettings,
  events: TcpEvents
): Promise<Listener> {
  const pool = new ConnectionPool()
  const clock = () => {
    const s = settings()
    return { idleTimeoutMs: s.tcpIdleTimeoutMs, ioTimeoutMs: s.tcpIoTimeoutMs }
  }
  const server: Server = createServer({ noDelay: true }, (socket: Socket) => {
    socket.on('error', () => socket.destroy())
    if (!pool.makeRoom(socket.remoteAddress ?? '', settings(), events)) {
      events.refused()
      socket.destroy()
      return
    }
    events.connection()
    const connection = new TcpConnection(socket, handler, clock, events.timeout, events.error)
    pool.add(connection)
    socket.on('data', (chunk: Buffer) => connection.onData(chunk))
    socket.on('close', () => {
      connection.stopClock()
      pool.remove(connection)
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host, port, exclusive: true, backlog: 1024 }, () => {
      server.off('error', reject)
      server.on('error', () => undefined)
      const address = server.address()
      let closed: Promise<void> | undefined
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: () =>
          (closed ??= new Promise<void>((done) => {
            for (const c of pool.all) c.close()
            server.close(() => done())
          }))
      })
    })
  })
}
