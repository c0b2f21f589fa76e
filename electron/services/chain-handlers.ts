/** The `chain:` channels: the local trust chain above the running lab, and the delegation view of a name through it. */
import { join } from 'node:path'
import type { LabStatus } from '@shared/lab'
import type { HandlerGroup, ServiceContext } from '../api/handlers'
import { ServiceError } from '@shared/errors'
import { labChain } from '../trust-chain'
import { delegationView } from '../trace/delegation'

export function chainHandlers(ctx: ServiceContext, labStatus: () => Promise<LabStatus>): HandlerGroup<'chain'> & { dispose(): Promise<void> } {
  const chain = labChain(join(ctx.dataDir, 'dnssec-keys', 'chain'), labStatus)
  return {
    'chain:status': () => chain.status(),
    'chain:start': () => chain.start(),
    'chain:stop': () => chain.stop(),
    'chain:delegation': async ({ name, root }, signal) => {
      const through = root ? { start: root, rootDs: [] } : await chain.root()
      if (!through) throw new ServiceError('conflict', 'start the local trust chain (Lab) or give a root server')
      return delegationView({ name, ...through, signal })
    },
    dispose: () => chain.dispose()
  }
}
