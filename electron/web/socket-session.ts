import type { WebSocket } from 'ws'
import { clientMessageSchema, type ServerMessage } from '@shared/wire'
import type { Services } from '../services'

/** One browser tab's connection: validated requests in, results and events out. */
export function attachSocketSession(socket: WebSocket, services: Services): void {
  const abort = new AbortController()
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }
  const unsubscribe = services.events.subscribe((event, payload) => send({ kind: 'event', event, payload }))

  socket.on('message', async (data, isBinary) => {
    if (isBinary) return socket.close(1003, 'text frames only')
    let raw: unknown
    try {
      raw = JSON.parse(data.toString())
    } catch {
      return socket.close(1007, 'messages must be JSON')
    }
    const message = clientMessageSchema.safeParse(raw)
    if (!message.success) return socket.close(1008, 'malformed request envelope')
    const { id, channel, payload } = message.data
    send({ kind: 'result', id, result: await services.dispatch(channel, payload, abort.signal) })
  })
  socket.on('close', () => {
    abort.abort()
    unsubscribe()
  })
  socket.on('error', () => socket.terminate())
}
