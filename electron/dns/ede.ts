import type { ExtendedDnsError } from '@shared/dns'

/** RFC 8914 Extended DNS Error codes, as registered at IANA. */
const EDE_NAMES: readonly string[] = [
  'Other Error',
  'Unsupported DNSKEY Algorithm',
  'Unsupported DS Digest Type',
  'Stale Answer',
  'Forged Answer',
  'DNSSEC Indeterminate',
  'DNSSEC Bogus',
  'Signature Expired',
  'Signature Not Yet Valid',
  'DNSKEY Missing',
  'RRSIGs Missing',
  'No Zone Key Bit Set',
  'NSEC Missing',
  'Cached Error',
  'Not Ready',
  'Blocked',
  'Censored',
  'Filtered',
  'Prohibited',
  'Stale NXDomain Answer',
  'Not Authoritative',
  'Not Supported',
  'No Reachable Authority',
  'Network Error',
  'Invalid Data',
  'Signature Expired before Valid',
  'Too Early',
  'Unsupported NSEC3 Iterations Value',
  'Unable to conform to policy',
  'Synthesized',
  'Invalid Query Type'
]

export function edeName(code: number): string {
  return EDE_NAMES[code] ?? `Unassigned (${code})`
}

/**
 * C0 and C1 controls, DEL, and the characters that reorder or break the text around them (the Arabic letter
 * mark, LRM/RLM, line and paragraph separators, bidi embeddings, overrides and isolates).
 */
export function isUnsafeTextChar(code: number): boolean {
  return (
    code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x061c || code === 0x200e || code === 0x200f ||
    (code >= 0x2028 && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)
  )
}

/**
 * EXTRA-TEXT comes from the server: a backslash becomes `\\`, ASCII controls `\DDD` (as in TXT data), the
 * other unsafe characters `\uXXXX`, so the text cannot forge lines in dig-style output or terminals, nor
 * reorder what the UI shows next to it.
 */
function escapeExtraText(text: string): string {
  let out = ''
  for (const c of text) {
    const code = c.codePointAt(0)!
    if (c === '\\') out += '\\\\'
    else if (!isUnsafeTextChar(code)) out += c
    else if (code < 0x80) out += `\\${String(code).padStart(3, '0')}`
    else out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
  }
  return out
}

/** Decodes the data of an EDNS option 15. Returns undefined when it is too short to hold a code. */
export function decodeEde(data: Buffer): ExtendedDnsError | undefined {
  if (data.length < 2) return undefined
  const code = data.readUInt16BE(0)
  const entry: ExtendedDnsError = { code, name: edeName(code) }
  if (data.length > 2) {
    // EXTRA-TEXT is UTF-8 and SHOULD NOT be NUL-terminated, but some servers do so.
    const text = escapeExtraText(data.toString('utf8', 2).replace(/\0+$/, ''))
    if (text) entry.text = text
  }
  return entry
}
