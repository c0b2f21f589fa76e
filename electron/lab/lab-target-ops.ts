/** The lab's simulated target: its addresses, sets, rotation and failure state, and the ALIAS cache in front of it. */
import { type SimulatedTargetState, type TargetFailureInput } from '@shared/alias-server'
import type { LabRotateTargetInput, LabSaveSetsInput, LabSetTargetInput } from '@shared/lab'
import type { LabFlushResult } from '@shared/lab-log'
import { ServiceError } from '@shared/errors'
import { DEFAULT_SIMULATED_NAME, type AliasServer } from '../alias-server'
import type { LabFile } from './lab-file'
import { afterRotation, saveSets as saveTargetSets } from './target-sets'

export interface TargetContext {
  state(): Promise<LabFile>
  persist(next: LabFile): Promise<void>
  /** The running server, if any. */
  server(): AliasServer | undefined
}

export function targetOperations(ctx: TargetContext) {
  const setTarget = async (input: LabSetTargetInput): Promise<SimulatedTargetState> => {
    const f = await ctx.state()
    const target = { a: [...input.a], aaaa: [...input.aaaa], ttl: input.ttl }
    const server = ctx.server()
    const result = server
      ? server.simulatedTarget.set(target)
      : { name: DEFAULT_SIMULATED_NAME, ...target, version: 0, changedAt: Date.now(), failure: { state: 'ok' as const }, rotation: null }
    await ctx.persist({ ...f, target })
    return result
  }

  const rotateTarget = async (input: LabRotateTargetInput): Promise<SimulatedTargetState> => {
    const f = await ctx.state()
    const server = ctx.server()
    if (!server) throw new ServiceError('conflict', 'the lab server is not running; start it to rotate its target')
    const stop = 'stop' in input
    const result = stop ? server.simulatedTarget.stopRotation() : server.simulatedTarget.rotate(input)
    await ctx.persist(afterRotation(f, result, stop))
    return result
  }

  const saveSets = async (input: LabSaveSetsInput): Promise<SimulatedTargetState | null> => {
    const { next, served } = saveTargetSets(await ctx.state(), input, ctx.server())
    await ctx.persist(next)
    return served
  }

  const flushCache = async (): Promise<LabFlushResult> => {
    const server = ctx.server()
    if (!server) throw new ServiceError('conflict', 'the lab server is not running: there is no ALIAS cache to flush')
    return { targets: server.flushTargetCache() }
  }

  const setTargetState = async (input: TargetFailureInput): Promise<SimulatedTargetState> => {
    const server = ctx.server()
    if (!server) throw new ServiceError('conflict', 'the lab server is not running; start it to break its target')
    return server.simulatedTarget.setFailure(input)
  }

  return { setTarget, rotateTarget, saveSets, flushCache, setTargetState }
}
