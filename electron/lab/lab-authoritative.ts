import type { ResolverTarget } from '@shared/dns'
import type { TtlPolicy } from '@shared/inspector'
import type { LabStatus } from '@shared/lab'
import { isAtOrBelow } from '@shared/names'
import { canonicalName } from '../dns/names'

const atOrBelow = (name: string, zone: string): boolean => isAtOrBelow(canonicalName(name), canonicalName(zone))

/**
 * The running lab is the own server of its zone and of its simulated target (which has no NS records
 * to find it by): a watch of those names samples the lab directly for the authoritative viewpoint.
 */
export function labAuthoritativeServers(
  status: Pick<LabStatus, 'running' | 'host' | 'port' | 'zone' | 'target'> | undefined,
  apex: string,
  target: string
): { apex?: ResolverTarget[]; target?: ResolverTarget[] } {
  if (!status?.running || !status.port) return {}
  const lab: ResolverTarget = { transport: 'udp', host: status.host ?? '127.0.0.1', port: status.port, label: 'local ALIAS lab' }
  const served = (name: string): boolean => atOrBelow(name, status.zone.origin) || (!!status.target && atOrBelow(name, status.target.name))
  return { ...(served(apex) ? { apex: [lab] } : {}), ...(served(target) ? { target: [lab] } : {}) }
}

/**
 * The running lab's TTL rule when it serves `apex` (its zone), else undefined: a stale apex of the
 * lab is dated with the rule the lab really applies, not an assumed 'min'.
 */
export function labTtlRule(status: Pick<LabStatus, 'running' | 'port' | 'zone' | 'settings'> | undefined, apex: string): TtlPolicy | undefined {
  if (!status?.running || !status.port || !atOrBelow(apex, status.zone.origin)) return undefined
  return status.settings.ttlPolicy
}
