import { useEffect, useRef } from 'react'
import type { InspectInput, InspectResult } from '@shared/inspector'
import { useCommands } from '../../context/CommandsContext'
import { useNavigation } from '../../context/NavigationContext'
import type { ResolversState } from '../../hooks/useResolvers'

interface InspectForm {
  setApex(apex: string): void
  setTarget(target: string): void
  /** What the Inspect button does, for these names. */
  inspect(names: { apex: string; target: string }): Promise<void>
  /** File › New inspection: an empty form. */
  clear(): void
}

interface Inspection {
  run(input: InspectInput): Promise<InspectResult | null>
  reset(): void
}

/**
 * Inspections asked for from elsewhere: a row of the audit (its apex, target and resolvers, run as they are), an
 * alias-inspector://inspect/… link or File › New inspection from the menu or another launch.
 */
export function useInspectRequests(form: InspectForm, { run, reset }: Inspection, resolversStatus: ResolversState['status']): void {
  // the form's functions change every render; the effects below run on the requests only
  const latest = useRef(form)
  latest.current = form

  const { inspectRequest: auditRequest } = useNavigation()
  useEffect(() => {
    if (!auditRequest) return
    latest.current.setApex(auditRequest.apex.replace(/\.$/, ''))
    latest.current.setTarget(auditRequest.target?.replace(/\.$/, '') ?? '')
    void run(auditRequest)
  }, [auditRequest, run])

  const { inspectRequest, newInspection } = useCommands()
  const handledLink = useRef(0)
  useEffect(() => {
    if (!inspectRequest || inspectRequest.seq === handledLink.current || resolversStatus === 'loading') return
    handledLink.current = inspectRequest.seq
    const names = { apex: inspectRequest.apex, target: inspectRequest.target ?? '' }
    latest.current.setApex(names.apex)
    latest.current.setTarget(names.target)
    void latest.current.inspect(names)
  }, [inspectRequest, resolversStatus])

  useEffect(() => {
    if (newInspection === 0) return
    latest.current.clear()
    reset()
  }, [newInspection, reset])
}
