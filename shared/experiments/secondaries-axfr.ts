import { APEX, done, FIRST_ADDRESS, notYet, recordOf, startingState } from './starting-state'
import { powerdnsAlias, rfc } from './sources'
import type { ReadyExperiment, StepRecord } from './types'

/** The apex's records in a transfer step's record ('example.test. ALIAS cdn.example.test.'). */
const apexRecords = (step: StepRecord | undefined) => (step?.query?.answer ?? []).filter((rr) => rr.startsWith(`${APEX} `)).map((rr) => rr.slice(APEX.length + 1))
const carriesAlias = (records: string[]) => records.some((rr) => /^(ALIAS|TYPE65401) /.test(rr))
const carriesAddress = (records: string[]) => records.some((rr) => rr.startsWith('A '))

export const secondariesAxfr: ReadyExperiment = {
  id: 'secondaries-axfr',
  number: 10,
  status: 'ready',
  title: 'Secondaries: what an AXFR carries',
  question: 'A secondary server transfers the zone: does it get the ALIAS record or addresses?',
  minutes: 5,
  goal: 'Transfer example.test. from the lab (AXFR over TCP, as a secondary would), first raw, then expanded, and read what each carries for the apex.',
  setup: startingState(300, { axfr: 'raw' }),
  prediction: {
    question: 'A secondary asks the lab server for a full zone transfer (AXFR) of example.test., whose apex is "ALIAS cdn.example.test.". What does the transfer carry for the apex?',
    choices: [
      { id: 'alias', label: 'The ALIAS record, as written in the zone' },
      { id: 'addresses', label: "A and AAAA records with the target's current addresses" },
      { id: 'cname', label: 'A CNAME to cdn.example.test.' }
    ]
  },
  expected: 'alias',
  steps: [
    { id: 'raw', text: 'Transfer the zone as it is served by default (raw), like a secondary would (dig AXFR over TCP against the lab port).', label: 'Transfer (raw)', actions: [{ kind: 'transfer', zone: APEX }] },
    {
      id: 'expanded',
      text: "Restart the lab with expanded transfers (PowerDNS's outgoing-axfr-expand-alias) and transfer again.",
      label: 'Transfer (expanded)',
      actions: [{ kind: 'start', axfr: 'expanded' }, { kind: 'transfer', zone: APEX }]
    },
    { id: 'restore', text: 'Restart the lab with raw transfers, its usual state.', label: 'Back to raw', actions: [{ kind: 'start', axfr: 'raw' }] }
  ],
  check: (observation) => {
    const raw = recordOf(observation, 'raw')
    if (!raw) return notYet('The zone has not been transferred yet.')
    if (!raw.ok) return notYet(`The transfer failed: ${raw.error}`)
    const rawApex = apexRecords(raw)
    const outcome = carriesAlias(rawApex) ? 'alias' : carriesAddress(rawApex) ? 'addresses' : rawApex.some((rr) => rr.startsWith('CNAME ')) ? 'cname' : null
    if (!outcome) return notYet(`The raw transfer carried nothing for the apex but "${rawApex.join(', ')}".`)
    const expanded = recordOf(observation, 'expanded')
    if (!expanded) return notYet('The expanded transfer has not been tried yet.')
    if (!expanded.ok) return notYet(`The expanded transfer failed: ${expanded.error}`)
    const expandedApex = apexRecords(expanded)
    if (carriesAlias(expandedApex) || !expandedApex.some((rr) => rr.includes(FIRST_ADDRESS))) {
      return notYet(`The expanded transfer carried "${expandedApex.join(', ')}" for the apex, not the target's addresses.`)
    }
    const shown = (records: string[]) => records.filter((rr) => !/^(SOA|NS) /.test(rr)).join(', ')
    return done(`The raw transfer carried "${shown(rawApex)}" for the apex; the expanded one "${shown(expandedApex)}".`, outcome)
  },
  explanation: [
    'An AXFR hands over the zone\'s records as they are stored (RFC 5936). For an ALIAS apex that is the ALIAS record itself, PowerDNS\'s private type 65401: the lab transfers raw by default, as PowerDNS does.',
    'A secondary of another brand (BIND, Knot, NSD) cannot expand that record: it holds it but answers the apex A and AAAA with no data. The apex is broken there, not merely stale.',
    'Expanded transfers (PowerDNS\'s outgoing-axfr-expand-alias) replace the ALIAS with the target\'s addresses at the moment of the transfer. The secondary then serves them as static records: right until the target moves, stale afterwards until the primary notices, bumps the SOA serial and a NOTIFY (or the refresh timer) brings a new transfer.',
    'Signed zones are not transferred at all by the lab: online signatures exist only per answer.'
  ],
  sources: [
    rfc(5936, null, 'DNS zone transfer protocol, AXFR'),
    { label: 'PowerDNS: outgoing-axfr-expand-alias', url: 'https://doc.powerdns.com/authoritative/settings.html#outgoing-axfr-expand-alias' },
    powerdnsAlias('ALIAS records and zone transfers')
  ]
}
