import type { HandlerGroup, ServiceContext } from '../api/handlers'
import type { WatchSession } from '@shared/inspector'
import type { QueryPool } from '../dns/pool/query-pool'
import { openWatchService, type WatchService } from '../inspector'
import type { TtlPolicy } from '@shared/inspector'
import type { LabStatus } from '@shared/lab'
import { labAuthoritativeServers, labTtlRule } from '../lab/lab-authoritative'
import type { LazyObservations } from '../inspector/lazy-observations'

export interface WatchHandlers {
  handlers: HandlerGroup<'watch'>
  /** Ends running watches (marked interrupted) and closes the store. */
  dispose(): Promise<void>
  /** Imports a watch export (JSON text) as a new session. */
  importExport(text: string, name?: string): WatchSession
  /** Watches sampling now (0 when the store was never opened). */
  runningCount(): number
  /** Stops every running watch cleanly. */
  stopAll(): void
}

/** The store opens on first use, so a host that never watches never touches watch.sqlite. */
export function watchHandlers(
  ctx: ServiceContext,
  observations?: LazyObservations,
  /** The running lab's status, undefined when it cannot be read. */
  labNow: () => Promise<LabStatus | undefined> = async () => undefined,
  pool?: QueryPool
): WatchHandlers {
  let service: WatchService | undefined
  const watches = (): WatchService =>
    (service ??= openWatchService(ctx.dataDir, {
      ...(pool ? { queryFn: pool.query } : {}),
      onSample: (sample) => ctx.events.emit('watch:sample', sample),
      onState: (session) => ctx.events.emit('watch:state', { session }),
      ...(observations ? { observations: observations.get() } : {}),
      onNotice: (message) => ctx.events.emit('app:notice', { level: 'warn', message })
    }))
  // without a rule in the request, a session of an apex the running lab serves takes the lab's rule
  const labRule = async (): Promise<(apex: string) => TtlPolicy> => {
    const lab = await labNow()
    return (apex) => labTtlRule(lab, apex) ?? 'min'
  }
  return {
    handlers: {
      'watch:start': async (input) => {
        const lab = await labNow()
        const ttlRule = labTtlRule(lab, input.apex)
        return watches().start({
          ...input,
          ...(input.authoritative ? { authoritativeServers: labAuthoritativeServers(lab, input.apex, input.target) } : {}),
          ...(ttlRule ? { ttlRule } : {})
        })
      },
      'watch:stop': ({ id }) => watches().stop(id),
      'watch:list': () => watches().list(),
      'watch:get': async ({ id, policy }) => watches().get(id, policy ?? (await labRule())),
      'watch:export': async ({ id, format, policy }) => watches().export(id, format, policy ?? (await labRule())),
      'watch:remove': ({ id }) => watches().remove(id)
    },
    dispose: async () => {
      await service?.dispose()
    },
    importExport: (text, name) => watches().import(text, name),
    runningCount: () => service?.runningCount() ?? 0,
    stopAll: () => service?.stopAll()
  }
}
