import type { HandlerGroup, ServiceContext } from '../api/handlers'
import type { LabStatus } from '@shared/lab'
import { inspect, suggest } from '../inspector'
import { labTtlRule } from '../lab/lab-authoritative'
import type { LazyObservations } from '../inspector/lazy-observations'

/** `labNow`: the embedded lab's status, whose TTL rule dates a stale apex it serves when the request names none. */
export function inspectHandlers(_ctx: ServiceContext, observations?: LazyObservations, labNow?: () => Promise<LabStatus | undefined>): HandlerGroup<'inspect'> {
  return {
    'inspect:run': async (input, signal) => {
      const lab = input.policy === undefined ? await labNow?.() : undefined
      const policy = input.policy ?? labTtlRule(lab, input.apex)
      return inspect({ ...input, ...(policy ? { policy } : {}) }, { signal, ...(observations ? { observations: observations.get() } : {}) })
    },
    'inspect:suggest': (input, signal) => suggest(input, { signal })
  }
}
