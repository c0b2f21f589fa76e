/** The server's upstream configuration from what the lab was asked for (and what it used last). */
import type { UpstreamConfig, UpstreamMode } from '@shared/alias-server'
import type { ResolverTarget } from '@shared/dns'
import type { LabUpstreamResolver } from '@shared/lab'
import type { ResolverList } from '@shared/resolvers'
import { ServiceError } from '@shared/errors'

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

/** The target `lab:start` names: as given, or the entry of the resolver list (presets and saved ones) with that id. */
export async function upstreamTarget(given: LabUpstreamResolver, list?: () => Promise<ResolverList>): Promise<ResolverTarget> {
  if (typeof given !== 'string') return given
  const entry = list ? (await list()).resolvers.find((r) => r.id === given) : undefined
  if (!entry) throw new ServiceError('not-found', `no resolver has the id "${given}" (resolvers:list names them)`)
  if (!entry.available) throw new ServiceError('conflict', `the resolver "${entry.label}" cannot be used now${entry.note ? `: ${entry.note}` : ''}`)
  return entry.target
}
