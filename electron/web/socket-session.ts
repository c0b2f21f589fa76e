import type { WebSocket } from 'ws'
import { fail } from '@shared/result'
import { clientMessageSchema, type ServerMessage } from '@shared/wire'
import type { Services } from '../services'
import { MAX_IN_FLIGHT } from '../services'

export { MAX_IN_FLIGHT }

/**
 * Bytes queued to one socket past which events are dropped: a tab that stops reading (suspended,
 * frozen) must not make the main side buffer the lab's query log without end. Results are always sent.
 */
export const MAX_BUFFERED_EVENT_BYTES = 4 * 1024 * 1024

/**
 * Bytes of results one socket may leave unread. A client that keeps asking and never reads would
 * otherwise make the main side buffer results without end (131 MB grew to 341 MB in a review). Past
 * it, new requests and results that would not fit are answered `busy` (a small message) instead.
 */
export const MAX_UNREAD_RESULT_BYTES = 32 * 1024 * 1024

const busyUnread = (queued: number, size?: number) =>
  fail(
    'busy',
    `${Math.round(queued / 1024)} KiB of earlier results on this connection are still unread` +
      `${size === undefined ? '' : `; this result (${Math.round(size / 1024)} KiB) was not sent`}; read them, then ask again`
  )

/** One browser tab's connection: validated requests in, results and events out. */
export function attachSocketSession(socket: WebSocket, services: Services): void {
  const abort = new AbortController()
  let inFlight = 0
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }
  const unsubscribe = services.events.subscribe((event, payload) => {
    if (socket.bufferedAmount <= MAX_BUFFERED_EVENT_BYTES) send({ kind: 'event', event, payload })
  })

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
    if (inFlight >= MAX_IN_FLIGHT) {
      const busy = fail('conflict', `too many requests at once on this connection (${MAX_IN_FLIGHT}); wait for their answers`)
      return send({ kind: 'result', id, result: busy })
    }
    if (socket.bufferedAmount > MAX_UNREAD_RESULT_BYTES) return send({ kind: 'result', id, result: busyUnread(socket.bufferedAmount) })
    inFlight++
    try {
      const text = JSON.stringify({ kind: 'result', id, result: await services.dispatch(channel, payload, abort.signal) } satisfies ServerMessage)
      if (socket.bufferedAmount + text.length > MAX_UNREAD_RESULT_BYTES) send({ kind: 'result', id, result: busyUnread(socket.bufferedAmount, text.length) })
      else if (socket.readyState === socket.OPEN) socket.send(text)
    } finally {
      inFlight--
    }
  })
  socket.on('close', () => {
    abort.abort()
    unsubscribe()
  })
  socket.on('error', () => socket.terminate())
}
