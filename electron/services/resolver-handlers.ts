import type { HandlerGroup, ServiceContext } from '../api/handlers'
import { createResolverService, type ResolverServiceOptions } from '../resolvers/resolver-service'

export interface ResolverHandlerOptions {
  /** Port of the local ALIAS server while it runs; its preset is listed as unavailable otherwise. */
  localServerPort?: () => number | undefined
  systemResolvers?: ResolverServiceOptions['systemResolvers']
}

export function resolverHandlers(ctx: ServiceContext, options: ResolverHandlerOptions = {}): HandlerGroup<'resolvers'> {
  const service = createResolverService({
    dataDir: ctx.dataDir,
    ...options,
    onWarning: (message) => ctx.events.emit('app:notice', { level: 'warn', message })
  })
  return {
    'resolvers:list': () => service.list(),
    'resolvers:save': ({ input, label }) => service.save(input, label),
    'resolvers:remove': ({ id }) => service.remove(id)
  }
}
