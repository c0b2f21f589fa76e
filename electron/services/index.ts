import { createDispatch, type Dispatch } from '../api/dispatch'
import { EventBus } from '../api/event-bus'
import type { Handlers, ServiceContext } from '../api/handlers'
import { appHandlers } from './app-handlers'
import { convertHandlers } from './convert-handlers'
import { dnsHandlers } from './dns-handlers'
import { formatHandlers } from './format-handlers'
import { inspectHandlers } from './inspect-handlers'
import { createLabService } from '../lab/lab-service'
import { labHandlers } from './lab-handlers'
import { lazyObservations } from './observations'
import { preferenceHandlers } from './preference-handlers'
import { resolverHandlers } from './resolver-handlers'
import { watchHandlers } from './watch-handlers'
import { join } from 'node:path'
import { removeStaleTempFiles } from '../storage/stale-temp'

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
  const observations = lazyObservations(context.dataDir)
  // Leftovers of writes a crash cut short; nothing reads them, so this need not finish before the stores open.
  void removeStaleTempFiles([options.dataDir, join(options.dataDir, 'zones')])
  const lab = createLabService({ dataDir: context.dataDir, events })
  const watches = watchHandlers(context, observations, () => lab.status())
  // a lab server that ran when the app last stopped runs again; a failure is reported as a notice
  void lab.restore()
  const handlers: Handlers = {
    ...appHandlers(context),
    ...dnsHandlers(context),
    ...resolverHandlers(context, { localServerPort: lab.port }),
    ...inspectHandlers(context, observations, () => lab.status()),
    ...preferenceHandlers(context),
    ...formatHandlers(context),
    ...watches.handlers,
    ...labHandlers(lab),
    ...convertHandlers(context)
  }
  return {
    context,
    handlers,
    dispatch: createDispatch(handlers),
    events,
    dispose: async () => {
      await watches.dispose()
      await lab.dispose()
      observations.close()
    }
  }
}
