import { createDispatch, type Dispatch } from '../api/dispatch'
import { EventBus } from '../api/event-bus'
import type { Handlers, ServiceContext } from '../api/handlers'
import { appHandlers } from './app-handlers'
import { dnsHandlers } from './dns-handlers'
import { resolverHandlers } from './resolver-handlers'

export interface ServicesOptions {
  appName: string
  appVersion: string
  host: ServiceContext['host']
  dataDir: string
}

export interface Services {
  context: ServiceContext
  handlers: Handlers
  dispatch: Dispatch
  events: EventBus
  dispose(): Promise<void>
}

/** Wires every domain's handlers once; both hosts (Electron and browser mode) call this. */
export function createServices(options: ServicesOptions): Services {
  const events = new EventBus()
  const context: ServiceContext = { ...options, events }
  const handlers: Handlers = {
    ...appHandlers(context),
    ...dnsHandlers(context),
    ...resolverHandlers(context)
  }
  return {
    context,
    handlers,
    dispatch: createDispatch(handlers),
    events,
    dispose: async () => {}
  }
}
