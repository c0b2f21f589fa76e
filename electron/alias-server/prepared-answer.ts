/**
 * An encoded response kept for reuse. The hot path copies it and patches the ID, the RD and CD
 * bits, the question's case (same length, so every offset holds) and the TTLs that count down.
 */
import type { CacheStatus } from '@shared/alias-server'
import type { TtlRule } from '@shared/providers'
import { servedTtl, targetTtlOf } from './ttl-policy'
import { cutAt, fittingCut, truncatedOf, type BuiltMessage, type TtlSource } from './wire/message-builder'

export interface LogInfo {
  name: string
  type: string
  rcode: string
  /** Answer records in short form, for the query log. */
  summary: string
  ede?: { code: number; text: string }
  /** The profile rule that produced the answer, in words. */
  rule?: string
  /** The client subnet the answer was chosen for (geo targets, ECS). */
  subnet?: string
  /** The geo region that answered. */
  region?: string
}

/** What an answer was built from: a live source and the version it had when its data was read. */
export interface Dependency {
  readonly entry: { readonly version: number }
  readonly version: number
}

export class PreparedAnswer {
  /** Next answer in the same hash bucket. */
  next: PreparedAnswer | null = null
  private truncated: Buffer | null = null
  /** Forms without some optional Additional RRsets, by cut. */
  private readonly shorter = new Map<number, Buffer>()
  /** Built from upstream data (an ALIAS answer): with ECS forwarding it differs per client subnet. */
  readonly upstreamDependent: boolean
  private readonly dynOffsets: number[]
  private readonly dynSources: TtlSource[]
  private readonly dynCaps: number[]

  constructor(
    readonly hash: number,
    /** The question name, lower-case wire form. */
    readonly nameWire: Buffer,
    readonly qtype: number,
    readonly qclass: number,
    /** EDNS shape: 0 none, 1 EDNS, 3 EDNS with DO; +4 for the minimal answer to ANY over UDP. */
    readonly shape: number,
    private readonly built: BuiltMessage,
    /** Valid while every one keeps its version: one refresh drops the answers of every shape. */
    private readonly deps: Dependency[],
    readonly validUntil: number,
    readonly generation: number,
    /** Cache status to log when served from here. */
    readonly hitStatus: CacheStatus,
    readonly log: LogInfo,
    readonly rcode: number,
    /** Required Additional records (glue), before the optional ones. */
    private readonly additionalCount = 0
  ) {
    this.upstreamDependent = deps.length > 0
    this.dynOffsets = built.dynamic.map((d) => d.offset)
    this.dynSources = built.dynamic.map((d) => d.ttl.source)
    this.dynCaps = built.dynamic.map((d) => d.ttl.cap)
  }

  get size(): number {
    return this.built.wire.length
  }

  isValid(now: number, generation: number): boolean {
    if (now >= this.validUntil || generation !== this.generation) return false
    for (let i = 0; i < this.deps.length; i++) {
      const dep = this.deps[i]!
      if (dep.entry.version !== dep.version) return false
    }
    return true
  }

  /**
   * The response for query `msg`. Longer than `limit`: without optional Additional RRsets if that
   * fits, else TC and empty sections. `prefix`: 2 for TCP framing.
   */
  render(msg: Buffer, qnameEnd: number, limit: number, prefix: number, now: number, policy: TtlRule): Buffer {
    const full = this.built.wire
    let src = full
    if (full.length > limit) {
      const cut = fittingCut(this.built, limit)
      if (cut < 0) src = this.truncated ??= truncatedOf(full, this.built.questionEnd, this.built.optStart)
      else {
        let shorter = this.shorter.get(cut)
        if (!shorter) this.shorter.set(cut, (shorter = cutAt(this.built, this.additionalCount, cut)))
        src = shorter
      }
    }
    const truncated = src === this.truncated
    const out = Buffer.allocUnsafe(prefix + src.length)
    src.copy(out, prefix)
    if (prefix === 2) {
      out[0] = src.length >> 8
      out[1] = src.length & 0xff
    }
    out[prefix] = msg[0]!
    out[prefix + 1] = msg[1]!
    out[prefix + 2] = src[2]! | (msg[2]! & 0x01)
    out[prefix + 3] = src[3]! | (msg[3]! & 0x10)
    for (let i = 12; i < qnameEnd; i++) out[prefix + i] = msg[i]!
    if (!truncated) {
      for (let i = 0; i < this.dynOffsets.length; i++) {
        const data = this.dynSources[i]!.data!
        out.writeUInt32BE(servedTtl(policy, this.dynCaps[i]!, targetTtlOf(policy, data), data.fetchedAt, now), prefix + this.dynOffsets[i]!)
      }
    }
    return out
  }

  /** The logged TTL of a rendered response (null when it has no records or was truncated). */
  ttlOf(out: Buffer, prefix: number): number | null {
    if (this.built.firstTtl < 0 || this.isTruncated(out, prefix)) return null
    return out.readUInt32BE(prefix + this.built.firstTtl)
  }

  isTruncated(out: Buffer, prefix: number): boolean {
    return (out[prefix + 2]! & 0x02) !== 0
  }
}
