import { z } from 'zod'
import { apiErrorSchema } from './result'

/** Browser mode's WebSocket messages. The server validates every client message against this. */
export const clientMessageSchema = z.strictObject({
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  channel: z.string().max(64),
  payload: z.unknown().optional()
})

export const serverMessageSchema = z.union([
  z.object({
    kind: z.literal('result'),
    id: z.number(),
    result: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: apiErrorSchema })
    ])
  }),
  z.object({ kind: z.literal('event'), event: z.string(), payload: z.unknown() })
])
export type ServerMessage = z.infer<typeof serverMessageSchema>

/** Path of the WebSocket endpoint and name of the query parameter that carries the per-launch token. */
export const wsPath = '/api'
export const tokenParam = 'token'
