/**
 * Owner names of the zone byte path, interned: their ASCII text packed into one buffer and found through
 * an open-addressing hash over Int32Array slots, so 200,000 owners cost no string and no Map entry each.
 */
import { GrowBytes, GrowU32 } from './byte-buffers'

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

export class OwnerTable {
  /** Owner i's text is names.bytes[start[i], start[i + 1]); a candidate is written after the last owner. */
  readonly names = new GrowBytes()
  private readonly start = new GrowU32()
  private readonly hashes = new GrowU32()
  private slots: Int32Array
  private candidate = 0

  /** `expected`: about how many owners to expect (sizes the table once instead of rehashing as it fills). */
  constructor(expected = 1 << 11) {
    this.start.push(0)
    let size = 1 << 12
    while (size < expected * 2) size *= 2
    this.slots = new Int32Array(size)
  }

  /** Where the current candidate's octets begin in `names`. */
  get candidateStart(): number {
    return this.candidate
  }

  get count(): number {
    return this.hashes.length
  }

  /** Starts a candidate name: the caller appends its octets to `names`, then calls intern() or drop(). */
  begin(): void {
    this.names.length = this.candidate = this.start.values[this.count]!
  }

  drop(): void {
    this.names.length = this.candidate
  }

  /** The candidate's node: an existing owner's (the candidate is dropped) or a new one. */
  intern(): number {
    const from = this.candidate
    const to = this.names.length
    const h = this.hashRange(from, to)
    const known = this.find(h, from, to)
    if (known >= 0) {
      this.names.length = from
      return known
    }
    const node = this.count
    this.hashes.push(h)
    this.start.push(to)
    this.place(node, h)
    if (this.count * 2 > this.slots.length) this.rehash()
    return node
  }

  /** Start offsets of the owners' texts in `names.bytes` (owner i ends where i + 1 starts). */
  get starts(): Uint32Array {
    return this.start.values
  }

  /** The node whose text is names.bytes[from, to) (a part of another owner's text, say), or -1. */
  indexOfRange(from: number, to: number): number {
    return this.find(this.hashRange(from, to), from, to)
  }

  private hashRange(from: number, to: number): number {
    const bytes = this.names.bytes
    let h = FNV_OFFSET
    for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME)
    return h >>> 0
  }

  private find(h: number, from: number, to: number): number {
    const mask = this.slots.length - 1
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const node = this.slots[s]! - 1
      if (node < 0) return -1
      if (this.hashes.values[node] === h && this.sameBytes(node, from, to)) return node
    }
  }

  /** The node of an owner given as text, or -1. */
  indexOf(text: string): number {
    let h = FNV_OFFSET
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME)
    h >>>= 0
    const mask = this.slots.length - 1
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const node = this.slots[s]! - 1
      if (node < 0) return -1
      if (this.hashes.values[node] === h && this.sameText(node, text)) return node
    }
  }

  has(text: string): boolean {
    return this.indexOf(text) >= 0
  }

  text(node: number): string {
    return this.names.text(this.start.values[node]!, this.start.values[node + 1]!)
  }

  /** Whether owner `node`'s text is `text`'s octets. */
  equals(node: number, text: Uint8Array): boolean {
    const from = this.start.values[node]!
    const to = this.start.values[node + 1]!
    if (to - from !== text.length) return false
    for (let i = 0; i < text.length; i++) if (this.names.bytes[from + i] !== text[i]) return false
    return true
  }

  private sameBytes(node: number, from: number, to: number): boolean {
    const a = this.start.values[node]!
    if (this.start.values[node + 1]! - a !== to - from) return false
    const bytes = this.names.bytes
    for (let i = 0; i < to - from; i++) if (bytes[a + i] !== bytes[from + i]) return false
    return true
  }

  private sameText(node: number, text: string): boolean {
    const a = this.start.values[node]!
    if (this.start.values[node + 1]! - a !== text.length) return false
    const bytes = this.names.bytes
    for (let i = 0; i < text.length; i++) if (bytes[a + i] !== text.charCodeAt(i)) return false
    return true
  }

  private place(node: number, h: number): void {
    const mask = this.slots.length - 1
    let s = h & mask
    while (this.slots[s] !== 0) s = (s + 1) & mask
    this.slots[s] = node + 1
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2)
    for (let node = 0; node < this.count; node++) this.place(node, this.hashes.values[node]!)
  }
}
