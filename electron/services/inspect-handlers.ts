import type { HandlerGroup, ServiceContext } from '../api/handlers'
import { inspect, suggest } from '../inspector'

export function inspectHandlers(_ctx: ServiceContext): HandlerGroup<'inspect'> {
  return {
    'inspect:run': (input, signal) => inspect(input, { signal }),
    'inspect:suggest': (input, signal) => suggest(input, { signal })
  }
}
