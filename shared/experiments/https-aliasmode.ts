import { APEX, done, FIRST_ADDRESS, notYet, recordOf, startingState, TARGET } from './starting-state'
import { ANAME_DRAFT, rfc } from './sources'
import type { ReadyExperiment, StepRecord } from './types'

const answers = (step: StepRecord | undefined, type: string) => (step?.query?.answer ?? []).filter((rr) => rr.startsWith(`${type} `))

/** What an HTTPS question about the apex gave the client: a name to resolve, addresses, or nothing. */
const given = (step: StepRecord) => (answers(step, 'HTTPS').some((rr) => /^HTTPS 0 /.test(rr)) ? 'name' : answers(step, 'A').length > 0 ? 'addresses' : 'nothing')

export const httpsAliasMode: ReadyExperiment = {
  id: 'https-aliasmode',
  number: 9,
  status: 'ready',
  title: 'HTTPS AliasMode against ALIAS',
  question: 'What does an HTTPS record in AliasMode do that ALIAS does not, and who follows it?',
  minutes: 5,
  goal: `Serve ${APEX} with an ALIAS and, beside it, "${APEX} HTTPS 0 ${TARGET}"; ask both ways and see who resolves the target: the server for the ALIAS, the client for AliasMode.`,
  setup: startingState(60),
  prediction: {
    question: `The lab serves ${APEX} with an ALIAS to ${TARGET} and, beside it, an HTTPS record in AliasMode: "${APEX} HTTPS 0 ${TARGET}". A browser that follows AliasMode asks for ${APEX} HTTPS. What does the answer hold?`,
    choices: [
      { id: 'name', label: `The name ${TARGET}: the client resolves it itself` },
      { id: 'addresses', label: `The target's addresses, resolved by the server as for the ALIAS` },
      { id: 'nothing', label: 'Nothing: an apex with an ALIAS cannot carry HTTPS records' }
    ]
  },
  expected: 'name',
  steps: [
    {
      id: 'alias',
      text: `Ask ${APEX} A: the ALIAS answers with addresses the server fetched from ${TARGET}.`,
      label: 'Ask the apex A',
      actions: [{ kind: 'query', name: APEX, type: 'A' }]
    },
    {
      id: 'enable',
      text: 'Turn on "Also serve an HTTPS record in AliasMode at the apex" in the lab\'s zone panel.',
      label: 'Serve the AliasMode record',
      actions: [{ kind: 'httpsAlias', enabled: true }],
      detect: (observation) => observation.status?.httpsAlias?.record != null
    },
    {
      id: 'https',
      text: `Ask ${APEX} HTTPS, as a browser that follows AliasMode does first.`,
      label: 'Ask the apex HTTPS',
      actions: [{ kind: 'query', name: APEX, type: 'HTTPS' }]
    },
    {
      id: 'follow',
      text: `Follow the record as the client would: ask ${TARGET} A yourself.`,
      label: 'Follow it to the target',
      actions: [{ kind: 'query', name: TARGET, type: 'A' }]
    }
  ],
  check: (observation) => {
    const alias = recordOf(observation, 'alias')
    if (!alias?.query) return notYet(`${APEX} A has not been asked yet.`)
    const https = recordOf(observation, 'https')
    if (!https?.query) return notYet(`The ALIAS gave "${answers(alias, 'A').join(', ') || alias.query.rcode}"; ${APEX} HTTPS has not been asked yet.`)
    if (!(observation.status?.httpsAlias?.enabled ?? false) && given(https) === 'nothing') return notYet('The HTTPS question got no record: is the AliasMode option on?')
    const follow = recordOf(observation, 'follow')
    if (!follow?.query) return notYet(`${APEX} HTTPS gave "${answers(https, 'HTTPS').join(', ') || 'no HTTPS record'}"; the client has not followed it to ${TARGET} yet.`)
    return done(`${APEX} A gave "${answers(alias, 'A').join(', ')}" (the server fetched them). ${APEX} HTTPS gave "${answers(https, 'HTTPS').join(', ') || 'no HTTPS record'}"; the client's own question for ${TARGET} A gave "${answers(follow, 'A').join(', ')}".`, given(https))
  },
  explanation: [
    `An ALIAS is resolved by the authoritative server: the client asks for A/AAAA and gets addresses (here ${FIRST_ADDRESS}) owned by the apex, with all the consequences the other experiments show: the server's cache decides staleness, the CDN sees the server, and a signed zone must sign the answer when it is built.`,
    'An HTTPS record with priority 0 is in AliasMode (RFC 9460 §2.4.2): it hands the client another name, and the client looks up that name\'s HTTPS and A/AAAA records itself, through its own resolver. The answer is a static record, signed in advance like any other; the target\'s own TTLs apply, and a CDN sees the client\'s resolver, so locality and staleness are the target\'s alone.',
    'Only clients that follow AliasMode benefit, and in 2026 most browsers still do not (the table under Inspect › HTTPS AliasMode gives dates and sources). So AliasMode goes beside the ALIAS or flattened A/AAAA, never instead of them; the apex-readiness advisor recommends exactly that when an ALIAS would cost locality.'
  ],
  sources: [
    rfc(9460, '2.4.2', 'AliasMode'),
    rfc(9460, '3', 'client behaviour'),
    { label: 'Chromium: fully implement HTTPS-RR (AliasMode), crbug 40257146', url: 'https://issues.chromium.org/issues/40257146' },
    { label: 'draft-ietf-dnsop-aname-04 (ANAME, resolved by the server)', url: ANAME_DRAFT }
  ]
}
