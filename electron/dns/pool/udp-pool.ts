import { createSocket, type Socket } from 'node:dgram'
import { isIP } from 'node:net'
import { performance } from 'node:perf_hooks'
import { ServiceError } from '@shared/errors'
import { toServiceError } from '../errors'
import { canonicalIp } from '../ip'
import { withIgnored } from '../transports/guard'
import { describeEndpoint, type Endpoint, type Exchange, type ExchangeRequest, type ExchangeResult } from '../transports/transport'
import { DeadlineWheel, type Expiring } from './deadline-wheel'
import { Groups } from './groups'
import { PendingTable, type Pending } from './pending-table'
import { questionEnd } from './question-bytes'
import { SignalWatch, type Cancelable } from './signal-watch'

/** Long-lived sockets per resolver address (each bound to its own random source port). */
const SOCKETS_PER_SERVER = 4
/** A socket is retired (no new queries, closed once drained) after this age, so that source ports keep changing. */
const MAX_SOCKET_AGE_MS = 60_000

export interface UdpPoolOptions {
  /** A socket is retired after this many queries (or MAX_SOCKET_AGE_MS). */
  maxQueriesPerSocket?: number
}

export interface UdpPoolStats {
  sockets: number
  socketsOpened: number
  /** Messages that answered no waiting query (unknown ID, duplicates, spoofs, wrong question). */
  ignored: number
}

class PooledSocket {
  readonly table: PendingTable
  readonly openedAt = performance.now()
  queries = 0
  retired = false
  private closed = false
  private connected = false
  /** Queries handed over before the connect completed. */
  private early: Buffer[] = []
  private readonly socket: Socket
  // a connected socket hears from one address only: canonicalise its text once, not per message
  private lastRaw = ''
  private lastCanonical = ''

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
      if (rinfo.address !== this.lastRaw) {
        this.lastRaw = rinfo.address
        this.lastCanonical = canonicalIp(rinfo.address)
      }
      this.table.deliver(msg, performance.now(), { address: this.lastCanonical, port: rinfo.port })
      if (this.retired && this.table.size === 0) this.close()
    })
    // On a connected socket the kernel reports ICMP port-unreachable as ECONNREFUSED: every query
    // waiting here went to that same address, so all of them fail, and the socket is replaced.
    socket.on('error', (err) => {
      this.retire()
      this.table.failAll(err)
      this.close()
    })
    // binding to port 0 lets the kernel pick a random ephemeral port; connect filters other sources
    socket.connect(endpoint.port, endpoint.address, () => {
      this.connected = true
      const early = this.early
      this.early = []
      for (const q of early) this.send(q)
    })
  }

  send(query: Buffer): void {
    if (this.closed) return
    if (this.connected) this.socket.send(query)
    else this.early.push(query)
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

/** One query on a shared socket: settles once, by answer, error, deadline or abort. */
class UdpWaiter implements Pending, Expiring, Cancelable {
  readonly expect: ExchangeRequest['expect']
  readonly stats: ExchangeRequest['stats']
  readonly query: Buffer
  readonly questionEnd: number
  sentAt = 0
  slot = 0
  private settled = false

  constructor(
    private readonly req: ExchangeRequest,
    private readonly socket: PooledSocket,
    private readonly pool: UdpPool,
    private readonly resolve: (r: ExchangeResult) => void,
    private readonly reject: (e: unknown) => void
  ) {
    this.expect = req.expect
    this.stats = req.stats
    this.query = req.query
    this.questionEnd = questionEnd(req.query)
  }

  accept(response: Buffer, receivedAt: number): void {
    if (!this.finish()) return
    this.resolve({ response, exchangeMs: receivedAt - this.sentAt, receivedAtMonoMs: receivedAt })
  }

  fail(err: unknown): void {
    if (!this.finish()) return
    this.reject(withIgnored(toServiceError(err, describeEndpoint(this.req.endpoint)), this.req))
  }

  expire(): void {
    this.fail(new ServiceError('timeout', `no response from ${describeEndpoint(this.req.endpoint)} within ${this.req.timeoutMs} ms`))
  }

  cancel(): void {
    this.fail(new ServiceError('cancelled', 'query cancelled'))
  }

  private finish(): boolean {
    if (this.settled) return false
    this.settled = true
    this.pool.forget(this, this.req.signal)
    this.socket.table.remove(this)
    if (this.socket.retired && this.socket.table.size === 0) this.socket.close()
    return true
  }
}

/**
 * A pool of long-lived connected UDP sockets per resolver. Queries share sockets and are told apart
 * by ID, question and source (see PendingTable); each socket keeps its own random source port and is
 * replaced after `maxQueriesPerSocket` queries or MAX_SOCKET_AGE_MS. Deadlines share one timer wheel
 * and aborts one listener per signal.
 */
export class UdpPool {
  private readonly groups = new Groups<PooledSocket>()
  private readonly cursor = new Map<string, number>()
  // the pooled engine reuses one endpoint object per resolver: its key is built once
  private readonly keys = new WeakMap<Endpoint, string>()
  private readonly maxQueriesPerSocket: number
  private readonly wheel = new DeadlineWheel<UdpWaiter>()
  private readonly signals = new SignalWatch()
  private opened = 0
  private ignored = 0

  constructor(options: UdpPoolOptions = {}) {
    this.maxQueriesPerSocket = options.maxQueriesPerSocket ?? 20_000
  }

  private keyOf(endpoint: Endpoint): string {
    let key = this.keys.get(endpoint)
    if (key === undefined) {
      key = `${endpoint.address}#${endpoint.port}`
      this.keys.set(endpoint, key)
    }
    return key
  }

  private pick(endpoint: Endpoint): PooledSocket {
    const key = this.keyOf(endpoint)
    const now = performance.now()
    // retiring removes the socket from the live list: walk it backwards
    const current = this.groups.get(key)
    let retired = false
    for (let i = current.length - 1; i >= 0; i--) {
      const s = current[i]!
      if (s.queries >= this.maxQueriesPerSocket || now - s.openedAt >= MAX_SOCKET_AGE_MS) {
        retired = true
        s.retire()
        if (s.table.size === 0) s.close()
      }
    }
    const live = retired ? this.groups.get(key) : current
    if (live.length < SOCKETS_PER_SERVER) {
      const s = new PooledSocket(endpoint, (gone) => this.groups.remove(key, gone), () => this.ignored++)
      this.opened++
      this.groups.add(key, s)
      return s
    }
    const i = (this.cursor.get(key) ?? 0) % live.length
    this.cursor.set(key, i + 1)
    return live[i]!
  }

  /** @internal the waiter's deadline and abort registrations, dropped when it settles. */
  forget(w: UdpWaiter, signal: AbortSignal | undefined): void {
    this.wheel.remove(w, w.slot)
    if (signal) this.signals.remove(signal, w)
  }

  readonly exchange: Exchange = (req) =>
    new Promise<ExchangeResult>((resolve, reject) => {
      const { signal } = req
      if (signal?.aborted) {
        reject(new ServiceError('cancelled', 'query cancelled'))
        return
      }
      const socket = this.pick(req.endpoint)
      socket.queries++
      const w = new UdpWaiter(req, socket, this, resolve, reject)
      socket.table.add(w)
      w.sentAt = performance.now()
      w.slot = this.wheel.add(w, w.sentAt + req.timeoutMs)
      if (signal) this.signals.add(signal, w)
      socket.send(req.query)
    })

  stats(): UdpPoolStats {
    return { sockets: this.groups.size, socketsOpened: this.opened, ignored: this.ignored }
  }

  close(): void {
    for (const s of this.groups.drain()) {
      s.table.failAll(new ServiceError('cancelled', 'query pool closed'))
      s.close()
    }
  }
}
