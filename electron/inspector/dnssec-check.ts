/**
 * The apex's DNSSEC as one resolver shows it: the AD flag it sets, the RRSIGs over apex A/AAAA
 * (key tag, validity window, expired or not yet valid), and the inspector's own validation from a
 * trust anchor (a DNSKEY or DS of the apex zone), compared with the resolver's AD.
 */
import { createHash } from 'node:crypto'
import type { DnsRecord } from '@shared/dns'
import type { ApexDnssec, RrsetSignatures, SignatureInfo } from '@shared/inspector'
import { ServiceError } from '@shared/errors'
import { typeCode } from '@shared/dns-codes'
import { keyTag } from '../dnssec/keys'
import { rrsigFields, verifyRRset, windowStatus } from '../dnssec/verify-rrset'
import { encodeName } from '../dns/wire-name'
import { lowerWire, sameName } from '../dns/names'
import type { Ask } from './query-port'

export interface TrustAnchor {
  kind: 'DNSKEY' | 'DS'
  zone: string
  /** DNSKEY RDATA, or DS key tag + algorithm + digest type + digest. */
  rdata: Buffer
}

/** Parses `zone [TTL] [IN] DNSKEY|DS …` lines (comments and blank lines skipped). */
export function parseTrustAnchors(text: string): TrustAnchor[] {
  const anchors: TrustAnchor[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/;.*$/, '').trim()
    if (!line) return
    const tokens = line.split(/\s+/)
    const at = tokens.findIndex((t) => /^(DNSKEY|DS)$/i.test(t))
    if (at < 1) throw new ServiceError('bad-input', `trust anchor line ${i + 1}: expected "zone DNSKEY flags 3 alg key" or "zone DS tag alg type digest"`)
    const zone = lowerWire(encodeName(tokens[0]!.endsWith('.') ? tokens[0]! : `${tokens[0]}.`))
    const rest = tokens.slice(at + 1)
    const kind = tokens[at]!.toUpperCase() as 'DNSKEY' | 'DS'
    const nums = rest.slice(0, 3).map(Number)
    if (nums.some((n) => !Number.isInteger(n)) || rest.length < 4) throw new ServiceError('bad-input', `trust anchor line ${i + 1}: ${kind} needs three numbers and the ${kind === 'DS' ? 'digest' : 'key'}`)
    const tail = rest.slice(3).join('')
    // DNSKEY: flags (16 bits), protocol, algorithm; DS: key tag (16 bits), algorithm, digest type
    const head = Buffer.from([nums[0]! >> 8, nums[0]! & 0xff, nums[1]!, nums[2]!])
    anchors.push({ kind, zone: zone.toString('hex'), rdata: Buffer.concat([head, Buffer.from(tail, kind === 'DS' ? 'hex' : 'base64')]) })
  })
  return anchors
}

const rdataOf = (r: DnsRecord): Buffer => Buffer.from(r.rdataHex ?? '', 'hex')

function signaturesOf(answers: readonly DnsRecord[], owner: string, type: string, trusted: Buffer[] | null, nowS: number): RrsetSignatures {
  const own = answers.filter((a) => sameName(a.name, owner))
  const code = typeCode(type) ?? 0
  const records = own.filter((a) => a.type === type).map(rdataOf)
  const sigs = own.filter((a) => a.type === 'RRSIG').flatMap((a) => {
    const rrsig = rdataOf(a)
    const f = rrsigFields(rrsig)
    return f && f.typeCovered === code ? [{ rrsig, f }] : []
  })
  const signatures: SignatureInfo[] = sigs.map(({ rrsig, f }) => {
    const checked = trusted === null ? 'unchecked' : verifyRRset(lowerWire(encodeName(owner)), code, records, rrsig, trusted, nowS)
    // no key of the set with the signature's tag and algorithm: it does not verify
    const status = windowStatus(f, nowS) ?? (checked === 'no-key' ? 'bad-signature' : checked)
    return { keyTag: f.keyTag, algorithm: f.algorithm, signer: f.signer, inception: f.inception * 1000, expiration: f.expiration * 1000, originalTtl: f.originalTtl, status }
  })
  return { records: records.length, signed: sigs.length > 0, signatures }
}

/** DNSKEYs of the apex that a trust anchor vouches for (and whose RRset it signs), or the reason there are none. */
function trustedKeys(answers: readonly DnsRecord[], apex: string, anchors: TrustAnchor[], nowS: number): { keys: Buffer[] } | { reason: string } {
  const keys = answers.filter((a) => a.type === 'DNSKEY').map(rdataOf)
  if (keys.length === 0) return { reason: 'the resolver returned no DNSKEY for the apex' }
  const apexWire = lowerWire(encodeName(apex)).toString('hex')
  const matching = keys.filter((rdata) =>
    anchors.some((t) => {
      if (t.zone !== apexWire) return false
      if (t.kind === 'DNSKEY') return t.rdata.equals(rdata)
      const digestType = t.rdata[3]
      const hash = digestType === 2 ? 'sha256' : digestType === 4 ? 'sha384' : digestType === 1 ? 'sha1' : null
      if (!hash) return false
      const digest = createHash(hash).update(Buffer.from(apexWire, 'hex')).update(rdata).digest()
      return t.rdata.readUInt16BE(0) === keyTag(rdata) && digest.equals(t.rdata.subarray(4))
    })
  )
  if (matching.length === 0) return { reason: 'no DNSKEY of the apex matches the trust anchor' }
  const set = signaturesOf(answers, apex, 'DNSKEY', matching, nowS)
  if (!set.signatures.some((s) => s.status === 'valid')) return { reason: `the DNSKEY set is not validly signed by the anchored key (${set.signatures.map((s) => s.status).join(', ') || 'no RRSIG'})` }
  return { keys }
}

/** Asks with DO=1 (AD as the resolver sets it) and with DO=1 CD=1 (what is there to validate). */
export async function checkApexDnssec(ask: Ask, askChecking: Ask, apex: string, anchors: TrustAnchor[], now = Date.now()): Promise<ApexDnssec> {
  const nowS = Math.floor(now / 1000)
  const [plainA, a, aaaa, dnskey] = await Promise.all([ask(apex, 'A'), askChecking(apex, 'A'), askChecking(apex, 'AAAA'), askChecking(apex, 'DNSKEY')])
  const trust = anchors.length > 0 ? trustedKeys(dnskey.answer, apex, anchors, nowS) : null
  const keys = trust && 'keys' in trust ? trust.keys : null
  const sets = { a: signaturesOf(a.answer, apex, 'A', keys, nowS), aaaa: signaturesOf(aaaa.answer, apex, 'AAAA', keys, nowS) }
  let validation: ApexDnssec['validation']
  let reason: string
  if (!trust) {
    validation = 'no-trust-anchor'
    reason = 'no trust anchor given: signatures are listed, not checked'
  } else if ('reason' in trust) {
    validation = 'bogus'
    reason = trust.reason
  } else {
    const problems: string[] = []
    for (const [label, set] of [['A', sets.a], ['AAAA', sets.aaaa]] as const) {
      if (set.records === 0) continue
      if (!set.signed) problems.push(`apex ${label} has no RRSIG`)
      else if (!set.signatures.some((s) => s.status === 'valid')) problems.push(`apex ${label}: ${set.signatures.map((s) => s.status).join(', ')}`)
    }
    validation = problems.length === 0 ? 'secure' : 'bogus'
    reason = problems.length === 0 ? 'apex A/AAAA validate from the trust anchor' : problems.join('; ')
  }
  const ad = plainA.header.flags.ad
  const agrees = validation === 'secure' || validation === 'bogus' ? ad === (validation === 'secure') : null
  return { ad, rcode: plainA.header.rcode, a: sets.a, aaaa: sets.aaaa, validation, reason, agreesWithResolver: agrees }
}
