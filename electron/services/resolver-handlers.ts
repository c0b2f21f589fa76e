import type { HandlerGroup } from '../api/handlers'
import type { ResolverService } from '../resolvers/resolver-service'

export function resolverHandlers(service: ResolverService): HandlerGroup<'resolvers'> {
  return {
    'resolvers:list': () => service.list(),
    'resolvers:save': ({ input, label }) => service.save(input, label),
    'resolvers:remove': ({ id }) => service.remove(id)
  }
}
