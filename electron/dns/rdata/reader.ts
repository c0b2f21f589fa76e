import { readName } from '../wire-name'

export class RdataError extends Error {}

/** Bounded reads over one RR's RDATA inside the whole message (names may point back into it). */
export class RdataReader {
  constructor(
    readonly msg: Buffer,
    public pos: number,
    readonly end: number
  ) {}

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
    const r = readName(this.msg, this.pos, this.end, allowCompression)
    this.pos = r.end
    return r.name
  }

  /** A <character-string>: one length octet, then that many octets. */
  charString(): Buffer {
    return this.bytes(this.u8())
  }

  done(): void {
    if (this.pos !== this.end) throw new RdataError(`${this.end - this.pos} unexpected trailing octets in RDATA`)
  }
}
