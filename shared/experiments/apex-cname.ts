import { APEX, apexRows, done, notYet, recordOf, START_ZONE, startingState } from './starting-state'
import { CLOUDFLARE_FLATTENING, rfc } from './sources'
import type { CheckResult, Observation, ReadyExperiment } from './types'

const CNAME_ZONE = START_ZONE.replace('@       60    IN ALIAS cdn.example.test.', '@       60    IN CNAME cdn.example.test.')

export const apexCname: ReadyExperiment = {
  id: 'apex-cname',
  number: 1,
  status: 'ready',
  title: 'A CNAME at the apex',
  question: 'Can the zone apex be a CNAME, and why not?',
  minutes: 5,
  goal: 'Try to serve example.test. as a CNAME to the CDN, the way www names usually are, and read why the server refuses; then load the same zone the way Cloudflare reads it, flattened.',
  setup: startingState(),
  prediction: {
    question: 'The lab zone gets "@ CNAME cdn.example.test." beside its SOA and NS records. What will the server do?',
    choices: [
      { id: 'accepted', label: 'Accept it and answer with the CNAME' },
      { id: 'refused', label: 'Refuse the zone' },
      { id: 'ignored', label: 'Load the zone and silently drop the CNAME' }
    ]
  },
  expected: 'refused',
  steps: [
    {
      id: 'try',
      text: 'Save a zone whose apex is a CNAME to cdn.example.test. (standard bind dialect).',
      label: 'Save the apex CNAME',
      actions: [{ kind: 'saveZone', text: CNAME_ZONE, dialect: 'bind' }]
    },
    {
      id: 'cloudflare',
      text: "Save the same zone in the Cloudflare dialect, then ask for example.test. A: read the answer and the query log's upstream column.",
      label: 'Save it as Cloudflare and query',
      actions: [{ kind: 'saveZone', text: CNAME_ZONE, dialect: 'cloudflare' }, { kind: 'flush' }, { kind: 'query', name: APEX, type: 'A' }]
    },
    {
      id: 'restore',
      text: 'Put the ALIAS back in the bind dialect, the lab\'s usual state.',
      label: 'Restore the ALIAS',
      actions: [{ kind: 'saveZone', text: START_ZONE, dialect: 'bind' }]
    }
  ],
  check: (observation) => {
    const tried = recordOf(observation, 'try')
    if (!tried) return notYet('The apex CNAME has not been tried yet.')
    const refusedForCname = !tried.ok && /CNAME/.test(tried.error ?? '') && /apex/.test(tried.error ?? '')
    if (!tried.ok && !refusedForCname) return notYet(`The zone was refused for another reason: ${tried.error}`)
    const bind = tried.ok ? 'The server accepted the apex CNAME.' : `The server refused the zone: ${tried.error}.`
    const flattened = cloudflarePart(observation)
    if (!flattened.done) return notYet(`${bind} ${flattened.observed}`)
    return done(`${bind} ${flattened.observed}`, tried.ok ? 'accepted' : 'refused')
  },
  explanation: [
    'A CNAME says "this name is another name": a resolver that finds one follows it and ignores everything else at the name. So a name with a CNAME can hold no other data (RFC 1034 §3.6.2, restated in RFC 2181 §10.1).',
    'The apex must hold the SOA and NS records (RFC 1035 §5.2 and RFC 1034 §4.2.1), so a CNAME there would break the zone: the server refuses it.',
    'ALIAS (or ANAME, or "CNAME flattening") gives the apex the behaviour people want: the server looks up the target itself and answers with plain A/AAAA records, so the apex keeps its SOA and NS.',
    'Cloudflare writes it as a CNAME at the apex and never serves that CNAME: its servers flatten it. Loaded in the cloudflare dialect, the lab does the same: the client gets A records owned by example.test., and the query log shows the answer waited for the server\'s own lookup of cdn.example.test. The CNAME in the zone file is notation, not what goes on the wire.'
  ],
  sources: [
    rfc(1034, '3.6.2', 'aliases and canonical names'),
    rfc(2181, '10.1', 'CNAME resource records'),
    CLOUDFLARE_FLATTENING
  ]
}

/** The Cloudflare step: the apex CNAME accepted, answered with addresses, and the log showing the upstream lookup. */
function cloudflarePart(observation: Observation): CheckResult {
  const step = recordOf(observation, 'cloudflare')
  if (!step) return notYet('The Cloudflare dialect has not been tried yet.')
  if (!step.ok) return notYet(`The Cloudflare dialect refused it: ${step.error}`)
  const answer = step.query?.answer ?? []
  if (!answer.some((rr) => rr.startsWith('A ')) || answer.some((rr) => rr.startsWith('CNAME '))) {
    return notYet(`The Cloudflare-dialect apex answered "${answer.join(', ')}", not flattened addresses.`)
  }
  const lookedUp = apexRows(observation, 'A').find((row) => row.upstreamRttMs !== null && row.answer.startsWith('A '))
  if (!lookedUp) return notYet('The query log does not show an apex answer that waited for the upstream lookup yet.')
  return done(`In the Cloudflare dialect the zone loaded and the client got "${answer.join(', ')}": flattened, after the server's own lookup of the target (${(lookedUp.upstreamRttMs ?? 0).toFixed(1)} ms upstream).`, null)
}
