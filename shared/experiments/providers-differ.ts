import type { ProfileId } from '../providers'
import { done, notYet, SECOND_ADDRESS, startingState } from './starting-state'
import { DNSIMPLE_ALIAS, aname, powerdnsAlias } from './sources'
import type { ReadyExperiment } from './types'

const PROFILES: readonly ProfileId[] = ['powerdns', 'dnsimple']
const DURATION = 25

export const providersDiffer: ReadyExperiment = {
  id: 'providers-differ',
  number: 5,
  status: 'ready',
  title: 'Providers differ: one change, two profiles',
  question: 'Does the same target change reach clients at the same time at every provider?',
  minutes: 3,
  goal: `Run the lab's side-by-side comparison: one simulated CDN moves to ${SECOND_ADDRESS} after 4 s, served through the PowerDNS and DNSimple profiles, each behind a caching resolver.`,
  setup: startingState(),
  prediction: {
    question: 'The same CDN change goes through PowerDNS (pass-through TTL) and DNSimple (the ALIAS record\'s TTL). Will their clients see it at the same time?',
    choices: [
      { id: 'same', label: 'Yes, within a second or two' },
      { id: 'different', label: 'No, one lags clearly behind' }
    ]
  },
  expected: 'different',
  steps: [
    {
      id: 'compare',
      text: `Start the comparison (${DURATION} s); the Local ALIAS lab tab shows its lanes while it runs.`,
      label: 'Run the comparison',
      actions: [
        {
          kind: 'compare',
          input: {
            profiles: [...PROFILES],
            targetTtl: 5,
            schedule: [{ atSeconds: 4, set: { a: [SECOND_ADDRESS], aaaa: ['2001:db8::20'] } }],
            durationSeconds: DURATION
          }
        }
      ]
    }
  ],
  check: (observation) => {
    const run = observation.compare
    if (!run || !PROFILES.every((p) => run.input.profiles.includes(p))) return notYet('The comparison has not been run yet.')
    const lagOf = (p: ProfileId) => run.lags.find((l) => l.profile === p)?.lags[0] ?? null
    const lags = PROFILES.map(lagOf)
    if (run.running && lags.some((l) => l === null)) return notYet('The comparison is still running.')
    const words = PROFILES.map((p, i) => `${p}: ${lags[i] === null ? `not within the ${run.input.durationSeconds} s run` : `${lags[i]!.toFixed(1)} s`}`)
    const same = lags.every((l) => l !== null) && Math.abs(lags[0]! - lags[1]!) < 2
    return done(`Clients saw the new address after ${words.join(', ')}.`, same ? 'same' : 'different')
  },
  explanation: [
    "Nothing in the DNS standards says how an ALIAS server picks its TTL, so providers differ. PowerDNS passes the target's TTL through (5 s here): its clients follow the CDN within seconds.",
    "DNSimple's answers carry the ALIAS record's own TTL, so a client's resolver keeps the old address for up to that long, whatever the CDN's TTL.",
    'The profile picker in the lab shows each provider\'s rules with their sources and how sure we are of them.'
  ],
  sources: [
    powerdnsAlias(),
    DNSIMPLE_ALIAS,
    aname(4, 'TTLs')
  ]
}
