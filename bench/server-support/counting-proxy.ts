/**
 * A UDP relay in front of the target zone's server that counts the queries passing through, by
 * name and type: the upstream query count of whichever ALIAS server uses it. Loopback only.
 */
import { createSocket, type RemoteInfo } from 'node:dgram'
import * as dnsPacket from 'dns-packet'

export interface CountingProxy {
  port: number
  /** Queries seen for `name` (lower case, no trailing dot) and `type`. */
  count(name: string, type: string): number
  stop(): Promise<void>
}

export async function startCountingProxy(upstreamPort: number): Promise<CountingProxy> {
  const front = createSocket('udp4')
  const back = createSocket('udp4')
  const counts = new Map<string, number>()
  const waiting = new Map<number, RemoteInfo>()
  front.on('message', (message, client) => {
    try {
      const question = dnsPacket.decode(message).questions?.[0]
      if (question) {
        const key = `${question.name.toLowerCase().replace(/\.$/, '')} ${question.type}`
        counts.set(key, (counts.get(key) ?? 0) + 1)
      }
    } catch {
      // relayed all the same
    }
    if (message.length >= 2) waiting.set(message.readUInt16BE(0), client)
    back.send(message, upstreamPort, '127.0.0.1')
  })
  back.on('message', (message) => {
    if (message.length < 2) return
    const client = waiting.get(message.readUInt16BE(0))
    if (!client) return
    waiting.delete(message.readUInt16BE(0))
    front.send(message, client.port, client.address)
  })
  await new Promise<void>((resolve) => back.bind(0, '127.0.0.1', () => resolve()))
  await new Promise<void>((resolve) => front.bind(0, '127.0.0.1', () => resolve()))
  return {
    port: front.address().port,
    count: (name, type) => counts.get(`${name.toLowerCase()} ${type}`) ?? 0,
    stop: async () => {
      await Promise.all([new Promise<void>((r) => front.close(() => r())), new Promise<void>((r) => back.close(() => r()))])
    }
  }
}
