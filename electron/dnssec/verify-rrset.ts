/** Checks one RRSIG (wire RDATA) over an RRset against DNSKEYs (wire RDATA): the delegation view's validator. */
import { lowerWire } from '../dns/names'
import { readName } from '../dns/wire-name'
import { verifyData } from './algorithms'
import { dsRdata, keyTag } from './keys'
import { signedData } from './rrsig'

export type SignatureStatus = 'valid' | 'bad-signature' | 'expired' | 'not-yet-valid' | 'no-key'

export interface RrsigFields {
  /** Where the signature starts in the RDATA. */
  signatureAt: number
  typeCovered: number
  algorithm: number
  originalTtl: number
  expiration: number
  inception: number
  keyTag: number
  signer: string
}

/** The RRSIG's fields, or null when the RDATA is too short to be one. */
export function rrsigFields(rdata: Buffer): RrsigFields | null {
  if (rdata.length < 20) return null
  try {
    const signer = readName(rdata, 18, undefined, false)
    return { signatureAt: signer.end, typeCovered: rdata.readUInt16BE(0), algorithm: rdata[2]!, originalTtl: rdata.readUInt32BE(4), expiration: rdata.readUInt32BE(8), inception: rdata.readUInt32BE(12), keyTag: rdata.readUInt16BE(16), signer: signer.name }
  } catch {
    return null
  }
}

/** RFC 4034 §3.1.5 serial arithmetic against now (seconds). */
export function windowStatus(f: { inception: number; expiration: number }, nowS: number): 'expired' | 'not-yet-valid' | null {
  const after = (a: number, b: number): boolean => ((a - b) | 0) > 0
  if (after(nowS, f.expiration)) return 'expired'
  if (after(f.inception, nowS)) return 'not-yet-valid'
  return null
}

export function verifyRRset(ownerWire: Buffer, type: number, rdata: Buffer[], rrsig: Buffer, dnskeys: Buffer[], nowS: number): SignatureStatus {
  const f = rrsigFields(rrsig)
  if (!f) return 'bad-signature'
  const window = windowStatus(f, nowS)
  if (window) return window
  const keys = dnskeys.filter((k) => k.length > 4 && k[3] === f.algorithm && keyTag(k) === f.keyTag)
  if (keys.length === 0) return 'no-key'
  // the signed head: the RRSIG RDATA up to the signature, with the signer's name in lower case
  const signerEnd = f.signatureAt
  const head = Buffer.concat([rrsig.subarray(0, 18), lowerWire(Buffer.from(rrsig.subarray(18, signerEnd)))])
  const data = signedData(head, lowerWire(Buffer.from(ownerWire)), type, f.originalTtl, rdata)
  return keys.some((k) => verifyData(f.algorithm, k.subarray(4), data, rrsig.subarray(signerEnd))) ? 'valid' : 'bad-signature'
}

/** Whether a DS (wire RDATA) vouches for a DNSKEY of `zone`; only SHA-256 digests (type 2) are checked. */
export function dsMatches(zone: string, ds: Buffer, dnskey: Buffer): boolean {
  if (ds.length < 5 || ds[3] !== 2) return false
  return dsRdata(zone, dnskey).equals(ds)
}
