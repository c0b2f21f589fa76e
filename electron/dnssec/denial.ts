/**
 * Authenticated denial made at query time. NSEC: minimally covering records around the name
 * (RFC 4470). NSEC3: "white lies" over hashes ±1, SHA-1, no salt, 0 extra iterations (RFC 9276).
 * Both leave NXDOMAIN as NXDOMAIN (no compact denial).
 */
import { createHash } from 'node:crypto'
import { readName } from '../dns/wire-name'
import { labelsToWire, nameToWire } from '../dns/names'
import { base32hex } from '../dns/rdata/text'
import { wireLabels } from './canonical'

/** RFC 4034 §4.1.2 window blocks. */
export function typeBitmap(types: Iterable<number>): Buffer {
  const windows = new Map<number, number[]>()
  for (const t of new Set(types)) {
    const w = t >> 8
    const bits = windows.get(w) ?? []
    bits.push(t & 0xff)
    windows.set(w, bits)
  }
  const parts: Buffer[] = []
  for (const w of [...windows.keys()].sort((a, b) => a - b)) {
    const bits = windows.get(w)!
    const map = Buffer.alloc((Math.max(...bits) >> 3) + 1)
    for (const b of bits) map[b >> 3] = map[b >> 3]! | (0x80 >> (b & 7))
    parts.push(Buffer.from([w, map.length]), map)
  }
  return Buffer.concat(parts)
}

export const nsecRdata = (next: Buffer, types: Iterable<number>): Buffer => Buffer.concat([next, typeBitmap(types)])

const wireToName = (wire: Buffer): string => readName(wire, 0).name

/** The smallest name after `name` that is not below it: its first label with a zero octet appended. */
function siblingSuccessor(labels: Buffer[]): Buffer[] {
  const first = labels[0]!
  if (first.length < 63) return [Buffer.concat([first, Buffer.from([0])]), ...labels.slice(1)]
  // a full label: the next sibling in order is the label plus one at its last octet that can grow
  const copy = Buffer.from(first)
  let i = copy.length - 1
  while (i >= 0 && copy[i] === 0xff) i--
  copy[i] = copy[i]! + 1 === 0x41 ? 0x5b : copy[i]! + 1
  return [copy.subarray(0, i + 1), ...labels.slice(1)]
}

/** A name just before `name` among its siblings: the first label decremented and padded with \255. */
function siblingPredecessor(labels: Buffer[]): Buffer[] {
  const first = labels[0]!
  const last = first[first.length - 1]!
  if (first.length === 1 && last === 0) return labels.slice(1)
  let head: Buffer
  if (last === 0) head = first.subarray(0, first.length - 1)
  else {
    const dec = last - 1
    // an upper-case letter sorts as lower case: step below 'A' instead
    head = Buffer.concat([first.subarray(0, first.length - 1), Buffer.from([dec >= 0x41 && dec <= 0x5a ? 0x40 : dec])])
  }
  const room = 255 - labelsToWire(labels).length + first.length
  const size = Math.min(63, room - 1)
  const padded = Buffer.alloc(Math.max(size, head.length), 0xff)
  head.copy(padded, 0)
  return [padded, ...labels.slice(1)]
}

/** RFC 4470: an NSEC whose range holds `name` and nothing that exists. */
export function coveringNsec(name: string): { owner: string; next: Buffer } {
  const labels = wireLabels(nameToWire(name))
  return { owner: wireToName(Buffer.from(labelsToWire(siblingPredecessor(labels)))), next: Buffer.from(labelsToWire(siblingSuccessor(labels))) }
}

/** The next name for an NSEC at an existing name: `\000.name`, its immediate successor. */
export const immediateSuccessor = (name: string): Buffer => Buffer.from(labelsToWire([Buffer.from([0]), ...wireLabels(nameToWire(name))]))

export function nsec3Hash(name: string): Buffer {
  return createHash('sha1').update(nameToWire(name)).digest()
}

export function addToHash(hash: Buffer, delta: 1 | -1): Buffer {
  const out = Buffer.from(hash)
  for (let i = out.length - 1; i >= 0; i--) {
    const v = out[i]! + delta
    out[i] = v & 0xff
    if (v >= 0 && v <= 0xff) break
  }
  return out
}

const nsec3Owner = (hash: Buffer, zone: string): string => `${base32hex(hash)}.${zone === '.' ? '' : zone}`

/** NSEC3 RDATA: SHA-1, flags 0 (no opt-out), 0 iterations, no salt. */
function nsec3Rdata(nextHash: Buffer, types: Iterable<number>): Buffer {
  return Buffer.concat([Buffer.from([1, 0, 0, 0, 0, nextHash.length]), nextHash, typeBitmap(types)])
}

export const NSEC3PARAM_RDATA = Buffer.from([1, 0, 0, 0, 0])

/** An NSEC3 that matches `name` exactly (owner H(name), next H(name)+1). */
export function matchingNsec3(name: string, zone: string, types: Iterable<number>): { owner: string; rdata: Buffer } {
  const h = nsec3Hash(name)
  return { owner: nsec3Owner(h, zone), rdata: nsec3Rdata(addToHash(h, 1), types) }
}

/** An NSEC3 that covers H(name): owner H-1, next H+1, no types. */
export function coveringNsec3(name: string, zone: string): { owner: string; rdata: Buffer } {
  const h = nsec3Hash(name)
  return { owner: nsec3Owner(addToHash(h, -1), zone), rdata: nsec3Rdata(addToHash(h, 1), []) }
}
