/** The server's upstream configuration from what the lab was asked for (and what it used last). */
import type { UpstreamConfig, UpstreamMode } from '@shared/alias-server'
import { ServiceError } from '@shared/errors'
import { parseResolver } from '../resolvers/parse-resolver'

export interface UpstreamChoice {
  mode: UpstreamMode
  /** Resolver text as typed ('IP', 'IP:port', tcp://, tls://, https://). */
  resolver: string | null
  /** Authoritative mode: the port the target's name servers listen on. */
  serverPort: number | null
}

export function upstreamConfig(choice: UpstreamChoice): UpstreamConfig {
  if (choice.mode === 'simulated') return { mode: 'simulated' }
  if (!choice.resolver) {
    const role = choice.mode === 'recursive' ? 'the resolver to ask' : 'the resolver that finds the target’s name servers'
    throw new ServiceError('bad-input', `upstream mode '${choice.mode}' needs upstreamResolver (${role}), e.g. 127.0.0.1:53`)
  }
  const resolver = parseResolver(choice.resolver)
  return choice.mode === 'recursive'
    ? { mode: 'recursive', resolver }
    : { mode: 'authoritative', bootstrap: resolver, serverPort: choice.serverPort ?? 53 }
}
