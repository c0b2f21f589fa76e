import type { TtlPolicy, WatchSession, WatchStartInput } from '@shared/inspector'
import type { ResolverTarget } from '@shared/dns'
import type { Result } from '@shared/result'
import type { WatchRequest } from '../context/NavigationContext'
import { getApi } from '../transport'

/** The lab's experiment: ask every second, so that a change of the target shows within a second of reaching the apex. */
const REQUESTED_INTERVAL_SECONDS = 1

/**
 * Starts the watch another view asked for (the lab's "Watch this apex"): the resolvers by id, the local ALIAS
 * server by default. While the lab server runs, its own port is used even if the resolver list is not current.
 */
async function startRequested(request: WatchRequest): Promise<Result<WatchSession>> {
  const api = getApi()
  const ids = request.resolverIds?.length ? request.resolverIds : ['local-udp']
  const list = await api.resolvers.list()
  if (!list.ok) return list
  const resolvers: ResolverTarget[] = []
  for (const id of ids) {
    const entry = list.value.resolvers.find((r) => r.id === id)
    if (!entry) return { ok: false, error: { code: 'not-found', message: `no resolver "${id}" in the list` } }
    if (!entry.available) {
      return { ok: false, error: { code: 'unreachable', message: `${entry.label} cannot be asked now: ${entry.note ?? 'it is unavailable'}` } }
    }
    resolvers.push(entry.target)
  }
  return api.watch.start({
    apex: request.apex,
    target: request.target,
    resolvers,
    mode: 'interval',
    intervalSeconds: REQUESTED_INTERVAL_SECONDS
  })
}

export interface WatchActions {
  start(input: WatchStartInput): Promise<Result<WatchSession>>
  startRequested(request: WatchRequest): Promise<Result<WatchSession>>
  /** A session's samples and analysis as JSON or CSV text, under the TTL policy shown (null: as served). */
  exportData(id: string, format: 'json' | 'csv', policy: TtlPolicy | null): Promise<Result<string>>
  remove(id: string): Promise<Result<{ id: string }>>
}

const actions: WatchActions = {
  start: (input) => getApi().watch.start(input),
  startRequested,
  exportData: (id, format, policy) => getApi().watch.export({ id, format, ...(policy ? { policy } : {}) }),
  remove: (id) => getApi().watch.remove({ id })
}

/**
 * What the Watch view does with sessions (start, export, delete). The list and one session's live data are
 * `useWatchList` and `useWatchSession`.
 */
export function useWatch(): WatchActions {
  return actions
}
