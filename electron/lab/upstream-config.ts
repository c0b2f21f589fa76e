/** The server's upstream configuration from what the lab was asked for (and what it used last). */
import type { UpstreamConfig, UpstreamMode } from '@shared/alias-server'
import type { ResolverTarget } from '@shared/dns'
import type { LabUpstreamResolver } from '@shared/lab'
import type { ResolverList } from '@shared/resolvers'
import { ServiceError } from '@shared/errors'
import { formatResolver } from '@shared/resolver-target'
import { parseResolver } from '../resolvers/parse-resolver'

export interface UpstreamChoice {
  mode: UpstreamMode
  resolver: ResolverTarget | null
  /** Authoritative mode: the port the target's name servers listen on. */
  serverPort: number | null
}

export function upstreamConfig(choice: UpstreamChoice): UpstreamConfig {
  if (choice.mode === 'simulated') return { mode: 'simulated' }
  if (!choice.resolver) {
    const role = choice.mode === 'recursive' ? 'the resolver to ask' : 'the resolver that finds the target’s name servers'
    throw new ServiceError('bad-input', `upstream mode '${choice.mode}' needs upstreamResolver (${role}): a resolver target or the id of a saved resolver`)
  }
  return choice.mode === 'recursive'
    ? { mode: 'recursive', resolver: choice.resolver }
    : { mode: 'authoritative', bootstrap: choice.resolver, serverPort: choice.serverPort ?? 53 }
}

/**
 * The target `lab:start` names: as given, or the entry of the resolver list (presets and saved ones) with that id.
 * A string that is no id but reads as a resolver (`127.0.0.1:5353`, `tls://…`) is taken as one, so scripts written
 * when the field was text keep working.
 */
export async function upstreamTarget(given: LabUpstreamResolver, list?: () => Promise<ResolverList>): Promise<ResolverTarget> {
  if (typeof given !== 'string') return given
  const entry = list ? (await list()).resolvers.find((r) => r.id === given) : undefined
  if (!entry) {
    if (/^[\w-]+$/.test(given) && !/^\d+$/.test(given)) throw new ServiceError('not-found', `no resolver has the id "${given}" (resolvers:list names them)`)
    return parseResolver(given)
  }
  if (!entry.available) throw new ServiceError('conflict', `the resolver "${entry.label}" cannot be used now${entry.note ? `: ${entry.note}` : ''}`)
  return entry.target
}

/** The status's two views of the upstream: the text (the field's form since the first version) and the target. */
export const upstreamFields = (target: ResolverTarget | null): { upstreamResolver: string | null; upstreamTarget: ResolverTarget | null } => ({
  upstreamResolver: target ? formatResolver(target) : null,
  upstreamTarget: target
})
