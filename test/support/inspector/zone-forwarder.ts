import { createSocket, type Socket } from 'node:dgram'
import * as dnsPacket from 'dns-packet'

export interface ForwardRoute {
  /** e.g. 'target.test.': names at or below it go to `port` on 127.0.0.1. */
  zone: string
  port: number
}

export interface ZoneForwarder {
  host: '127.0.0.1'
  port: number
  stop(): Promise<void>
}

const labels = (name: string): string => name.toLowerCase().replace(/\.$/, '')

/**
 * A UDP forwarder with no cache (what dnsdist does): each question goes to the loopback server of
 * its zone and the answer comes straight back. Watches through it see every server's current data,
 * with no resolver cache in between.
 */
export async function startZoneForwarder(routes: ForwardRoute[]): Promise<ZoneForwarder> {
  const front: Socket = createSocket('udp4')
  const sockets = new Set<Socket>()
  front.on('message', (message, client) => {
    let name: string
    try {
      name = labels(dnsPacket.decode(message).questions?.[0]?.name ?? '')
    } catch {
      return
    }
    const route = routes
      .filter((r) => name === labels(r.zone) || name.endsWith(`.${labels(r.zone)}`))
      .sort((a, b) => b.zone.length - a.zone.length)[0]
    if (!route) return
    const upstream = createSocket('udp4')
    sockets.add(upstream)
    const close = (): void => {
      clearTimeout(timer)
      sockets.delete(upstream)
      upstream.close()
    }
    const timer = setTimeout(close, 5000)
    upstream.on('message', (answer) => {
      front.send(answer, client.port, client.address)
      close()
    })
    upstream.send(message, route.port, '127.0.0.1')
  })
  await new Promise<void>((resolve) => front.bind(0, '127.0.0.1', () => resolve()))
  return {
    host: '127.0.0.1',
    port: front.address().port,
    stop: async () => {
      for (const socket of sockets) socket.close()
      await new Promise<void>((resolve) => front.close(() => resolve()))
    }
  }
}
