import type { HandlerGroup, ServiceContext } from '../api/handlers'
import { inspect, suggest } from '../inspector'
import type { LazyObservations } from './observations'

export function inspectHandlers(_ctx: ServiceContext, observations?: LazyObservations): HandlerGroup<'inspect'> {
  return {
    'inspect:run': (input, signal) => inspect(input, { signal, ...(observations ? { observations: observations.get() } : {}) }),
    'inspect:suggest': (input, signal) => suggest(input, { signal })
  }
}
