import { START_ZONE, notYet, recordOf, startingState } from './starting-state'
import type { ReadyExperiment } from './types'

const CNAME_ZONE = START_ZONE.replace('@       60    IN ALIAS cdn.example.test.', '@       60    IN CNAME cdn.example.test.')

export const apexCname: ReadyExperiment = {
  id: 'apex-cname',
  number: 1,
  status: 'ready',
  title: 'A CNAME at the apex',
  question: 'Can the zone apex be a CNAME, and why not?',
  minutes: 5,
  goal: 'Try to serve example.test. as a CNAME to the CDN, the way www names usually are, and read why the server refuses.',
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
    { id: 'try', text: 'Save a zone whose apex is a CNAME to cdn.example.test. (standard bind dialect).', label: 'Save the apex CNAME', actions: [{ kind: 'saveZone', text: CNAME_ZONE }] },
    { id: 'restore', text: 'Put the ALIAS back, so that the apex is served again.', label: 'Restore the ALIAS', actions: [{ kind: 'saveZone', text: START_ZONE }] }
  ],
  check: (observation) => {
    const tried = recordOf(observation, 'try')
    if (!tried) return notYet('The apex CNAME has not been tried yet.')
    if (tried.ok) return { done: true, observed: 'The server accepted the apex CNAME.', outcome: 'accepted' }
    const refusedForCname = /CNAME/.test(tried.error ?? '') && /apex/.test(tried.error ?? '')
    if (!refusedForCname) return notYet(`The zone was refused for another reason: ${tried.error}`)
    return { done: true, observed: `The server refused the zone: ${tried.error}`, outcome: 'refused' }
  },
  explanation: [
    'A CNAME says "this name is another name": a resolver that finds one follows it and ignores everything else at the name. So a name with a CNAME can hold no other data (RFC 1034 §3.6.2, restated in RFC 2181 §10.1).',
    'The apex must hold the SOA and NS records (RFC 1035 §5.2 and RFC 1034 §4.2.1), so a CNAME there would break the zone: the server refuses it.',
    'ALIAS (or ANAME, or "CNAME flattening") gives the apex the behaviour people want: the server looks up the target itself and answers with plain A/AAAA records, so the apex keeps its SOA and NS.'
  ],
  later: "Cloudflare's dialect accepts the apex CNAME and flattens it; that part comes with the zone dialects in the lab.",
  sources: [
    { label: 'RFC 1034 §3.6.2 (aliases and canonical names)', url: 'https://www.rfc-editor.org/rfc/rfc1034#section-3.6.2' },
    { label: 'RFC 2181 §10.1 (CNAME resource records)', url: 'https://www.rfc-editor.org/rfc/rfc2181#section-10.1' },
    { label: 'Cloudflare: CNAME flattening', url: 'https://developers.cloudflare.com/dns/cname-flattening/' }
  ]
}
