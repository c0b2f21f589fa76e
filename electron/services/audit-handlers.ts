import type { HandlerGroup, ServiceContext } from '../api/handlers'
import { AuditService } from '../audit/audit-service'
import { listSavedZones, readSavedZone } from '../audit/saved-zones'
import type { QueryPool } from '../dns/pool/query-pool'

export function auditHandlers(ctx: ServiceContext, pool: QueryPool): { handlers: HandlerGroup<'audit'>; dispose(): void } {
  const service = new AuditService(pool, (event) => ctx.events.emit('audit:progress', event))
  return {
    handlers: {
      'audit:start': (input) => service.start(input),
      'audit:cancel': ({ id }) => service.cancel(id),
      'audit:zones': () => listSavedZones(ctx.dataDir),
      'audit:zone': ({ file }) => readSavedZone(ctx.dataDir, file)
    },
    dispose: () => service.dispose()
  }
}
