import { createSocket, type Socket as UdpSocket } from 'node:dgram'
import { createServer, type Server, type Socket as TcpSocket } from 'node:net'
import type * as dnsPacket from 'dns-packet'
import { freePort } from './ports'
import { answerTcp } from './misbehaving-tcp'
import type { BehaviourChooser, MisbehavingServer, Misbehaviour, ReceivedQuery, Scripted } from './misbehaving-types'
import { answerUdp } from './misbehaving-udp'

export type { BehaviourChooser, MisbehavingServer, Misbehaviour, ReceivedQuery } from './misbehaving-types'
export { MISBEHAVING_A } from './misbehaving-messages'

/** A scripted DNS server on 127.0.0.1 (UDP + TCP, same port) for error-path tests. */
export async function startMisbehavingServer(
  initial: Misbehaviour | BehaviourChooser = { kind: 'answer' }
): Promise<MisbehavingServer> {
  let choose: BehaviourChooser = typeof initial === 'function' ? initial : () => initial
  const received: ReceivedQuery[] = []
  let sentCount = 0
  const timers = new Set<NodeJS.Timeout>()
  const connections = new Set<TcpSocket>()
  const later = (ms: number, action: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      action()
    }, ms)
    timers.add(timer)
  }

  const bindUdp = (port: number): Promise<UdpSocket> =>
    new Promise((resolve, reject) => {
      const socket = createSocket('udp4')
      socket.once('error', reject)
      socket.bind(port, '127.0.0.1', () => {
        socket.removeListener('error', reject)
        socket.on('error', () => undefined)
        resolve(socket)
      })
    })
  const listenTcp = (server: Server, port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.removeListener('error', reject)
        resolve()
      })
    })

  let udp: UdpSocket | undefined
  let tcp: Server | undefined
  let port = 0
  for (let attempt = 0; attempt < 10 && !tcp; attempt++) {
    port = await freePort()
    try {
      udp = await bindUdp(port)
      const server = createServer()
      await listenTcp(server, port)
      tcp = server
    } catch {
      udp?.close()
      udp = undefined
    }
  }
  if (!udp || !tcp) throw new Error('misbehaving server: could not bind UDP and TCP on one free port')
  const other = await bindUdp(await freePort())
  const otherPort = (other.address()).port

  const scripted: Scripted = {
    choose(transport, query: dnsPacket.Packet, clientPort) {
      const question = query.questions![0]!
      const entry: ReceivedQuery = {
        transport,
        id: query.id ?? 0,
        name: question.name,
        type: question.type,
        edns: (query.additionals ?? []).some((r) => r.type === 'OPT'),
        clientPort
      }
      received.push(entry)
      return choose(entry)
    },
    sent: () => void sentCount++,
    later
  }

  const udpSocket = udp
  answerUdp(udpSocket, other, scripted)
  answerTcp(tcp, connections, scripted)

  const tcpServer = tcp
  let stopped: Promise<void> | undefined
  return {
    host: '127.0.0.1',
    port,
    otherPort,
    received,
    sent: () => sentCount,
    behave(behaviour) {
      choose = typeof behaviour === 'function' ? behaviour : () => behaviour
    },
    stop() {
      stopped ??= (async () => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        for (const socket of connections) socket.destroy()
        await Promise.all([
          new Promise<void>((resolve) => udpSocket.close(() => resolve())),
          new Promise<void>((resolve) => other.close(() => resolve())),
          new Promise<void>((resolve) => tcpServer.close(() => resolve()))
        ])
      })()
      return stopped
    }
  }
}
