/** The UDP side: one socket, every datagram straight into the query handler. */
import { createSocket, type Socket } from 'node:dgram'
import { isIPv6 } from 'node:net'
import type { QueryHandler, Replier } from '../query-handler'

/** A bound socket (UDP or TCP): its port, and closing it. */
export interface Listener {
  readonly port: number
  close(): Promise<void>
}

const BUFFER_BYTES = 4 * 1024 * 1024

export function listenUdp(host: string, port: number, handler: QueryHandler, onError: (error: unknown) => void): Promise<Listener> {
  const socket: Socket = createSocket({ type: isIPv6(host) ? 'udp6' : 'udp4' })
  const replier: Replier = {
    tcp: false,
    send(out, address, toPort) {
      try {
        socket.send(out, 0, out.length, toPort, address)
      } catch {
        // the socket closed while the answer was being resolved
      }
    },
    skip() {}
  }
  return new Promise((resolve, reject) => {
    const failStart = (error: Error): void => {
      socket.close()
      reject(error)
    }
    socket.once('error', failStart)
    socket.bind(port, host, () => {
      socket.off('error', failStart)
      // send errors (e.g. ICMP unreachable from a gone client) must never stop the server
      socket.on('error', onError)
      for (const grow of [() => socket.setRecvBufferSize(BUFFER_BYTES), () => socket.setSendBufferSize(BUFFER_BYTES)]) {
        try {
          grow()
        } catch {
          // the system caps socket buffers (net.core.rmem_max); the default works too
        }
      }
      socket.on('message', (msg, rinfo) => {
        try {
          handler.handle(msg, rinfo.address, rinfo.port, replier)
        } catch (error) {
          onError(error)
        }
      })
      let closed: Promise<void> | undefined
      resolve({
        port: socket.address().port,
        close: () => (closed ??= new Promise<void>((done) => socket.close(() => done())))
      })
    })
  })
}
