import { APEX, apexRows, done, notYet, startingState, TARGET } from './starting-state'
import { CLOUDFLARE_FLATTENING, aname, powerdnsAlias } from './sources'
import type { ReadyExperiment } from './types'

export const flatteningLog: ReadyExperiment = {
  id: 'flattening-log',
  number: 2,
  status: 'ready',
  title: 'What the client sees: flattening in the query log',
  question: 'When a client asks for an ALIAS apex, what does it get back, and who asks the target?',
  minutes: 5,
  goal: 'Ask the lab for example.test. (A and AAAA) and read the query log and the upstream counter: the server asks the target, the client only gets addresses.',
  setup: startingState(),
  prediction: {
    question: 'A client asks the lab server for the A records of example.test., whose record is "ALIAS cdn.example.test.". What is in the answer section?',
    choices: [
      { id: 'cname', label: 'A CNAME to cdn.example.test., then its A records' },
      { id: 'alias', label: 'The ALIAS record itself' },
      { id: 'a-only', label: 'Only A records, owned by the apex' }
    ]
  },
  expected: 'a-only',
  steps: [
    {
      id: 'query-a',
      text: 'Ask the lab server for example.test. A, as a client would (or with dig against the lab\'s port).',
      label: 'Query example.test. A',
      actions: [{ kind: 'query', name: APEX, type: 'A' }],
      detect: (observation) => apexRows(observation, 'A').length > 0
    },
    {
      id: 'query-aaaa',
      text: 'Ask for example.test. AAAA too.',
      label: 'Query example.test. AAAA',
      actions: [{ kind: 'query', name: APEX, type: 'AAAA' }],
      detect: (observation) => apexRows(observation, 'AAAA').length > 0
    }
  ],
  check: (observation) => {
    const a = apexRows(observation, 'A').find((row) => row.rcode === 'NOERROR' && row.answer !== '')
    const aaaa = apexRows(observation, 'AAAA').find((row) => row.rcode === 'NOERROR' && row.answer !== '')
    if (!a || !aaaa) return notYet('The query log has no answered A and AAAA query for example.test. yet.')
    const upstream = observation.status?.counters?.perTarget.filter((t) => t.target === TARGET).reduce((n, t) => n + t.upstreamQueries, 0) ?? 0
    if (upstream === 0) return notYet(`The server has not asked ${TARGET} yet.`)
    const outcome = /CNAME/.test(a.answer) ? 'cname' : /ALIAS|TYPE65401/.test(a.answer) ? 'alias' : 'a-only'
    return done(`The client got "${a.answer}" and "${aaaa.answer}"; the server itself asked ${TARGET} ${upstream} ${upstream === 1 ? 'time' : 'times'}.`, outcome)
  },
  explanation: [
    'The server resolves the ALIAS target itself (the upstream counter counts those queries) and puts the addresses it found under the apex name. The client never sees cdn.example.test.: no CNAME, no ALIAS record, just A/AAAA records owned by example.test.',
    'That is why a flattened apex works with every resolver: to the client it is an ordinary address record. The price is that the addresses are only as fresh as the server\'s copy of the target (experiment 3).'
  ],
  sources: [
    aname(3, 'address record synthesis'),
    powerdnsAlias(),
    CLOUDFLARE_FLATTENING
  ]
}
