import { describe, expect, it } from 'vitest'
import { FrameReader, frame } from '../../../electron/dns/transports/framing'

const msg = (n: number, fill: number) => Buffer.alloc(n, fill)

describe('TCP framing', () => {
  it('prefixes the 2-octet length', () => {
    expect(frame(msg(12, 1)).subarray(0, 2).toString('hex')).toBe('000c')
  })

  it('reassembles messages split across reads, byte by byte', () => {
    const got: Buffer[] = []
    const r = new FrameReader((m) => got.push(Buffer.from(m)))
    const stream = Buffer.concat([frame(msg(300, 7)), frame(msg(12, 9))])
    for (const byte of stream) r.push(Buffer.from([byte]))
    expect(got.map((m) => m.length)).toEqual([300, 12])
    expect(got[0]!.every((b) => b === 7)).toBe(true)
    expect(r.pending).toBe(0)
  })

  it('handles several messages in one read and keeps the partial tail', () => {
    const got: number[] = []
    const r = new FrameReader((m) => got.push(m.length))
    const stream = Buffer.concat([frame(msg(20, 1)), frame(msg(30, 2)), frame(msg(40, 3)).subarray(0, 10)])
    r.push(stream)
    expect(got).toEqual([20, 30])
    expect(r.pending).toBe(10)
  })

  it('rejects a length prefix too small for a header as malformed', () => {
    const r = new FrameReader(() => undefined)
    expect(() => r.push(Buffer.from([0, 3, 1, 2, 3]))).toThrow(/too small/)
  })
})
