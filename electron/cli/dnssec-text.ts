/** The DNSSEC lines of one resolver in `inspect` text output. */
import type { ApexDnssec, RrsetSignatures } from '@shared/inspector'

const day = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z')

function setLine(label: string, set: RrsetSignatures): string {
  if (set.records === 0) return `${label}: no records`
  if (!set.signed) return `${label}: no RRSIG`
  return `${label}: ${set.signatures.map((s) => `RRSIG key ${s.keyTag} alg ${s.algorithm} by ${s.signer} valid ${day(s.inception)} → ${day(s.expiration)} (${s.status})`).join('; ')}`
}

export function dnssecLines(d: ApexDnssec): string[] {
  const verdict = d.validation === 'no-trust-anchor' ? d.reason : `own validation: ${d.validation} (${d.reason})`
  const agree = d.agreesWithResolver === null ? '' : d.agreesWithResolver ? '; the resolver agrees' : '; the resolver DISAGREES'
  return [`  DNSSEC: AD ${d.ad ? 'set' : 'not set'} (${d.rcode}); ${verdict}${agree}`, `    ${setLine('A', d.a)}`, `    ${setLine('AAAA', d.aaaa)}`]
}
