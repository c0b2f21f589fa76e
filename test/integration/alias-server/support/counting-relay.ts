import { createSocket, type Socket } from 'node:dgram'
import { connect, createServer, type Server } from 'node:net'
import * as packet from 'dns-packet'
import { freePort } from '../../../../scripts/peers/ports'

export interface RelayedQuery {
  name: string
  type: string
  rd: boolean
  transport: 'udp' | 'tcp'
  time: number
}

/**
 * A UDP+TCP relay on 127.0.0.1 in front of a real server (Knot): it counts what reaches that
 * server, can delay every query (to make concurrency visible) or drop them all (an outage).
 */
export interface CountingRelay {
  port: number
  queries: RelayedQuery[]
  /** Queries for name (lower case, trailing dot) and type seen so far. */
  count(name: string, type?: string): number
  setDelay(ms: number): void
  setDown(down: boolean): void
  stop(): Promise<void>
}

export async function startCountingRelay(targetPort: number): Promise<CountingRelay> {
  const port = await freePort()
  const queries: RelayedQuery[] = []
  let delay = 0
  let down = false
  const sockets = new Set<Socket>()

  const record = (msg: Buffer, transport: 'udp' | 'tcp'): void => {
    try {
      const q = packet.decode(msg)
      const question = q.questions?.[0]
      if (question) {
        queries.push({
          name: `${question.name.toLowerCase()}.`.replace(/\.\.$/, '.'),
          type: question.type,
          rd: ((q.flags ?? 0) & packet.RECURSION_DESIRED) !== 0,
          transport,
          time: Date.now()
        })
      }
    } catch {
      // not a query we can read: forwarded anyway
    }
  }

  const udp = createSocket('udp4')
  udp.on('message', (msg, client) => {
    record(msg, 'udp')
    if (down) return
    setTimeout(() => {
      const upstream = createSocket('udp4')
      sockets.add(upstream)
      const done = (): void => {
        sockets.delete(upstream)
        upstream.close()
      }
      const timer = setTimeout(done, 5000)
      upstream.on('error', () => undefined)
      upstream.on('message', (reply) => {
        clearTimeout(timer)
        if (!down) udp.send(reply, client.port, client.address)
        done()
      })
      upstream.send(msg, targetPort, '127.0.0.1')
    }, delay)
  })
  await new Promise<void>((resolve) => udp.bind(port, '127.0.0.1', resolve))

  const tcp: Server = createServer((client) => {
    if (down) {
      client.destroy()
      return
    }
    const upstream = connect(targetPort, '127.0.0.1')
    let pending = Buffer.alloc(0)
    client.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk])
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        record(pending.subarray(2, 2 + pending.readUInt16BE(0)), 'tcp')
        pending = pending.subarray(2 + pending.readUInt16BE(0))
      }
      setTimeout(() => upstream.write(chunk), delay)
    })
    upstream.on('data', (chunk) => client.write(chunk))
    const close = (): void => {
      client.destroy()
      upstream.destroy()
    }
    client.on('error', close)
    upstream.on('error', close)
    client.on('close', close)
    upstream.on('close', close)
  })
  await new Promise<void>((resolve) => tcp.listen(port, '127.0.0.1', resolve))

  return {
    port,
    queries,
    count: (name, type) => queries.filter((q) => q.name === name && (type === undefined || q.type === type)).length,
    setDelay: (ms) => {
      delay = ms
    },
    setDown: (value) => {
      down = value
    },
    async stop() {
      for (const s of sockets) s.close()
      await new Promise<void>((resolve) => udp.close(() => resolve()))
      await new Promise<void>((resolve) => tcp.close(() => resolve()))
    }
  }
}
