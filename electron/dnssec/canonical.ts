/**
 * Canonical form and order (RFC 4034 §6). Written here rather than taken from a library: the
 * server already holds every name and RDATA in wire form, so canonical form is a lower-casing of
 * names and ordering is a byte comparison, a few dozen lines; the npm DNSSEC libraries we looked at
 * parse and re-encode whole records and are not kept up.
 */
import { lowerWire } from '../dns/names'

/** Labels of a wire-form name, root excluded. */
export function wireLabels(wire: Buffer): Buffer[] {
  const labels: Buffer[] = []
  for (let i = 0; wire[i] !== 0; i += wire[i]! + 1) labels.push(wire.subarray(i + 1, i + 1 + wire[i]!))
  return labels
}

const lowerByte = (b: number): number => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b)

function compareLabel(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const d = lowerByte(a[i]!) - lowerByte(b[i]!)
    if (d !== 0) return d
  }
  return a.length - b.length
}

/** RFC 4034 §6.1: compare label by label from the root, each label as lower-cased octets. */
export function compareNames(a: Buffer, b: Buffer): number {
  const la = wireLabels(a)
  const lb = wireLabels(b)
  for (let i = 1; i <= Math.min(la.length, lb.length); i++) {
    const d = compareLabel(la[la.length - i]!, lb[lb.length - i]!)
    if (d !== 0) return d
  }
  return la.length - lb.length
}

/** Offset just after the uncompressed name at `at`. */
function nameEnd(rdata: Buffer, at: number): number {
  while (at < rdata.length && rdata[at] !== 0) at += rdata[at]! + 1
  return at + 1
}

/** Where the uncompressed names sit in RDATA of the types listed in RFC 4034 §6.2 (as amended by RFC 6840 §5.1). */
function nameOffsets(type: number, rdata: Buffer): number[] {
  switch (type) {
    case 2: // NS
    case 5: // CNAME
    case 12: // PTR
    case 39: // DNAME
      return [0]
    case 6: // SOA: MNAME, RNAME
      return [0, nameEnd(rdata, 0)]
    case 15: // MX
    case 18: // AFSDB
    case 21: // RT
    case 36: // KX
      return [2]
    case 33: // SRV
      return [6]
    default:
      return []
  }
}

/** RDATA in canonical form: the embedded names of the listed types lower-cased. */
export function canonicalRdata(type: number, rdata: Buffer): Buffer {
  const offsets = nameOffsets(type, rdata)
  if (offsets.length === 0) return rdata
  const copy = Buffer.from(rdata)
  for (const at of offsets) lowerWire(copy.subarray(at, nameEnd(copy, at)))
  return copy
}

/** RFC 4034 §6.3: an RRset's RDATA sorted as left-justified octet strings, duplicates dropped. */
export function sortRdata(rdatas: Buffer[]): Buffer[] {
  const sorted = [...rdatas].sort(Buffer.compare)
  return sorted.filter((r, i) => i === 0 || !r.equals(sorted[i - 1]!))
}
