/**
 * Encoded ALIAS answers when the profile forwards ECS: one per (question, EDNS shape, forwarded
 * subnet, the client's own ECS option). The shared AnswerCache cannot hold them (its key has no
 * subnet); without this every such query rebuilt its answer (`npm run bench:server`, BENCH_PART=ecs).
 * The client's ECS is part of the key because the answer echoes it (RFC 7871 §7.2.1).
 */
import type { PreparedAnswer } from './prepared-answer'

export class SubnetAnswers {
  private readonly byKey = new Map<string, PreparedAnswer>()

  constructor(private readonly maxEntries = 10_000) {}

  /** `nameWire`: the question name in lower-case wire form; `echoed`: the client's ECS subnet, or '' without ECS. */
  static key(nameWire: Buffer, qtype: number, qclass: number, shape: number, forwarded: string, echoed: string): string {
    return `${qtype} ${qclass} ${shape} ${forwarded} ${echoed} ${nameWire.toString('latin1')}`
  }

  get(key: string): PreparedAnswer | undefined {
    return this.byKey.get(key)
  }

  set(key: string, answer: PreparedAnswer): void {
    this.byKey.delete(key)
    if (this.byKey.size >= this.maxEntries) this.byKey.delete(this.byKey.keys().next().value!)
    this.byKey.set(key, answer)
  }

  get size(): number {
    return this.byKey.size
  }
}
