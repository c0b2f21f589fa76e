import { channelNames, eventNames, type Channel, type ChannelInput, type ChannelOutput, type EventName, type EventPayload } from './channels'
import type { Result } from './result'

type DomainOf<K extends string> = K extends `${infer D}:${string}` ? D : never
type VerbOf<K extends string, D extends string> = K extends `${D}:${infer V}` ? V : never

export type Unsubscribe = () => void

type Methods<D extends string> = {
  [C in Channel as VerbOf<C, D>]: undefined extends ChannelInput<C>
    ? (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
}

type Subscriptions<D extends string> = {
  [E in EventName as VerbOf<E, D> extends never
    ? never
    : `on${Capitalize<VerbOf<E, D>>}`]: (listener: (payload: EventPayload<E>) => void) => Unsubscribe
}

/**
 * The object the renderer sees (`window.inspector` in Electron, the WebSocket client in browser mode):
 * one method per channel, grouped by domain, e.g. `api.app.info()`, and one `onX` per event.
 */
export type InspectorApi = {
  [D in DomainOf<Channel> | DomainOf<EventName>]: Methods<D> & Subscriptions<D>
}

/** The wire shape both hosts share, so one transport layer can build the API object. */
export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>
  subscribe(event: EventName, listener: (payload: unknown) => void): Unsubscribe
}

export const methodName = (name: string): { domain: string; key: string } => {
  const [domain, verb] = name.split(':') as [string, string]
  return { domain, key: verb }
}

export const subscriptionName = (event: string): { domain: string; key: string } => {
  const [domain, verb] = event.split(':') as [string, string]
  return { domain, key: `on${verb.charAt(0).toUpperCase()}${verb.slice(1)}` }
}

/** Builds the typed API object over a transport. Used by the preload and by browser mode's client. */
export function buildApi(transport: Transport): InspectorApi {
  const api: Record<string, Record<string, unknown>> = {}
  for (const channel of channelNames) {
    const { domain, key } = methodName(channel)
    api[domain] ??= {}
    api[domain][key] = (input?: unknown) => transport.invoke(channel, input)
  }
  for (const event of eventNames) {
    const { domain, key } = subscriptionName(event)
    api[domain] ??= {}
    api[domain][key] = (listener: (payload: unknown) => void) => transport.subscribe(event, listener)
  }
  return api as unknown as InspectorApi
}
