import { createDispatch, type Dispatch } from '../api/dispatch'
import { EventBus } from '@shared/event-bus'
import type { Handlers, ServiceContext } from '../api/handlers'
import { appHandlers } from './app-handlers'
import { convertHandlers } from './convert-handlers'
import { dnsHandlers } from './dns-handlers'
import { formatHandlers } from './format-handlers'
import { inspectHandlers } from './inspect-handlers'
import { adviseHandlers } from './advise-handlers'
import { createLabService } from '../lab/lab-service'
import { labHandlers } from './lab-handlers'
import { learnHandlers } from './learn-handlers'
import { lazyObservations } from '../inspector/lazy-observations'
import { preferenceHandlers } from './preference-handlers'
import { resolverHandlers } from './resolver-handlers'
import { createResolverService } from '../resolvers/resolver-service'
import { watchHandlers } from './watch-handlers'
import { join } from 'node:path'
import { removeStaleTempFiles } from '../storage/stale-temp'
import { CommandQueue } from './command-queue'
import { fileHandlers } from './file-handlers'
import { openFile } from '../files/open-file'
import { readForOpen } from '../files/read-for-open'
import { createPreferenceStore, type PreferenceStore } from '../preferences'
import type { OpenedFile } from '@shared/desktop'
import { QueryPool } from '../dns/pool/query-pool'
import { auditHandlers } from './audit-handlers'
import { chainHandlers } from './chain-handlers'

export { linkCommand } from './link-command'
export { MAX_IN_FLIGHT } from './limits'

export type ServicesOptions = Omit<ServiceContext, 'events'>

export interface Services {
  context: ServiceContext
  handlers: Handlers
  dispatch: Dispatch
  events: EventBus
  /** Commands for the window (menu, second launch, link); it takes them with `app:takeCommands`. */
  commands: CommandQueue
  /** Desktop settings (notifications), read by the desktop host. */
  preferences: PreferenceStore
  /** What would stop if the app closed now. */
  activity(): { watches: number; lab: boolean }
  /** Stops running watches and the lab server cleanly. */
  stopActivity(): Promise<void>
  /** Opens a file the person picked on the main side: read with a byte cap, then like `files:open`. */
  openPath(path: string): Promise<OpenedFile>
  dispose(): Promise<void>
}

/** Wires every domain's handlers once; both hosts (Electron and browser mode) call this. */
export function createServices(options: ServicesOptions): Services {
  const events = new EventBus()
  const context: ServiceContext = { ...options, events }
  const observations = lazyObservations(context.dataDir)
  // Leftovers of writes a crash cut short; nothing reads them, so this need not finish before the stores open.
  void removeStaleTempFiles([options.dataDir, join(options.dataDir, 'zones')])
  const notice = (message: string) => events.emit('app:notice', { level: 'warn', message })
  // the list names the running lab server; the lab finds a resolver given by id in it
  const resolvers = createResolverService({ dataDir: context.dataDir, localServerPort: () => lab.port(), onWarning: notice })
  const lab = createLabService({ dataDir: context.dataDir, events, resolverList: () => resolvers.list() })
  // shared sockets for the many-query work: audits, watches, fan-out (single queries stay one-shot)
  const pool = new QueryPool()
  const labNow = () => lab.status().catch(() => undefined)
  const watches = watchHandlers(context, observations, labNow, pool)
  const audits = auditHandlers(context, pool)
  const { dispose: stopChain, ...chain } = chainHandlers(context, () => lab.status())
  // a lab server that ran when the app last stopped runs again; a failure is reported as a notice
  void lab.restore()
  const commands = new CommandQueue(events)
  // one store, shared with the desktop host
  const preferences = createPreferenceStore(context.dataDir, undefined, notice)
  const fileDeps = { importWatch: (text: string, name: string) => watches.importExport(text, name) }
  const handlers: Handlers = {
    ...appHandlers(context),
    ...dnsHandlers(context, pool),
    ...resolverHandlers(resolvers),
    ...inspectHandlers(context, observations, labNow),
    ...adviseHandlers(context),
    ...preferenceHandlers(preferences),
    ...formatHandlers(context),
    ...watches.handlers,
    ...labHandlers(lab),
    ...convertHandlers(context),
    ...audits.handlers,
    ...learnHandlers(context),
    ...fileHandlers(fileDeps),
    ...chain,
    'app:takeCommands': () => commands.take()
  }
  return {
    context,
    handlers,
    dispatch: createDispatch(handlers),
    events,
    commands,
    preferences,
    activity: () => ({ watches: watches.runningCount(), lab: lab.port() !== undefined }),
    stopActivity: async () => {
      watches.stopAll()
      if (lab.port() !== undefined) await lab.stop()
    },
    openPath: async (path) => {
      const { name, text } = await readForOpen(path)
      return openFile(name, text, fileDeps)
    },
    dispose: async () => {
      audits.dispose()
      await stopChain()
      await watches.dispose()
      await lab.dispose()
      observations.close()
      pool.close()
    }
  }
}
