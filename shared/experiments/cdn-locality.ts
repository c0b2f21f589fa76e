import { exampleGeo, GEO_DEFAULT_A, GEO_REGION_A } from '../geo-example'
import { SUBNET_PRESETS } from '../locality'
import { APEX, done, notYet, recordOf, startingState, TARGET } from './starting-state'
import { DNSIMPLE_ALIAS, powerdnsAlias, rfc } from './sources'
import type { QueryRecord, ReadyExperiment, StepRecord } from './types'

const AP = SUBNET_PRESETS.ap!
const US = SUBNET_PRESETS.us!
const SUBNETS = [AP, US]

const addressesOf = (q: QueryRecord | undefined) => (q?.answer ?? []).filter((rr) => rr.startsWith('A ')).map((rr) => rr.slice(2))
const apAnswer = (step: StepRecord | undefined) => addressesOf(step?.bySubnet?.[AP])

/** Which node the apex gave a client in `ap`: the region's own, the default one, or none. */
const nodeFor = (apex: string[], regional: string[]) => (apex.length === 0 ? 'none' : apex.some((a) => regional.includes(a)) ? 'region' : 'default')

export const cdnLocality: ReadyExperiment = {
  id: 'cdn-locality',
  number: 8,
  status: 'ready',
  title: 'CDN locality',
  question: 'Who does the CDN think is asking: the client or the ALIAS server?',
  minutes: 6,
  goal: 'Give the simulated CDN regions, ask it and the apex on behalf of clients in two places (EDNS Client Subnet), and see which node the apex hands out, with and without a profile that forwards the client\'s subnet.',
  setup: [...startingState(30), { kind: 'geo', geo: exampleGeo(TARGET) }],
  prediction: {
    question: `The CDN behind ${TARGET} sends clients in ${AP} to its node ${GEO_REGION_A.ap} and everyone else to ${GEO_DEFAULT_A}. A client in ${AP} asks for ${APEX} (an ALIAS to the CDN) through the lab with the draft profile, which does not forward EDNS Client Subnet. Which node does it get?`,
    choices: [
      { id: 'region', label: `The node for its region (${GEO_REGION_A.ap}): the CDN sees the client` },
      { id: 'default', label: `The default node (${GEO_DEFAULT_A}): the CDN sees the ALIAS server` },
      { id: 'none', label: 'No address: a CDN with regions cannot be aliased' }
    ]
  },
  expected: 'default',
  steps: [
    {
      id: 'target',
      text: `Ask the CDN itself (${TARGET} A) as a client in ${AP} and as one in ${US}: each gets its own node.`,
      label: 'Ask the CDN from two places',
      actions: [{ kind: 'query', name: TARGET, type: 'A', subnets: SUBNETS }]
    },
    {
      id: 'apex',
      text: `Ask the apex (${APEX} A) from the same two places, through the draft profile.`,
      label: 'Ask the apex from two places',
      actions: [{ kind: 'flush' }, { kind: 'query', name: APEX, type: 'A', subnets: SUBNETS }]
    },
    {
      id: 'forwarding',
      text: 'Switch to the powerdns profile (PowerDNS 4.9 forwards ECS, cut to /24), flush the cache and ask the apex again.',
      label: 'Ask again as PowerDNS',
      actions: [{ kind: 'settings', patch: { profile: 'powerdns' } }, { kind: 'flush' }, { kind: 'query', name: APEX, type: 'A', subnets: SUBNETS }]
    },
    {
      id: 'restore',
      text: 'Put the lab back: the draft profile, no regions.',
      label: 'Back to the usual lab',
      actions: [{ kind: 'settings', patch: { profile: 'draft' } }, { kind: 'geo', geo: null }],
      detect: (observation) => observation.status?.geo === null && observation.status.settings.profile === 'draft'
    }
  ],
  check: (observation) => {
    const target = recordOf(observation, 'target')
    const regional = apAnswer(target)
    if (regional.length === 0) return notYet('The CDN has not been asked on behalf of a client in ' + AP + ' yet.')
    const apex = recordOf(observation, 'apex')
    if (!apex?.bySubnet?.[AP]) return notYet(`The CDN gave ${AP} ${regional.join(', ')}; the apex has not been asked from there yet.`)
    const forwarded = recordOf(observation, 'forwarding')
    const draftNode = nodeFor(apAnswer(apex), regional)
    if (!forwarded?.bySubnet?.[AP]) return notYet(`Through the draft profile the apex gave ${AP} ${apAnswer(apex).join(', ') || 'nothing'}; the powerdns profile has not been asked yet.`)
    const scope = forwarded.bySubnet[AP]!.scope
    return done(`The CDN gave ${AP} ${regional.join(', ')}. Through the draft profile the apex gave ${apAnswer(apex).join(', ') || 'nothing'} (${draftNode === 'region' ? 'the regional node' : draftNode === 'default' ? 'the default node' : 'no node'}); through powerdns ${apAnswer(forwarded).join(', ') || 'nothing'}${scope !== undefined ? ` with ECS scope /${scope}` : ''}.`, draftNode)
  },
  explanation: [
    'A CDN picks its node from whoever asks it. With EDNS Client Subnet (RFC 7871) a query says which subnet it speaks for; without it, the CDN only knows the address the query came from.',
    'Behind an ALIAS, the CDN is asked by the ALIAS server, not by the client\'s resolver. The draft profile asks as the server itself, so every client, wherever it is, gets the node nearest the server: here the default one. Users far from the DNS provider get far-away nodes.',
    'A server that forwards ECS (PowerDNS from 4.9, DNSimple for the CDNs it supports) passes the client\'s subnet on, cut to /24 or /56 for privacy (RFC 7871 §11.1), and builds the apex answer per subnet: the apex then follows the CDN. Real CDNs often honour ECS only from resolvers they allow, so forwarding alone may not be enough; the Inspect view\'s locality grid shows what your apex does.'
  ],
  sources: [
    rfc(7871, null, 'EDNS Client Subnet'),
    rfc(7871, '11.1', 'privacy: source prefix length'),
    powerdnsAlias('ALIAS and EDNS Client Subnet (docs/guides/alias)'),
    DNSIMPLE_ALIAS
  ]
}
