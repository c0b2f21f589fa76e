import { connect as tcpConnect, type Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { connect as tlsConnect, type TLSSocket } from 'node:tls'
import { ServiceError } from '@shared/errors'
import { FrameReader, frame } from '../transports/framing'
import { guarded } from '../transports/guard'
import { tlsOptions } from '../transports/tls-options'
import { describeEndpoint, type Endpoint, type Exchange, type ExchangeRequest, type ExchangeResult } from '../transports/transport'
import { Groups } from './groups'
import { PendingTable, type Pending } from './pending-table'

const CONNECTIONS_PER_SERVER = 2
/** Queries in flight on one connection before another is opened (RFC 7766 §6.2.1.1 pipelining). */
const PENDING_PER_CONNECTION = 200
/** An idle connection is closed after this long (RFC 7766 §6.2.3: clients close idle connections). */
const IDLE_MS = 10_000

/** Fresh connections one query may be sent on after its connection closed under it. */
const MAX_RESENDS = 3

class Connection {
  readonly table: PendingTable
  readonly ready: Promise<void>
  readonly dialStart = performance.now()
  connectMs: number | undefined
  answered = 0
  closed = false
  private idle: NodeJS.Timeout | undefined
  private readonly socket: Socket | TLSSocket

  constructor(
    readonly endpoint: Endpoint,
    ca: string | Buffer | undefined,
    private readonly onClosed: (c: Connection) => void,
    onUnmatched: () => void
  ) {
    this.table = new PendingTable(onUnmatched)
    const tls = endpoint.transport === 'dot'
    const socket = tls
      ? tlsConnect(tlsOptions(endpoint, ca))
      : tcpConnect({ host: endpoint.address, port: endpoint.port, noDelay: true })
    this.socket = socket
    const reader = new FrameReader((msg) => {
      if (this.table.deliver(Buffer.from(msg), performance.now())) this.answered++
      this.armIdle()
    })
    this.ready = new Promise((resolve) => {
      socket.once(tls ? 'secureConnect' : 'connect', () => {
        this.connectMs = performance.now() - this.dialStart
        resolve()
      })
    })
    socket.on('data', (chunk: Buffer) => {
      try {
        reader.push(chunk)
      } catch (err) {
        this.shut(err)
      }
    })
    socket.on('error', (err) => this.shut(err))
    socket.on('close', () => {
      const where = describeEndpoint(endpoint)
      this.shut(
        reader.pending > 0
          ? new ServiceError('malformed', `connection to ${where} closed in the middle of a message`)
          : new ServiceError('unreachable', `connection to ${where} closed before a response`)
      )
    })
  }

  tlsInfo(): ExchangeResult['tls'] {
    if (!(this.socket as TLSSocket).getProtocol) return undefined
    const s = this.socket as TLSSocket
    return {
      protocol: s.getProtocol() ?? undefined,
      ...(s.alpnProtocol ? { alpn: s.alpnProtocol } : {}),
      ...(this.endpoint.servername ? { serverName: this.endpoint.servername } : {})
    }
  }

  send(query: Buffer): void {
    clearTimeout(this.idle)
    if (!this.closed) this.socket.write(frame(query))
  }

  armIdle(): void {
    clearTimeout(this.idle)
    if (this.table.size > 0 || this.closed) return
    this.idle = setTimeout(() => this.shut(new ServiceError('unreachable', 'idle connection closed')), IDLE_MS)
    this.idle.unref()
  }

  shut(err: unknown): void {
    if (this.closed) return
    this.closed = true
    clearTimeout(this.idle)
    this.onClosed(this)
    this.socket.destroy()
    this.table.failAll(err)
  }
}

/**
 * Reused, pipelined TCP and DoT connections per resolver (RFC 7766 §6.2.1, RFC 7858 §3.4). Answers
 * may come in any order and are matched by ID and question. A query caught by the close of a
 * connection that had already answered others (the server's idle timeout racing our send, or a
 * server that answers a few queries per connection) is sent again on a fresh connection, as RFC 7766
 * §6.2.1 asks of clients, up to MAX_RESENDS times.
 */
export class StreamPool {
  private readonly groups = new Groups<Connection>()
  private opened = 0
  private ignored = 0

  private pick(req: ExchangeRequest): Connection {
    const e = req.endpoint
    const key = `${e.transport}|${e.address}#${e.port}|${e.servername ?? ''}|${req.ca ? 'ca' : ''}`
    const group = this.groups.get(key)
    let best: Connection | undefined
    for (const c of group) if (!best || c.table.size < best.table.size) best = c
    if (best && (best.table.size < PENDING_PER_CONNECTION || group.length >= CONNECTIONS_PER_SERVER)) {
      return best
    }
    const c = new Connection(e, req.ca, (gone) => this.groups.remove(key, gone), () => this.ignored++)
    this.opened++
    this.groups.add(key, c)
    return c
  }

  readonly exchange: Exchange = (req) =>
    guarded<ExchangeResult>(req, (g) => {
      let resends = 0
      const attach = (): void => {
        const conn = this.pick(req)
        const reused = conn.answered > 0
        let sentAt = 0
        const pending: Pending = {
          expect: req.expect,
          stats: req.stats,
          accept: (response, receivedAt) =>
            g.resolve({
              response,
              ...(reused || conn.connectMs === undefined ? {} : { connectMs: conn.connectMs }),
              exchangeMs: receivedAt - sentAt,
              receivedAtMonoMs: receivedAt,
              ...(req.endpoint.transport === 'dot' ? { tls: conn.tlsInfo() } : {})
            }),
          fail: (err) => {
            // only while the server makes progress (the closing connection answered something)
            if (resends < MAX_RESENDS && (reused || conn.answered > 0) && !g.settled) {
              resends++
              attach()
            } else g.reject(err)
          }
        }
        conn.table.add(pending)
        g.onCleanup(() => {
          conn.table.remove(pending)
          conn.armIdle()
        })
        void conn.ready.then(() => {
          if (g.settled || conn.closed) return
          sentAt = performance.now()
          conn.send(req.query)
        })
      }
      attach()
    })

  stats(): { connections: number; connectionsOpened: number; ignored: number } {
    return { connections: this.groups.size, connectionsOpened: this.opened, ignored: this.ignored }
  }

  close(): void {
    for (const c of this.groups.drain()) c.shut(new ServiceError('cancelled', 'query pool closed'))
  }
}
