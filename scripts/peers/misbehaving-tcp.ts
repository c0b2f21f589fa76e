/** The misbehaving server's TCP side: each behaviour as length-prefixed frames on the connection. */
import type { Server, Socket as TcpSocket } from 'node:net'
import { frame, parseQuery, pointerLoop, response } from './misbehaving-messages'
import type { Scripted } from './misbehaving-types'

export function answerTcp(tcp: Server, connections: Set<TcpSocket>, { choose, sent, later }: Scripted): void {
  tcp.on('connection', (socket) => {
    connections.add(socket)
    socket.on('close', () => connections.delete(socket))
    socket.on('error', () => undefined)
    let buffer = Buffer.alloc(0)
    let previousId: number | undefined
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk])
      while (buffer.length >= 2 && buffer.length >= 2 + buffer.readUInt16BE(0)) {
        const message = buffer.subarray(2, 2 + buffer.readUInt16BE(0))
        buffer = buffer.subarray(2 + message.length)
        const query = parseQuery(message)
        if (!query) continue
        const behaviour = choose('tcp', query, socket.remotePort ?? 0)
        const send = (data: Buffer): void => {
          if (socket.destroyed) return
          sent()
          socket.write(frame(data))
        }
        const lastId = previousId
        previousId = query.id ?? 0
        const good = (): Buffer => response(query)
        switch (behaviour.kind) {
          case 'answer':
          case 'other-port':
          case 'tc-then-tcp':
            send(good())
            break
          case 'no-reply':
            break
          case 'delay':
            later(behaviour.ms, () => send(good()))
            break
          case 'wrong-id':
            send(response(query, { id: ((query.id ?? 0) + 1) & 0xffff }))
            if (behaviour.thenAnswer) send(good())
            if (behaviour.close) socket.end()
            break
          case 'wrong-question':
            send(response(query, { name: 'wrong.invalid' }))
            if (behaviour.thenAnswer) send(good())
            if (behaviour.close) socket.end()
            break
          case 'garbage': {
            const full = good()
            send(behaviour.bytes ?? full.subarray(0, Math.max(14, Math.floor(full.length / 2))))
            if (behaviour.thenAnswer) send(good())
            break
          }
          case 'pointer-loop':
            send(pointerLoop(message, query))
            break
          case 'huge-length': {
            const prefix = Buffer.from([0xff, 0xff])
            socket.write(Buffer.concat([prefix, good().subarray(0, 12)]))
            if (behaviour.close) socket.end()
            break
          }
          case 'rcode':
            send(response(query, { rcode: behaviour.rcode, answers: [] }))
            break
          case 'duplicate':
            send(good())
            send(good())
            break
          case 'cross-id':
            if (lastId !== undefined && lastId !== query.id) send(response(query, { id: lastId }))
            send(good())
            break
        }
      }
    })
  })
}
