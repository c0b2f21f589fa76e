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

/** Decodes the data of an EDNS option 15. Returns undefined when it is too short to hold a code. */
export function decodeEde(data: Buffer): ExtendedDnsError | undefined {
  if (data.length < 2) return undefined
  const code = data.readUInt16BE(0)
  const entry: ExtendedDnsError = { code, name: edeName(code) }
  if (data.length > 2) {
    // EXTRA-TEXT is UTF-8 and SHOULD NOT be NUL-terminated, but some servers do so.
    const text = data.toString('utf8', 2).replace(/\0+$/, '')
    if (text) entry.text = text
  }
  return entry
}
