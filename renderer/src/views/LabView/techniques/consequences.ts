/** What each apex technique means beyond the answer: the teaching rows of the side-by-side view. */

export const TECHNIQUES = [
  { id: 'cname', title: 'CNAME (www only)' },
  { id: 'alias', title: 'ALIAS / flattening' },
  { id: 'aliasMode', title: 'HTTPS AliasMode' }
] as const

type Row = { label: string } & Record<(typeof TECHNIQUES)[number]['id'], string>

export const CONSEQUENCES: Row[] = [
  {
    label: 'At the apex?',
    cname: 'No: a CNAME cannot stand beside the SOA and NS (RFC 1034 §3.6.2, RFC 2181 §10.1).',
    alias: 'Yes: the server answers A/AAAA itself.',
    aliasMode: 'Yes: an ordinary record beside the others (RFC 9460 §2.4.2).'
  },
  {
    label: 'Who resolves the target',
    cname: 'The client’s resolver follows the CNAME.',
    alias: 'The authoritative server, before answering.',
    aliasMode: 'The client, and only if it follows AliasMode (most browsers do not yet).'
  },
  {
    label: 'TTL and staleness',
    cname: 'The target’s own TTLs: never staler than the target.',
    alias: 'The server’s cache adds up to the target TTL: stale until it refetches.',
    aliasMode: 'The target’s own TTLs, as for a CNAME.'
  },
  {
    label: 'Locality',
    cname: 'The CDN sees the client’s resolver.',
    alias: 'The CDN sees the ALIAS server, unless it forwards ECS.',
    aliasMode: 'The CDN sees the client’s resolver.'
  },
  {
    label: 'DNSSEC',
    cname: 'Signed in advance like any record.',
    alias: 'Must be signed when built (online signing), or it fails validation.',
    aliasMode: 'Signed in advance like any record.'
  }
]
