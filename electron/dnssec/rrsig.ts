/** RRSIG RDATA for one RRset (RFC 4034 §3.1 and §3.1.8.1). */
import { nameToWire } from '../dns/names'
import { signData } from './algorithms'
import { canonicalRdata, sortRdata, wireLabels } from './canonical'
import type { ZoneKey } from './keys'

export interface RRsetToSign {
  owner: string
  type: number
  /** The Original TTL field: the TTL first served for this RRset (RFC 4034 §3.1.4). */
  originalTtl: number
  rdata: Buffer[]
  /** Seconds since the epoch (32-bit serial arithmetic, RFC 4034 §3.1.5). */
  inception: number
  expiration: number
}

/** The owner's label count, a leading wildcard label not counted (RFC 4034 §3.1.3). */
function labelCount(ownerWire: Buffer): number {
  const labels = wireLabels(ownerWire)
  return labels.length > 0 && labels[0]!.length === 1 && labels[0]![0] === 0x2a ? labels.length - 1 : labels.length
}

/** RDATA fields before the signature. */
function rrsigHead(key: ZoneKey, set: RRsetToSign): Buffer {
  const signer = nameToWire(key.zone)
  const head = Buffer.alloc(18)
  head.writeUInt16BE(set.type, 0)
  head[2] = key.algorithmNumber
  head[3] = labelCount(nameToWire(set.owner))
  head.writeUInt32BE(set.originalTtl >>> 0, 4)
  head.writeUInt32BE(set.expiration >>> 0, 8)
  head.writeUInt32BE(set.inception >>> 0, 12)
  head.writeUInt16BE(key.keyTag, 16)
  return Buffer.concat([head, signer])
}

/** What gets signed: the RRSIG head, then each RR in canonical form and order with the Original TTL. */
export function signedData(head: Buffer, ownerWire: Buffer, type: number, originalTtl: number, rdata: Buffer[]): Buffer {
  const parts: Buffer[] = [head]
  for (const r of sortRdata(rdata.map((x) => canonicalRdata(type, x)))) {
    const fixed = Buffer.alloc(10)
    fixed.writeUInt16BE(type, 0)
    fixed.writeUInt16BE(1, 2)
    fixed.writeUInt32BE(originalTtl >>> 0, 4)
    fixed.writeUInt16BE(r.length, 8)
    parts.push(ownerWire, fixed, r)
  }
  return Buffer.concat(parts)
}

export function signRRset(key: ZoneKey, set: RRsetToSign): Buffer {
  const head = rrsigHead(key, set)
  const ownerWire = nameToWire(set.owner)
  const signature = signData(key.algorithm, key.privateKey, signedData(head, ownerWire, set.type, set.originalTtl, set.rdata))
  return Buffer.concat([head, signature])
}
