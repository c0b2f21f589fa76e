/** The misbehaving server's UDP side: each behaviour as a datagram (or none). */
import type { RemoteInfo, Socket as UdpSocket } from 'node:dgram'
import { parseQuery, pointerLoop, response } from './misbehaving-messages'
import type { Scripted } from './misbehaving-types'

export function answerUdp(udpSocket: UdpSocket, other: UdpSocket, { choose, sent, later }: Scripted): void {
  const lastIdFrom = new Map<string, number>()
  udpSocket.on('message', (message: Buffer, remote: RemoteInfo) => {
    const query = parseQuery(message)
    if (!query) return
    const behaviour = choose('udp', query, remote.port)
    const send = (data: Buffer, via: UdpSocket = udpSocket): void => {
      sent()
      via.send(data, remote.port, remote.address)
    }
    const client = `${remote.address}#${remote.port}`
    const previousId = lastIdFrom.get(client)
    lastIdFrom.set(client, query.id ?? 0)
    // a well-behaved UDP answer honours the client's size (EDNS payload size, else 512 octets)
    const opt = (query.additionals ?? []).find((r) => r.type === 'OPT')
    const limit = opt && opt.type === 'OPT' ? Math.max(512, opt.udpPayloadSize) : 512
    const good = (): Buffer => {
      const full = response(query)
      return full.length <= limit ? full : response(query, { tc: true, answers: [] })
    }
    switch (behaviour.kind) {
      case 'answer':
        return send(good())
      case 'no-reply':
      case 'huge-length':
        return
      case 'delay':
        return later(behaviour.ms, () => send(good()))
      case 'wrong-id':
        send(response(query, { id: ((query.id ?? 0) + 1) & 0xffff }))
        if (behaviour.thenAnswer) later(20, () => send(good()))
        return
      case 'wrong-question':
        send(response(query, { name: 'wrong.invalid' }))
        if (behaviour.thenAnswer) later(20, () => send(good()))
        return
      case 'other-port':
        send(good(), other)
        if (behaviour.thenAnswer) later(20, () => send(good()))
        return
      case 'garbage': {
        const full = good()
        send(behaviour.bytes ?? full.subarray(0, Math.max(14, Math.floor(full.length / 2))))
        if (behaviour.thenAnswer) later(20, () => send(good()))
        return
      }
      case 'pointer-loop':
        return send(pointerLoop(message, query))
      case 'tc-then-tcp':
        return send(response(query, { tc: true, answers: [] }))
      case 'rcode':
        return send(response(query, { rcode: behaviour.rcode, answers: [] }))
      case 'duplicate':
        send(good())
        return later(5, () => send(good()))
      case 'cross-id':
        if (previousId !== undefined && previousId !== query.id) send(response(query, { id: previousId }))
        return later(5, () => send(good()))
    }
  })
}
