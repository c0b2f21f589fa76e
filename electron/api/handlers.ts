import type { Channel, ChannelOutput, ChannelParsedInput } from '@shared/channels'
import type { EventBus } from '@shared/event-bus'

export interface ServiceContext {
  appName: string
  appVersion: string
  host: 'electron' | 'browser'
  /** Folder for user data (resolvers, zones, watch sessions). */
  dataDir: string
  events: EventBus
}

export type Handler<C extends Channel> = (
  input: ChannelParsedInput<C>,
  signal: AbortSignal
) => Promise<ChannelOutput<C>> | ChannelOutput<C>

/** One handler per channel: a missing one is a compile error. */
export type Handlers = { [C in Channel]: Handler<C> }

/** A domain's share of the handlers, e.g. everything under `dns:`. */
export type HandlerGroup<Prefix extends string> = {
  [C in Channel as C extends `${Prefix}:${string}` ? C : never]: Handler<C>
}
