import { prng } from '../../support/prng'

/** A small seeded PRNG (mulberry32) so that every fuzz run can be replayed from its seed. */
export class Random {
  private readonly rand: () => number

  constructor(readonly seed: number) {
    this.rand = prng(seed)
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.rand()
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!
  }

  bytes(length: number): Buffer {
    const out = Buffer.allocUnsafe(length)
    for (let i = 0; i < length; i++) out[i] = this.int(0, 255)
    return out
  }
}
