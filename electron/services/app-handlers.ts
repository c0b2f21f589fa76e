import type { HandlerGroup, ServiceContext } from '../api/handlers'

/** `app:takeCommands` is wired with the command queue in services/index.ts. */
export function appHandlers(ctx: ServiceContext): Omit<HandlerGroup<'app'>, 'app:takeCommands'> {
  return {
    'app:info': () => ({
      name: ctx.appName,
      version: ctx.appVersion,
      host: ctx.host,
      platform: process.platform,
      versions: { node: process.versions.node, ...(process.versions.electron ? { electron: process.versions.electron } : {}) }
    }),
    'app:echo': ({ text }) => ({ text })
  }
}
