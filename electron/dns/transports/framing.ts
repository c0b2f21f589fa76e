import { malformed } from '../wire-name'

/** RFC 1035 §4.2.2 / RFC 7766: a 2-octet length, then the message. */
export function frame(msg: Buffer): Buffer {
  const out = Buffer.allocUnsafe(msg.length + 2)
  out.writeUInt16BE(msg.length, 0)
  msg.copy(out, 2)
  return out
}

/**
 * Reassembles length-prefixed messages from arbitrary chunks. At most one partial message
 * (≤ 65537 octets) is buffered; a length under 12 cannot hold a header and is malformed.
 */
export class FrameReader {
  private chunks: Buffer[] = []
  private buffered = 0

  constructor(private readonly onMessage: (msg: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.buffered += chunk.length
    while (this.buffered >= 2) {
      const all = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks)
      this.chunks = [all]
      const len = all.readUInt16BE(0)
      if (len < 12) throw malformed(`TCP length prefix ${len} is too small for a DNS message`)
      if (all.length < len + 2) return
      const msg = all.subarray(2, len + 2)
      const rest = all.subarray(len + 2)
      this.chunks = rest.length ? [rest] : []
      this.buffered = rest.length
      this.onMessage(msg)
    }
  }

  /** Octets of an incomplete message still buffered. */
  get pending(): number {
    return this.buffered
  }
}
