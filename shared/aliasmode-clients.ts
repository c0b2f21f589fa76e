/**
 * Which clients follow HTTPS AliasMode (RFC 9460 §2.4.2) when it is the only way to the target,
 * as data with the date of each source. "unknown" means no source we could check says either way:
 * test a client with the TUM Happy Eyeballs AliasMode page before relying on it.
 */
export interface AliasModeClient {
  client: string
  follows: 'yes' | 'no' | 'partial' | 'unknown'
  /** The date of the source: YYYY-MM-DD, or mid-YYYY where the source gives no day. */
  asOf: string
  note: string
  source: { title: string; url: string }
}

export const ALIASMODE_CLIENTS: readonly AliasModeClient[] = [
  {
    client: 'Chrome / Chromium',
    follows: 'no',
    asOf: '2025-09-12',
    note: 'queries HTTPS records (since Chrome 96) for ServiceMode hints and ECH; following AliasMode is the open work of "Fully implement HTTPS-RR" (crbug 40257146), a change proposed in September 2025',
    source: { title: 'Chromium issue 40257146 "Fully implement HTTPS-RR" (proposed fix, CL 6938248)', url: 'https://github.com/Supporters-Of-Chromium-Based-Browsers/Bug-Bounty-Program/issues/18' }
  },
  {
    client: 'Ladybird',
    follows: 'no',
    asOf: '2025-06-16',
    note: 'a site reachable only through an HTTPS record fails with "Unable to resolve host"',
    source: { title: 'LadybirdBrowser/ladybird issue #5107 "Support dns HTTPS records"', url: 'https://github.com/LadybirdBrowser/ladybird/issues/5107' }
  },
  {
    client: 'Firefox',
    follows: 'unknown',
    asOf: '2021-11-30',
    note: 'HTTPS RR support is tracked in Bugzilla 1634793; no source we could check states whether AliasMode is followed today',
    source: { title: 'Fyrd/caniuse issue #6091 (links the Firefox and Chromium tracking bugs)', url: 'https://github.com/Fyrd/caniuse/issues/6091' }
  },
  {
    client: 'Safari (Apple platforms)',
    follows: 'unknown',
    asOf: 'mid-2026',
    note: 'not checked against a source here; the survey below says most clients still do not follow AliasMode in mid-2026',
    source: { title: 'Christian Scotti, "The apex CNAME problem is solved. Most browsers never got the memo." (mid-2026)', url: 'https://christianscotti.com/apex-cname-client-gap' }
  },
  {
    client: 'Most clients (survey)',
    follows: 'partial',
    asOf: 'mid-2026',
    note: '"in mid-2026 most clients still do not" cooperate: AliasMode alone leaves most users without addresses, so keep A/AAAA (ALIAS or flattening) beside it',
    source: { title: 'Christian Scotti, "The apex CNAME problem is solved. Most browsers never got the memo." (mid-2026)', url: 'https://christianscotti.com/apex-cname-client-gap' }
  }
]
