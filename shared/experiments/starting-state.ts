import type { CheckResult, LabAction, Observation, StepRecord } from './types'

/** The lab zone every experiment starts from: the demo zone (apex ALIAS → the simulated CDN). */
export const START_ZONE = `$ORIGIN example.test.
$TTL 300
@       3600  IN SOA   ns1.example.test. hostmaster.example.test. 1 3600 600 86400 60
@       3600  IN NS    ns1.example.test.
ns1     3600  IN A     127.0.0.1
@       60    IN ALIAS cdn.example.test.
www     300   IN CNAME example.test.
`

export const APEX = 'example.test.'
export const TARGET = 'cdn.example.test.'
export const FIRST_ADDRESS = '192.0.2.10'
export const SECOND_ADDRESS = '192.0.2.20'

/**
 * The starting state: the server running on the simulated target, the demo zone (bind dialect), the draft profile, no geo
 * regions, no HTTPS AliasMode record, the
 * target answering with one address, an empty cache and an empty query log. `targetTtl` varies per experiment;
 * `server` restarts the server with these transfer or signing options.
 */
export function startingState(targetTtl = 300, server: Omit<Extract<LabAction, { kind: 'start' }>, 'kind'> = {}): LabAction[] {
  return [
    { kind: 'start', ...server },
    { kind: 'saveZone', text: START_ZONE, dialect: 'bind' },
    { kind: 'settings', patch: { profile: 'draft' } },
    { kind: 'geo', geo: null },
    { kind: 'httpsAlias', enabled: false },
    { kind: 'targetState', state: { state: 'ok' } },
    { kind: 'target', a: [FIRST_ADDRESS], aaaa: ['2001:db8::10'], ttl: targetTtl },
    { kind: 'flush' },
    { kind: 'clearLog' }
  ]
}

/** The apex's answers in the stored log, oldest first. */
export const apexRows = (observation: Observation, type = 'A') =>
  observation.log.filter((row) => row.name === APEX && row.type === type).slice().reverse()

export const recordOf = (observation: Observation, stepId: string): StepRecord | undefined => observation.steps[stepId]

export const notYet = (observed: string) => ({ done: false, observed, outcome: null })

export const done = (observed: string, outcome: string | null): CheckResult => ({ done: true, observed, outcome })
