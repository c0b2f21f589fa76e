import { createSocket, type Socket } from 'node:dgram'
import { isIP } from 'node:net'
import { performance } from 'node:perf_hooks'
import { canonicalIp } from '../ip'
import { guarded } from '../transports/guard'
import type { Endpoint, Exchange, ExchangeResult } from '../transports/transport'
import { Groups } from './groups'
import { PendingTable, type Pending } from './pending-table'

export interface UdpPoolOptions {
  /** Long-lived sockets per resolver address (each bound to its own random source port). */
  socketsPerServer?: number
  /** A socket is retired (no new queries, closed once drained) after this many queries... */
  maxQueriesPerSocket?: number
  /** ...or this age, so that source ports keep changing over a long audit. */
  maxSocketAgeMs?: number
}

export interface UdpPoolStats {
  sockets: number
  socketsOpened: number
  /** Messages that answered no waiting query (unknown ID, duplicates, spoofs, wrong question). */
  ignored: number
}

class PooledSocket {
  readonly table: PendingTable
  readonly ready: Promise<void>
  readonly openedAt = performance.now()
  queries = 0
  retired = false
  private closed = false

  constructor(
    endpoint: Endpoint,
    private readonly onGone: (s: PooledSocket) => void,
    onUnmatched: () => void
  ) {
    this.table = new PendingTable(onUnmatched)
    const socket: Socket = createSocket(isIP(endpoint.address) === 6 ? 'udp6' : 'udp4')
    this.socket = socket
    socket.unref()
    socket.on('message', (msg, rinfo) => {
      this.table.deliver(msg, performance.now(), { address: canonicalIp(rinfo.address), port: rinfo.port })
      if (this.retired && this.table.size === 0) this.close()
    })
    // On a connected socket the kernel reports ICMP port-unreachable as ECONNREFUSED: every query
    // waiting here went to that same address, so all of them fail, and the socket is replaced.
    socket.on('error', (err) => {
      this.retire()
      this.table.failAll(err)
      this.close()
    })
    this.ready = new Promise((resolve) => {
      // binding to port 0 lets the kernel pick a random ephemeral port; connect filters other sources
      socket.connect(endpoint.port, endpoint.address, () => resolve())
    })
  }

  private readonly socket: Socket

  send(query: Buffer): void {
    if (!this.closed) this.socket.send(query)
  }

  retire(): void {
    if (this.retired) return
    this.retired = true
    this.onGone(this)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.retire()
    try {
      this.socket.close()
    } catch {
      // already closed
    }
  }
}

/**
 * A pool of long-lived connected UDP sockets per resolver. Queries share sockets and are told apart
 * by ID, question and source (see PendingTable); each socket keeps its own random source port and is
 * replaced after `maxQueriesPerSocket` queries or `maxSocketAgeMs`.
 */
export class UdpPool {
  private readonly groups = new Groups<PooledSocket>()
  private readonly cursor = new Map<string, number>()
  private readonly opts: Required<UdpPoolOptions>
  private opened = 0
  private ignored = 0

  constructor(options: UdpPoolOptions = {}) {
    this.opts = {
      socketsPerServer: options.socketsPerServer ?? 4,
      maxQueriesPerSocket: options.maxQueriesPerSocket ?? 20_000,
      maxSocketAgeMs: options.maxSocketAgeMs ?? 60_000
    }
  }

  private pick(endpoint: Endpoint): PooledSocket {
    const key = `${endpoint.address}#${endpoint.port}`
    const now = performance.now()
    // retiring removes the socket from the live list: walk it backwards
    const current = this.groups.get(key)
    for (let i = current.length - 1; i >= 0; i--) {
      const s = current[i]!
      if (s.queries >= this.opts.maxQueriesPerSocket || now - s.openedAt >= this.opts.maxSocketAgeMs) {
        s.retire()
        if (s.table.size === 0) s.close()
      }
    }
    const live = this.groups.get(key)
    if (live.length < this.opts.socketsPerServer) {
      const s = new PooledSocket(endpoint, (gone) => this.groups.remove(key, gone), () => this.ignored++)
      this.opened++
      this.groups.add(key, s)
      return s
    }
    const i = (this.cursor.get(key) ?? 0) % live.length
    this.cursor.set(key, i + 1)
    return live[i]!
  }

  readonly exchange: Exchange = (req) =>
    guarded<ExchangeResult>(req, (g) => {
      const socket = this.pick(req.endpoint)
      socket.queries++
      let sentAt = 0
      const pending: Pending = {
        expect: req.expect,
        stats: req.stats,
        accept: (response, receivedAt) =>
          g.resolve({ response, exchangeMs: receivedAt - sentAt, receivedAtMonoMs: receivedAt }),
        fail: (err) => g.reject(err)
      }
      socket.table.add(pending)
      g.onCleanup(() => {
        socket.table.remove(pending)
        if (socket.retired && socket.table.size === 0) socket.close()
      })
      void socket.ready.then(() => {
        if (g.settled) return
        sentAt = performance.now()
        socket.send(req.query)
      })
    })

  stats(): UdpPoolStats {
    return { sockets: this.groups.size, socketsOpened: this.opened, ignored: this.ignored }
  }

  close(): void {
    for (const s of this.groups.drain()) s.close()
  }
}
