import { APEX, done, notYet, recordOf, startingState } from './starting-state'
import { aname, rfc } from './sources'
import type { ReadyExperiment, StepRecord } from './types'

const SIGNING = { algorithm: 'ecdsap256sha256', denial: 'nsec' } as const

const addresses = (step: StepRecord | undefined) => (step?.query?.answer ?? []).filter((rr) => rr.startsWith('A '))
const signatures = (step: StepRecord | undefined) => (step?.query?.answer ?? []).filter((rr) => rr.startsWith('RRSIG A '))
/** What an answer to the apex A with DO showed. */
const verdict = (step: StepRecord) => (step.query?.rcode !== 'NOERROR' || addresses(step).length === 0 ? 'refused' : signatures(step).length > 0 ? 'signed' : 'unsigned')

export const aliasDnssec: ReadyExperiment = {
  id: 'alias-dnssec',
  number: 7,
  status: 'ready',
  title: 'ALIAS and DNSSEC',
  question: 'Why must a synthesised answer be signed when it is built?',
  minutes: 6,
  goal: 'Sign the lab zone online, ask for the apex with DO and find the RRSIG over the synthesised A; then switch to the powerdns profile and see the live answer come back unsigned.',
  setup: startingState(),
  prediction: {
    question: 'The lab signs example.test. online and a validating resolver asks for example.test. A with the DO bit. The A records are synthesised from cdn.example.test. when asked. What comes back?',
    choices: [
      { id: 'signed', label: 'The A records with an RRSIG made when the answer was built' },
      { id: 'unsigned', label: 'The A records without an RRSIG: nothing signed in advance can cover them' },
      { id: 'refused', label: 'An error: a signed zone cannot serve an ALIAS' }
    ]
  },
  expected: 'signed',
  steps: [
    {
      id: 'sign',
      text: 'Restart the lab server signing the zone online (ECDSA P-256, NSEC): "Sign the zone online" in the lab\'s server panel.',
      label: 'Sign the zone',
      actions: [{ kind: 'start', dnssec: SIGNING }],
      detect: (observation) => (observation.status?.dnssec?.length ?? 0) > 0
    },
    {
      id: 'query-do',
      text: 'Ask for example.test. A with DO set (dig +dnssec): look for an RRSIG covering A.',
      label: 'Query with DO',
      actions: [{ kind: 'query', name: APEX, type: 'A', dnssecOk: true }]
    },
    {
      id: 'powerdns',
      text: 'Switch the profile to powerdns, flush the cache and ask again with DO.',
      label: 'Query as PowerDNS',
      actions: [{ kind: 'settings', patch: { profile: 'powerdns' } }, { kind: 'flush' }, { kind: 'query', name: APEX, type: 'A', dnssecOk: true }]
    },
    {
      id: 'restore',
      text: 'Restart the lab unsigned with the draft profile, its usual state.',
      label: 'Back to unsigned',
      actions: [{ kind: 'settings', patch: { profile: 'draft' } }, { kind: 'start', dnssec: null }]
    }
  ],
  check: (observation) => {
    const signedRun = recordOf(observation, 'sign')
    if (!signedRun?.ok) return notYet(signedRun ? `Signing failed: ${signedRun.error}` : 'The zone has not been signed yet.')
    const draft = recordOf(observation, 'query-do')
    if (!draft?.query) return notYet('The apex has not been asked with DO yet.')
    const powerdns = recordOf(observation, 'powerdns')
    if (!powerdns?.query) return notYet(`The draft answer was ${verdict(draft)}; the powerdns profile has not been asked yet.`)
    if (verdict(powerdns) === 'signed') return notYet('The powerdns answer still carried an RRSIG: was the profile switched?')
    const sig = signatures(draft)[0]
    return done(`Signed zone, draft profile: "${addresses(draft).join(', ')}" ${sig ? `with "${sig.slice(0, 48)}…"` : 'without an RRSIG'}. PowerDNS profile: "${addresses(powerdns).join(', ') || powerdns.query.rcode}" without an RRSIG.`, verdict(draft))
  },
  explanation: [
    'A validator accepts an RRset only with an RRSIG over exactly that RRset from the zone\'s key (RFC 4035 §3.1.1, §5). The apex A records of an ALIAS exist only once the target has been looked up, so no signature made in advance can cover them: the server must sign them when it builds the answer, with the zone\'s key at hand (online signing).',
    'The lab does that with the draft profile (as Cloudflare and Route 53 do for flattened answers): the RRSIG over A was made when the answer was built, and its Original TTL is the TTL served.',
    'PowerDNS serves the live ALIAS answer unsigned (issues #10150 and #18040): with the powerdns profile the A records come without an RRSIG, so a validating resolver sees a signed zone with an unsigned apex and answers SERVFAIL (bogus). Static records of the same zone still validate.'
  ],
  sources: [
    rfc(4035, '3.1', 'including signatures in a response'),
    rfc(4035, '5', 'authenticating DNS responses'),
    { label: 'PowerDNS issue #10150 (ALIAS answers and DNSSEC)', url: 'https://github.com/PowerDNS/pdns/issues/10150' },
    { label: 'PowerDNS issue #18040 (ALIAS records served unsigned)', url: 'https://github.com/PowerDNS/pdns/issues/18040' },
    aname(5, 'DNSSEC')
  ]
}
