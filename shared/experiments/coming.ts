import type { ComingExperiment } from './types'

/** Experiments whose lab feature has not landed yet: listed, never a broken page. Each moves to its own file when it lands. */
export const comingExperiments: ComingExperiment[] = [
  {
    id: 'alias-dnssec',
    number: 7,
    status: 'coming',
    title: 'ALIAS and DNSSEC',
    question: 'Why must a synthesised answer be signed when it is built?',
    minutes: 6,
    needs: 'zone signing in the lab',
    sources: [
      { label: 'RFC 4035 §3.1 (including signatures in a response)', url: 'https://www.rfc-editor.org/rfc/rfc4035#section-3.1' },
      { label: 'draft-ietf-dnsop-aname §5 (DNSSEC)', url: 'https://datatracker.ietf.org/doc/html/draft-ietf-dnsop-aname-04#section-5' }
    ]
  },
  {
    id: 'cdn-locality',
    number: 8,
    status: 'coming',
    title: 'CDN locality',
    question: 'Who does the CDN think is asking: the client or the ALIAS server?',
    minutes: 6,
    needs: 'the geo CDN and EDNS Client Subnet in the lab',
    sources: [{ label: 'RFC 7871 (EDNS Client Subnet)', url: 'https://www.rfc-editor.org/rfc/rfc7871' }]
  },
  {
    id: 'https-aliasmode',
    number: 9,
    status: 'coming',
    title: 'HTTPS AliasMode against ALIAS',
    question: 'What does an HTTPS record in AliasMode do that ALIAS does not, and who follows it?',
    minutes: 5,
    needs: 'HTTPS AliasMode records in the lab',
    sources: [{ label: 'RFC 9460 §2.4.2 (AliasMode)', url: 'https://www.rfc-editor.org/rfc/rfc9460#section-2.4.2' }]
  },
  {
    id: 'secondaries-axfr',
    number: 10,
    status: 'coming',
    title: 'Secondaries: what an AXFR carries',
    question: 'A secondary server transfers the zone: does it get the ALIAS record or addresses?',
    minutes: 5,
    needs: 'zone transfers (AXFR) from the lab',
    sources: [{ label: 'RFC 5936 (AXFR)', url: 'https://www.rfc-editor.org/rfc/rfc5936' }]
  }
]
