import type { HandlerGroup, ServiceContext } from '../api/handlers'
import { gatherFacts } from '../advisor/gather'
import { recommend } from '../advisor/recommend'

export function adviseHandlers(_ctx: ServiceContext): HandlerGroup<'advise'> {
  return {
    'advise:run': async (input, signal) => {
      const { apex, target, resolvers, profile, subnets, authoritativePort, skipAuthoritative, timeoutMs } = input
      const facts = await gatherFacts(
        { apex, target, resolvers, ...(profile ? { profile } : {}), ...(subnets ? { subnets } : {}), authoritativePort, skipAuthoritative, timeoutMs },
        { signal }
      )
      return recommend(facts)
    }
  }
}
