import { channels, type Channel } from '@shared/channels'
import { fail, MAX_ERROR_MESSAGE, ok, type Result } from '@shared/result'
import type { Handlers } from './handlers'
import { clip, describeIssues, ServiceError } from '@shared/errors'

export type Dispatch = (channel: string, payload: unknown, signal?: AbortSignal) => Promise<Result<unknown>>

const isChannel = (name: string): name is Channel => Object.hasOwn(channels, name)

/**
 * The single entry point both hosts call: checks the channel, validates the payload against its schema,
 * runs the handler and turns every outcome into a Result. Nothing throws past this function.
 */
export function createDispatch(
  handlers: Handlers,
  logError: (error: unknown) => void = (error) => console.error(error)
): Dispatch {
  return async (channel, payload, signal = new AbortController().signal) => {
    if (!isChannel(channel)) return fail('unknown-channel', `Unknown channel "${String(channel).slice(0, 64)}"`)
    const parsed = channels[channel].input.safeParse(payload)
    if (!parsed.success) {
      return fail('validation', clip(`Invalid request for ${channel}: ${describeIssues(parsed.error.issues)}`, MAX_ERROR_MESSAGE))
    }
    try {
      const handler = handlers[channel] as (input: unknown, signal: AbortSignal) => unknown
      return ok(await handler(parsed.data, signal))
    } catch (error) {
      if (error instanceof ServiceError) return fail(error.code, clip(error.message, MAX_ERROR_MESSAGE))
      logError(error)
      return fail('internal', `${channel} failed unexpectedly; details are in the application log`)
    }
  }
}
