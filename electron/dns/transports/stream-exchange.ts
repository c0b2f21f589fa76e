import type { Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { ServiceError } from '@shared/errors'
import { matchResponse } from '../match-response'
import { FrameReader, frame } from './framing'
import type { Guard } from './guard'
import { describeEndpoint, type ExchangeRequest, type ExchangeResult } from './transport'

/**
 * The DNS-over-stream exchange shared by TCP and DoT: once `ready` fires, send one framed query and
 * read framed messages until one matches. Mismatches are ignored; the attempt timer bounds waiting.
 */
export function streamExchange(
  g: Guard<ExchangeResult>,
  req: ExchangeRequest,
  socket: Socket,
  readyEvent: 'connect' | 'secureConnect',
  dialStart: number,
  extra: () => Partial<ExchangeResult> = () => ({})
): void {
  const { stats } = req
  g.onCleanup(() => socket.destroy())
  let sentAt = 0
  let connectMs: number | undefined
  const reader = new FrameReader((msg) => {
    const receivedAt = performance.now()
    const verdict = matchResponse(req.expect, msg)
    if (!verdict.ok) {
      stats.ignored++
      stats.lastIgnoredReason = verdict.reason
      return
    }
    g.resolve({
      response: Buffer.from(msg),
      ...(connectMs !== undefined ? { connectMs } : {}),
      exchangeMs: receivedAt - sentAt,
      receivedAtMonoMs: receivedAt,
      ...extra()
    })
  })
  socket.on('error', (err) => g.reject(err))
  socket.once(readyEvent, () => {
    sentAt = performance.now()
    connectMs = sentAt - dialStart
    socket.write(frame(req.query))
  })
  socket.on('data', (chunk: Buffer) => {
    if (g.settled) return
    try {
      reader.push(chunk)
    } catch (err) {
      g.reject(err)
    }
  })
  socket.on('close', () => {
    if (g.settled) return
    const where = describeEndpoint(req.endpoint)
    g.reject(
      reader.pending > 0
        ? new ServiceError('malformed', `connection to ${where} closed in the middle of a message`)
        : new ServiceError('unreachable', `connection to ${where} closed before a response`)
    )
  })
}
