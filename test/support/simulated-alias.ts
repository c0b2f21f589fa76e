import { startAliasServer, type AliasServer, type AliasServerOptions } from '../../electron/alias-server'
import { parseZone } from '../../electron/zone'
import { aliasApexZone } from '../../scripts/peers/inspector-zones'

/**
 * Our ALIAS server on 127.0.0.1 with alias.test. as an ALIAS (TTL `aliasTtl`) to `target`, a name of its
 * simulated target: the truth is known and no query leaves the process.
 */
export async function startSimulatedAlias(
  target: string,
  simulatedTarget: NonNullable<AliasServerOptions['simulatedTarget']>,
  aliasTtl = 60
): Promise<AliasServer> {
  const parsed = parseZone(aliasApexZone('alias.test.', target, aliasTtl))
  if (!parsed.zone) throw new Error(parsed.errors.map((e) => e.message).join('; '))
  return startAliasServer({ zones: [parsed.zone], upstream: { mode: 'simulated' }, simulatedTarget, logQueries: false })
}
