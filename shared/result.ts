import { z } from 'zod'

/** Error codes that may cross the process boundary. Never a stack trace. */
export const errorCodes = [
  'validation',
  'forbidden',
  'unknown-channel',
  'not-found',
  'timeout',
  'unreachable',
  'refused',
  'tls',
  'http',
  'malformed',
  'mismatch',
  'cancelled',
  'bad-input',
  'conflict',
  'internal',
  /** A resource cap was reached (DNS sockets, unread results); retrying later can succeed. */
  'busy'
] as const

/** Longest error message that may cross the boundary (the browser transport drops results that break the schema). */
export const MAX_ERROR_MESSAGE = 4000

export const apiErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string().max(MAX_ERROR_MESSAGE)
})
export type ApiError = z.infer<typeof apiErrorSchema>
export type ErrorCode = ApiError['code']

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message }
})
