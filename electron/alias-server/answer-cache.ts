/** Encoded answers by (question name, type, class, EDNS shape): a hash map with chained buckets. */
import { PreparedAnswer } from './prepared-answer'
import { questionNameEquals } from './wire/question-reader'

const bucketOf = (hash: number, shape: number): number => (hash ^ Math.imul(shape + 1, 0x9e3779b1)) | 0

export class AnswerCache {
  private readonly buckets = new Map<number, PreparedAnswer>()
  private count = 0
  /** Bumped whenever every cached answer becomes invalid (zones, settings, simulated target). */
  generation = 0

  constructor(private readonly maxEntries = 50_000) {}

  find(msg: Buffer, qnameEnd: number, hash: number, qtype: number, qclass: number, shape: number): PreparedAnswer | null {
    let p = this.buckets.get(bucketOf(hash, shape)) ?? null
    while (p !== null) {
      if (p.qtype === qtype && p.qclass === qclass && p.shape === shape && questionNameEquals(msg, qnameEnd, p.nameWire)) return p
      p = p.next
    }
    return null
  }

  insert(answer: PreparedAnswer): void {
    if (answer.generation !== this.generation) return
    if (this.count >= this.maxEntries) this.evictOldest()
    const key = bucketOf(answer.hash, answer.shape)
    let head = this.buckets.get(key) ?? null
    // drop an older answer to the same question
    let prev: PreparedAnswer | null = null
    for (let p = head; p !== null; prev = p, p = p.next) {
      if (p.qtype === answer.qtype && p.qclass === answer.qclass && p.shape === answer.shape && p.nameWire.equals(answer.nameWire)) {
        if (prev) prev.next = p.next
        else head = p.next
        this.count--
        break
      }
    }
    answer.next = head
    this.buckets.set(key, answer)
    this.count++
  }

  clear(): void {
    this.buckets.clear()
    this.count = 0
    this.generation++
  }

  get size(): number {
    return this.count
  }

  private evictOldest(): void {
    for (const [key, head] of this.buckets) {
      this.buckets.delete(key)
      for (let p: PreparedAnswer | null = head; p !== null; p = p.next) this.count--
      return
    }
  }
}
