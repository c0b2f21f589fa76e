import { z } from 'zod'
import { appInfoSchema, echoInputSchema } from './app'
import { dnsQueryManyRequestSchema, dnsQueryManyResultSchema, dnsQueryRequestSchema, dnsQueryResultSchema } from './dns'
import {
  resolverEntrySchema,
  resolverListSchema,
  resolverRemoveInputSchema,
  resolverRemoveResultSchema,
  resolverSaveInputSchema
} from './resolvers'

const none = z.strictObject({}).optional()

/**
 * The one registry of request/response channels, named `domain:verb`.
 * Both hosts (Electron IPC and browser mode's WebSocket) validate every input against `input`.
 */
export const channels = {
  'app:info': { input: none, output: appInfoSchema },
  'app:echo': { input: echoInputSchema, output: z.object({ text: z.string() }) },
  'dns:query': { input: dnsQueryRequestSchema, output: dnsQueryResultSchema },
  'dns:queryMany': { input: dnsQueryManyRequestSchema, output: dnsQueryManyResultSchema },
  'resolvers:list': { input: none, output: resolverListSchema },
  'resolvers:save': { input: resolverSaveInputSchema, output: resolverEntrySchema },
  'resolvers:remove': { input: resolverRemoveInputSchema, output: resolverRemoveResultSchema }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

/** Events pushed from the main side to the renderer, named `domain:event`. */
export const events = {
  'app:notice': z.object({ level: z.enum(['info', 'warn']), message: z.string() })
} as const satisfies Record<string, z.ZodType>

export type Channel = keyof typeof channels
export type EventName = keyof typeof events
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

export const channelNames = Object.keys(channels) as Channel[]
export const eventNames = Object.keys(events) as EventName[]
