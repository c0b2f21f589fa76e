/**
 * The documentation the app links to. The desktop host opens a link in the system browser only when it is on
 * this list (the `shell.openExternal` allow-list); anything else a page tries to open is refused.
 */
export const DOC_LINKS = [
  { url: 'https://www.rfc-editor.org/rfc/rfc1034#section-3.6.2', label: 'RFC 1034 §3.6.2: no other data beside a CNAME' },
  { url: 'https://datatracker.ietf.org/doc/html/draft-ietf-dnsop-aname-04', label: 'draft-ietf-dnsop-aname-04: ANAME' },
  { url: 'https://doc.powerdns.com/authoritative/guides/alias.html', label: 'PowerDNS: the ALIAS record' },
  { url: 'https://www.rfc-editor.org/rfc/rfc8767', label: 'RFC 8767: serving stale data' },
  { url: 'https://www.rfc-editor.org/rfc/rfc2308', label: 'RFC 2308: negative caching' },
  { url: 'https://www.rfc-editor.org/rfc/rfc4027', label: 'RFC 4027: the text/dns media type' }
] as const

const allowed = new Set<string>(DOC_LINKS.map((link) => link.url))

/** True only for a link the app itself shows, compared exactly (no prefix or host matching). */
export function isAllowedDocLink(url: string): boolean {
  return allowed.has(url)
}
