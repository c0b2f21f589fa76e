import type { ProfileId } from '../providers'
import { APEX, done, FIRST_ADDRESS, notYet, recordOf, startingState } from './starting-state'
import { DNSIMPLE_ALIAS, powerdnsAlias, rfc } from './sources'
import type { LabAction, ReadyExperiment, StepRecord } from './types'

const PROFILES: readonly ProfileId[] = ['draft', 'powerdns', 'dnsimple']
const TARGET_TTL = 2

/** Fill the cache under one profile, break the target, let the cached copy expire, ask again. */
const breakUnder = (profile: ProfileId): LabAction[] => [
  { kind: 'settings', patch: { profile } },
  { kind: 'targetState', state: { state: 'ok' } },
  { kind: 'target', a: [FIRST_ADDRESS], aaaa: ['2001:db8::10'], ttl: TARGET_TTL },
  { kind: 'flush' },
  { kind: 'query', name: APEX, type: 'A' },
  { kind: 'targetState', state: { state: 'servfail' } },
  { kind: 'wait', seconds: TARGET_TTL + 1 },
  { kind: 'query', name: APEX, type: 'A' }
]

const outcomeOf = (record: StepRecord): string | null => {
  const query = record.query
  if (!query) return null
  if (query.rcode === 'SERVFAIL') return 'servfail'
  if (query.rcode === 'NOERROR' && query.answer.length === 0) return 'empty'
  if (query.answer.some((a) => a.includes(FIRST_ADDRESS))) return 'stale'
  return 'other'
}

const words: Record<string, string> = { servfail: 'SERVFAIL', empty: 'an empty answer', stale: `the stale ${FIRST_ADDRESS}`, other: 'something else' }

export const targetBreaks: ReadyExperiment = {
  id: 'target-breaks',
  number: 6,
  status: 'ready',
  title: 'When the target breaks',
  question: 'The CDN fails: do clients get SERVFAIL, an empty answer, or the last good address?',
  minutes: 4,
  goal: `Under three provider profiles, cache the target (TTL ${TARGET_TTL} s), make it answer SERVFAIL, wait for the copy to expire and query the apex.`,
  setup: startingState(TARGET_TTL),
  prediction: {
    question: 'The target answers SERVFAIL and the server\'s copy has expired. What does a client get from the PowerDNS profile?',
    choices: [
      { id: 'servfail', label: 'SERVFAIL' },
      { id: 'empty', label: 'An empty answer (NOERROR, no records)' },
      { id: 'stale', label: `The last good address (${FIRST_ADDRESS}), served stale` }
    ]
  },
  expected: 'servfail',
  steps: PROFILES.map((profile) => ({
    id: profile,
    text: `Under the ${profile} profile: query the apex, break the target (SERVFAIL), wait ${TARGET_TTL + 1} s, query again.`,
    label: `Break the target under ${profile}`,
    actions: breakUnder(profile)
  })),
  check: (observation) => {
    const seen = PROFILES.map((profile) => ({ profile, record: recordOf(observation, profile) }))
    const missing = seen.filter((s) => !s.record?.query).map((s) => s.profile)
    if (missing.length > 0) return notYet(`Not tried yet: ${missing.join(', ')}.`)
    const outcomes = seen.map((s) => ({ profile: s.profile, outcome: outcomeOf(s.record!) }))
    const failureRule = observation.log.find((row) => row.rcode === 'SERVFAIL' && row.rule)?.rule
    return done(`${outcomes.map((o) => `${o.profile}: ${words[o.outcome ?? 'other']}`).join('; ')}.${failureRule ? ` The query log names the SERVFAIL's rule: "${failureRule}".` : ''}`, outcomes.find((o) => o.profile === 'powerdns')!.outcome)
  },
  explanation: [
    'RFC 8767 (serve-stale) lets a server answer with data past its TTL when the source fails, which is what the ANAME draft profile does: clients keep working on the last good address.',
    "PowerDNS resolves the target when the query comes and has no stale copy to fall back on: the failure becomes the client's SERVFAIL. DNSimple serves the cached response when it has one (as here) and an empty result set when it has none.",
    'Each row of the query log names the profile rule that produced the answer.'
  ],
  sources: [
    rfc(8767, '4', 'serve-stale'),
    powerdnsAlias(),
    DNSIMPLE_ALIAS
  ]
}
