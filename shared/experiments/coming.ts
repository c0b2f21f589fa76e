import type { ComingExperiment } from './types'

/** Experiments whose lab feature has not landed yet: listed, never a broken page. Each moves to its own file when it lands. */
export const comingExperiments: ComingExperiment[] = [
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
  }
]
