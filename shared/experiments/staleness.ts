import { APEX, apexRows, done, FIRST_ADDRESS, notYet, SECOND_ADDRESS, startingState } from './starting-state'
import { aname, rfc } from './sources'
import type { ReadyExperiment } from './types'

const TARGET_TTL = 8

export const staleness: ReadyExperiment = {
  id: 'staleness',
  number: 3,
  status: 'ready',
  title: 'Staleness: how long the apex lags its target',
  question: 'After the CDN changes its address, how long does the apex keep answering with the old one?',
  minutes: 5,
  goal: `Fill the server's cache, change the target's address, and measure how long the apex keeps the old one (target TTL ${TARGET_TTL} s).`,
  setup: startingState(TARGET_TTL),
  prediction: {
    question: `The target's TTL is ${TARGET_TTL} s. Once the CDN moves from ${FIRST_ADDRESS} to ${SECOND_ADDRESS}, when will the apex answer with the new address?`,
    choices: [
      { id: 'immediate', label: 'At once (under a second)' },
      { id: 'within-ttl', label: `Within the target's TTL (${TARGET_TTL} s)` },
      { id: 'longer', label: 'Later than the TTL' }
    ]
  },
  expected: 'within-ttl',
  steps: [
    { id: 'warm', text: `Query the apex once: the server fetches the target and caches ${FIRST_ADDRESS}.`, label: 'Query example.test. A', actions: [{ kind: 'query', name: APEX, type: 'A' }] },
    { id: 'change', text: `Move the CDN to ${SECOND_ADDRESS} (the target panel of the lab does the same).`, label: `Change the target to ${SECOND_ADDRESS}`, actions: [{ kind: 'target', a: [SECOND_ADDRESS], aaaa: ['2001:db8::20'], ttl: TARGET_TTL }], detect: (o) => o.status?.target?.a.includes(SECOND_ADDRESS) ?? false },
    {
      id: 'follow',
      text: 'Query the apex once a second until it answers with the new address.',
      label: 'Query every second until it changes',
      actions: [{ kind: 'queryUntil', name: APEX, type: 'A', contains: SECOND_ADDRESS, timeoutSeconds: 40 }]
    }
  ],
  check: (observation) => {
    const target = observation.status?.target
    if (!target || !target.a.includes(SECOND_ADDRESS)) return notYet(`The target has not moved to ${SECOND_ADDRESS} yet.`)
    const rows = apexRows(observation)
    const before = rows.find((row) => row.time < target.changedAt && row.answer.includes(FIRST_ADDRESS))
    if (!before) return notYet('No answer with the old address before the change: query the apex before changing the target.')
    const after = rows.find((row) => row.time >= target.changedAt && row.answer.includes(SECOND_ADDRESS))
    if (!after) return notYet('The apex has not answered with the new address yet.')
    const lag = (after.time - target.changedAt) / 1000
    const stale = rows.filter((row) => row.time >= target.changedAt && row.time < after.time && row.answer.includes(FIRST_ADDRESS)).length
    const outcome = lag < 1 ? 'immediate' : lag <= target.ttl + 1 ? 'within-ttl' : 'longer'
    return done(`The apex answered with ${SECOND_ADDRESS} ${lag.toFixed(1)} s after the change (target TTL ${target.ttl} s); ${stale} ${stale === 1 ? 'answer' : 'answers'} in between still carried ${FIRST_ADDRESS}.`, outcome)
  },
  explanation: [
    "The server keeps the target's addresses for the target's TTL (RFC 1035 §3.2.1, RFC 2181 §8), so until its copy expires it answers with the old address: the lag is at most the target's TTL, plus the time until the next query asks again.",
    "Clients add their own share: a resolver keeps the apex's answer for the TTL the ALIAS server gave it. With the 'min' policy that TTL counts down with the server's copy, so the two lags do not add up.",
    'The Watch & staleness view measures the same lag on real domains.'
  ],
  sources: [
    rfc(1035, '3.2.1', 'TTL'),
    rfc(2181, '8', 'time to live'),
    aname(4, 'TTLs')
  ]
}
