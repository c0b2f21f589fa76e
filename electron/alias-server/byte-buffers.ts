/** Growable typed buffers for the zone byte path: one allocation per doubling, not one object per record. */

export class GrowBytes {
  bytes: Uint8Array
  length = 0

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity)
  }

  /** Room for `extra` more octets (call before writing to `bytes` directly). */
  reserve(extra: number): Uint8Array {
    if (this.length + extra > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra))
      grown.set(this.bytes.subarray(0, this.length))
      this.bytes = grown
    }
    return this.bytes
  }

  push(byte: number): void {
    if (this.length === this.bytes.length) this.reserve(1)
    this.bytes[this.length++] = byte
  }

  /** Appends src[from, to). */
  append(src: Uint8Array, from: number, to: number): void {
    const bytes = this.reserve(to - from)
    let at = this.length
    for (let i = from; i < to; i++) bytes[at++] = src[i]!
    this.length = at
  }

  /** The octets as text: the byte path writes characters below U+0100 only, one octet each, so latin1 decodes them exactly. */
  text(from: number, to: number): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.length).toString('latin1', from, to)
  }
}

export class GrowU32 {
  values: Uint32Array
  length = 0

  constructor(capacity = 1 << 12) {
    this.values = new Uint32Array(capacity)
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.length++] = value
  }
}
