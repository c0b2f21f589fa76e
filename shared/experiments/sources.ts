import type { Source } from './types'

/** An RFC, or one section of it (section null: the whole RFC), at the RFC Editor. */
export const rfc = (number: number, section: string | null, title: string): Source => ({
  label: `RFC ${number}${section ? ` §${section}` : ''} (${title})`,
  url: `https://www.rfc-editor.org/rfc/rfc${number}${section ? `#section-${section}` : ''}`
})

export const ANAME_DRAFT = 'https://datatracker.ietf.org/doc/html/draft-ietf-dnsop-aname-04'

export const aname = (section: number, title: string): Source => ({ label: `draft-ietf-dnsop-aname §${section} (${title})`, url: `${ANAME_DRAFT}#section-${section}` })

/** PowerDNS's ALIAS guide, named for what an experiment reads in it. */
export const powerdnsAlias = (topic = 'ALIAS records'): Source => ({ label: `PowerDNS: ${topic}`, url: 'https://doc.powerdns.com/authoritative/guides/alias.html' })

export const DNSIMPLE_ALIAS: Source = { label: 'DNSimple: ALIAS records', url: 'https://support.dnsimple.com/articles/alias-record/' }
export const CLOUDFLARE_FLATTENING: Source = { label: 'Cloudflare: CNAME flattening', url: 'https://developers.cloudflare.com/dns/cname-flattening/' }
