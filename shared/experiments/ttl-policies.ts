import type { TtlPolicy } from '../alias-server'
import { APEX, done, notYet, recordOf, startingState } from './starting-state'
import { aname, powerdnsAlias, rfc } from './sources'
import type { LabAction, ReadyExperiment } from './types'

const TARGET_TTL = 300
const policies: readonly TtlPolicy[] = ['min', 'fixed', 'passthrough']

const tryPolicy = (policy: TtlPolicy): LabAction[] => [
  { kind: 'settings', patch: { ttlPolicy: policy } },
  { kind: 'flush' },
  { kind: 'query', name: APEX, type: 'A' }
]

export const ttlPolicies: ReadyExperiment = {
  id: 'ttl-policies',
  number: 4,
  status: 'ready',
  title: 'TTL policies: min, pass-through and fixed',
  question: 'Which TTL policy keeps clients freshest, and what does that cost in queries?',
  minutes: 5,
  goal: `Serve the apex (ALIAS TTL 60 s, target TTL ${TARGET_TTL} s) under each TTL policy and compare the TTL clients get and the upstream queries the server sends.`,
  setup: startingState(TARGET_TTL),
  prediction: {
    question: `The ALIAS record's TTL is 60 s and the target's is ${TARGET_TTL} s. Under which policy will clients cache the apex the longest?`,
    choices: policies.map((id) => ({ id, label: id === 'min' ? 'min (the lower TTL, counting down)' : id === 'fixed' ? 'fixed (the lower TTL as fetched)' : "passthrough (the target's TTL)" }))
  },
  expected: 'passthrough',
  steps: policies.map((policy) => ({
    id: policy,
    text: `Switch the server to the '${policy}' policy, empty its cache and query the apex.`,
    label: `Try '${policy}'`,
    actions: tryPolicy(policy)
  })),
  check: (observation) => {
    const seen = policies.map((policy) => ({ policy, record: recordOf(observation, policy) }))
    const missing = seen.filter((s) => s.record?.query?.ttl == null).map((s) => s.policy)
    if (missing.length > 0) return notYet(`Not tried yet: ${missing.join(', ')}.`)
    const ttl = (s: (typeof seen)[number]) => s.record!.query!.ttl!
    const longest = seen.reduce((best, s) => (ttl(s) > ttl(best) ? s : best))
    const upstream = seen.map((s) => s.record!.upstreamQueries ?? 0)
    const perStep = upstream.map((n, i) => (i === 0 ? n : n - upstream[i - 1]!))
    return done(`${seen.map((s, i) => `${s.policy}: TTL ${ttl(s)} s, ${perStep[i]} upstream`).join('; ')}. The longest was ${longest.policy}.`, longest.policy)
  },
  explanation: [
    "'min' and 'fixed' never give clients more than the ALIAS record's own TTL (60 s here), so a client's copy goes stale for at most a minute. 'passthrough' hands out the target's TTL (300 s): clients keep the apex five times longer.",
    "The upstream cost is the server's: it asks the target again when its own copy expires, whatever the policy (one query per target TTL). A longer client TTL saves queries to the ALIAS server itself, at the price of staler answers.",
    "'min' counts down with the server's copy, so a client never keeps an address longer than the server does; 'fixed' restarts from the fetched TTL on every answer (ANAME draft)."
  ],
  sources: [
    aname(4, 'TTLs'),
    powerdnsAlias('ALIAS TTL'),
    rfc(2181, '8', 'time to live')
  ]
}
