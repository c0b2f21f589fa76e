import type { HandlerGroup, ServiceContext } from '../api/handlers'
import { createLearnStore } from '../learn'

export function learnHandlers(ctx: ServiceContext): HandlerGroup<'learn'> {
  const store = createLearnStore(ctx.dataDir)
  return {
    'learn:progress': () => store.progress(),
    'learn:save': (input) => store.save(input),
    'learn:setTeacher': ({ enabled }) => store.setTeacher(enabled)
  }
}
