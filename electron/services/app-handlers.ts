import type { HandlerGroup, ServiceContext } from '../api/handlers'

export function appHandlers(ctx: ServiceContext): HandlerGroup<'app'> {
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
