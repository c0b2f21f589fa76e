import type { QueryLogEntry, TargetFailureInput } from '@shared/alias-server'
import type { DnsQueryResult } from '@shared/dns'
import type { Profile, ProfileId } from '@shared/providers'
import { startAliasServer, type AliasServer } from '../../../electron/alias-server'
import { ask } from '../alias-server/support/ask'
import { zoneHead, zoneOf } from '../alias-server/support/zones'

export const ORIGIN = 'example.test.'
export const APEX_ALIAS_TTL = 30
export const LOW_ALIAS_TTL = 10
export const TARGET_A = ['192.0.2.10', '192.0.2.11']
export const TARGET_AAAA = ['2001:db8::10']

const ZONE = [zoneHead(ORIGIN, 3600, 60), `@ ${APEX_ALIAS_TTL} IN ALIAS cdn.example.test.`, `low ${LOW_ALIAS_TTL} IN ALIAS cdn.example.test.`].join('\n')

export interface ProfileServer {
  server: AliasServer
  log: QueryLogEntry[]
  stop(): Promise<void>
}

export async function serveProfile(profile: ProfileId, targetTtl: number): Promise<ProfileServer> {
  const server = await startAliasServer({
    zones: [zoneOf(ZONE)],
    upstream: { mode: 'simulated' },
    settings: { profile },
    simulatedTarget: { a: TARGET_A, aaaa: TARGET_AAAA, ttl: targetTtl }
  })
  const log: QueryLogEntry[] = []
  server.onQuery((batch) => log.push(...batch))
  return { server, log, stop: () => server.stop() }
}

/** Runs `test` against a fresh server for `profile`, stopped afterwards whatever happens. */
export async function withProfile(profile: ProfileId, targetTtl: number, test: (s: ProfileServer) => Promise<void>): Promise<void> {
  const s = await serveProfile(profile, targetTtl)
  try {
    await test(s)
  } finally {
    await s.stop()
  }
}

/** A query with a client timeout long enough for a silent target's (retries + 1) × timeout. */
export const askLong = (port: number, name: string, type: string | number, transport: 'udp' | 'tcp'): Promise<DnsQueryResult> =>
  ask(port, name, type, { transport, timeoutMs: 8000 })

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** What a profile's rules say a client gets when the target is in `state` (derived from the rule values). */
export type Expected = { rcode: 'NOERROR' | 'SERVFAIL'; addresses: 'target' | 'none' }

export function expectedOutcome(p: Profile, state: TargetFailureInput['state'], hadGoodAnswer: boolean): Expected {
  const missing = (o: 'empty' | 'servfail'): Expected => (o === 'servfail' ? { rcode: 'SERVFAIL', addresses: 'none' } : { rcode: 'NOERROR', addresses: 'none' })
  if (state === 'nxdomain') return missing(p.targetNxdomain.value)
  if (state === 'nodata') return missing(p.targetNodata.value)
  if (state === 'ok' || state === 'slow') return { rcode: 'NOERROR', addresses: 'target' }
  const f = p.targetFailure.value
  if (f.startsWith('stale') && hadGoodAnswer) return { rcode: 'NOERROR', addresses: 'target' }
  if (f === 'servfail' || f === 'stale-else-servfail') return { rcode: 'SERVFAIL', addresses: 'none' }
  return { rcode: 'NOERROR', addresses: 'none' }
}

/** Query-log batches leave every ~50 ms. */
export const flushLog = (_s: ProfileServer): Promise<void> => sleep(120)
