import * as packet from 'dns-packet'
import { expect } from 'vitest'

/** A response built with dns-packet, for feeding the decoder. */
export function response(answers: packet.Answer[], extra: Partial<packet.Packet> = {}): Buffer {
  return packet.encode({
    id: 4242,
    type: 'response',
    flags: packet.AUTHORITATIVE_ANSWER,
    questions: [{ name: 'example.', type: 'A', class: 'IN' }],
    answers,
    ...extra
  })
}

/** Hand-built message: header fields then raw body octets. */
export function rawMessage(h: { id?: number; flags?: number; qd?: number; an?: number; ns?: number; ar?: number }, body: number[] | Buffer): Buffer {
  const head = Buffer.alloc(12)
  head.writeUInt16BE(h.id ?? 1, 0)
  head.writeUInt16BE(h.flags ?? 0x8000, 2)
  head.writeUInt16BE(h.qd ?? 0, 4)
  head.writeUInt16BE(h.an ?? 0, 6)
  head.writeUInt16BE(h.ns ?? 0, 8)
  head.writeUInt16BE(h.ar ?? 0, 10)
  return Buffer.concat([head, Buffer.from(body)])
}

/** The message of the ServiceError('bad-input') that `fn` throws; fails when it throws nothing. */
export function badInput(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    expect((err as { code?: string }).code).toBe('bad-input')
    return (err as Error).message
  }
  throw new Error('expected a bad-input error')
}
