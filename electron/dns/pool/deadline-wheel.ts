import { performance } from 'node:perf_hooks'

export interface Expiring {
  /** Called once when the deadline passed and the entry was not removed before. */
  expire(): void
}

/**
 * One timer for every outstanding query of the pool instead of a setTimeout per query: entries fall
 * into slots of `granularityMs` and one sweep per due slot expires them. An entry may expire up to one
 * slot late, never early. Profiling the pool at 64 queries in flight put the per-query timer (arm and
 * clear) among the larger costs after the send itself.
 */
export class DeadlineWheel<T extends Expiring = Expiring> {
  private readonly slots = new Map<number, Set<T>>()
  private timer: NodeJS.Timeout | undefined
  private armedFor = Infinity

  constructor(private readonly granularityMs = 10) {}

  get size(): number {
    let n = 0
    for (const s of this.slots.values()) n += s.size
    return n
  }

  /** Adds an entry due at `deadline` (performance.now() clock); returns its slot for remove(). */
  add(entry: T, deadline: number): number {
    const slot = Math.ceil(deadline / this.granularityMs)
    const set = this.slots.get(slot)
    if (set) set.add(entry)
    else this.slots.set(slot, new Set([entry]))
    if (slot < this.armedFor) this.arm(slot)
    return slot
  }

  remove(entry: T, slot: number): void {
    const set = this.slots.get(slot)
    if (!set?.delete(entry) || set.size > 0) return
    this.slots.delete(slot)
    if (this.slots.size === 0) this.disarm()
  }

  private disarm(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.armedFor = Infinity
  }

  private arm(slot: number): void {
    clearTimeout(this.timer)
    this.armedFor = slot
    const wait = Math.max(0, slot * this.granularityMs - performance.now())
    this.timer = setTimeout(() => this.sweep(), wait)
  }

  private sweep(): void {
    this.timer = undefined
    this.armedFor = Infinity
    const now = performance.now()
    const due: T[] = []
    let next = Infinity
    for (const [slot, set] of this.slots) {
      if (slot * this.granularityMs <= now) {
        for (const e of set) due.push(e)
        this.slots.delete(slot)
      } else if (slot < next) next = slot
    }
    if (next !== Infinity) this.arm(next)
    for (const e of due) e.expire()
  }
}
