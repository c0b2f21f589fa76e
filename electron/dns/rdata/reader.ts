import { encodeName, readName } from '../wire-name'

export class RdataError extends Error {}

/**
 * Bounded reads over one RR's RDATA inside the whole message (names may point back into it). What
 * was read is kept in canonical form (names uncompressed, case kept), as kdig's RDATAHEX shows it:
 * the octets read stay one view of the message until a compressed name needs its own copy.
 */
export class RdataReader {
  /** Canonical pieces before `runStart`; only a compressed name starts them. */
  private parts: Buffer[] | undefined
  private runStart: number
  private readonly start: number

  constructor(
    readonly msg: Buffer,
    public pos: number,
    readonly end: number
  ) {
    this.start = pos
    this.runStart = pos
  }

  private need(n: number): void {
    if (this.pos + n > this.end) throw new RdataError(`RDATA too short (needs ${n} more octets at ${this.pos})`)
  }

  u8(): number {
    this.need(1)
    return this.msg[this.pos++] as number
  }

  u16(): number {
    this.need(2)
    const v = this.msg.readUInt16BE(this.pos)
    this.pos += 2
    return v
  }

  u32(): number {
    this.need(4)
    const v = this.msg.readUInt32BE(this.pos)
    this.pos += 4
    return v
  }

  bytes(n: number): Buffer {
    this.need(n)
    const b = this.msg.subarray(this.pos, this.pos + n)
    this.pos += n
    return b
  }

  rest(): Buffer {
    return this.bytes(this.end - this.pos)
  }

  remaining(): number {
    return this.end - this.pos
  }

  name(allowCompression = true): string {
    const at = this.pos
    const r = readName(this.msg, at, this.end, allowCompression)
    this.pos = r.end
    // readName checked the in-place labels: walk them to see whether a pointer ends the name
    let p = at
    while (this.msg[p] !== 0 && ((this.msg[p] as number) & 0xc0) === 0) p += (this.msg[p] as number) + 1
    if (this.msg[p] !== 0) {
      this.parts ??= []
      this.parts.push(this.msg.subarray(this.runStart, at), encodeName(r.name))
      this.runStart = r.end
    }
    return r.name
  }

  /** A <character-string>: one length octet, then that many octets. */
  charString(): Buffer {
    return this.bytes(this.u8())
  }

  /** The RDATA read so far, names uncompressed. */
  canonical(): Buffer {
    if (!this.parts) return this.msg.subarray(this.start, this.pos)
    return Buffer.concat([...this.parts, this.msg.subarray(this.runStart, this.pos)])
  }

  done(): void {
    if (this.pos !== this.end) throw new RdataError(`${this.end - this.pos} unexpected trailing octets in RDATA`)
  }
}
