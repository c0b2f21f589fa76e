import { createSocket } from 'node:dgram'
import { connect, type Socket } from 'node:net'
import * as packet from 'dns-packet'

/** A query in wire form (dns-packet), ID given. */
export function wireQuery(name: string, type: packet.RecordType, id = 0x4242, opt?: { udpPayloadSize?: number; flags?: number }): Buffer {
  return packet.encode({
    type: 'query',
    id,
    flags: 0,
    questions: [{ name, type, class: 'IN' }],
    additionals: opt ? [{ type: 'OPT', name: '.', udpPayloadSize: 1232, flags: 0, ...opt } as packet.Answer] : []
  })
}

/** Sends raw octets over UDP to 127.0.0.1:port; resolves with the reply, or undefined after `timeoutMs`. */
export function udpRaw(port: number, bytes: Buffer, timeoutMs = 500): Promise<Buffer | undefined> {
  const socket = createSocket('udp4')
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.close()
      resolve(undefined)
    }, timeoutMs)
    socket.on('message', (msg) => {
      clearTimeout(timer)
      socket.close()
      resolve(msg)
    })
    socket.send(bytes, port, '127.0.0.1')
  })
}

/** Sends many UDP queries from one socket; resolves with the replies received within `waitMs`. */
export function udpBurst(port: number, queries: Buffer[], waitMs = 500): Promise<Buffer[]> {
  const socket = createSocket('udp4')
  const replies: Buffer[] = []
  socket.on('message', (msg) => replies.push(msg))
  return new Promise((resolve) => {
    socket.bind(0, '127.0.0.1', () => {
      for (const q of queries) socket.send(q, port, '127.0.0.1')
      setTimeout(() => {
        socket.close()
        resolve(replies)
      }, waitMs)
    })
  })
}

export const rcodeOf = (msg: Buffer): number => msg[3]! & 0x0f

/** A TCP connection that collects framed responses. */
export interface TcpSession {
  socket: Socket
  write(bytes: Buffer): void
  /** The next `n` responses (decoded), in arrival order. */
  responses(n: number, timeoutMs?: number): Promise<packet.DecodedPacket[]>
  /** Resolves when the server closes the connection. */
  closed: Promise<void>
  close(): void
}

export const frame = (msg: Buffer): Buffer => Buffer.concat([Buffer.from([msg.length >> 8, msg.length & 0xff]), msg])

export async function tcpSession(port: number): Promise<TcpSession> {
  const socket = connect(port, '127.0.0.1')
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  let buffer = Buffer.alloc(0)
  const got: packet.DecodedPacket[] = []
  let wake: (() => void) | null = null
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk])
    while (buffer.length >= 2 && buffer.length >= 2 + buffer.readUInt16BE(0)) {
      got.push(packet.decode(buffer.subarray(2, 2 + buffer.readUInt16BE(0))))
      buffer = buffer.subarray(2 + buffer.readUInt16BE(0))
    }
    wake?.()
  })
  socket.on('error', () => undefined)
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  return {
    socket,
    write: (bytes) => socket.write(bytes),
    async responses(n, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs
      while (got.length < n && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          wake = resolve
          setTimeout(resolve, 50)
        })
      }
      return got.splice(0, n)
    },
    closed,
    close: () => socket.destroy()
  }
}
