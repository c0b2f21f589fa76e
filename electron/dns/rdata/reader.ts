import { encodeName, readName } from '../wire-name'

export class RdataError extends Error {}

/**
 * Bounded reads over one RR's RDATA inside the whole message (names may point back into it). What
 * was read is kept in canonical form (names uncompressed, case kept), as kdig's RDATAHEX shows it.
 */
export class RdataReader {
  private readonly parts: Buffer[] = []

  constructor(
    readonly msg: Buffer,
    public pos: number,
    readonly end: number
  ) {}

  private need(n: number): void {
    if (this.pos + n > this.end) throw new RdataError(`RDATA too short (needs ${n} more octets at ${this.pos})`)
  }

  u8(): number {
    return this.bytes(1)[0] as number
  }

  u16(): number {
    return this.bytes(2).readUInt16BE(0)
  }

  u32(): number {
    return this.bytes(4).readUInt32BE(0)
  }

  bytes(n: number): Buffer {
    this.need(n)
    const b = this.msg.subarray(this.pos, this.pos + n)
    this.pos += n
    this.parts.push(b)
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
    this.parts.push(encodeName(r.name))
    return r.name
  }

  /** A <character-string>: one length octet, then that many octets. */
  charString(): Buffer {
    return this.bytes(this.u8())
  }

  /** The RDATA read so far, names uncompressed. */
  canonical(): Buffer {
    return Buffer.concat(this.parts)
  }

  done(): void {
    if (this.pos !== this.end) throw new RdataError(`${this.end - this.pos} unexpected trailing octets in RDATA`)
  }
}
