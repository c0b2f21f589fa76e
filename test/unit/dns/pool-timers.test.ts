import * as packet from 'dns-packet'
import { describe, expect, it } from 'vitest'
import { DeadlineWheel } from '../../../electron/dns/pool/deadline-wheel'
import { questionEnd, sameHeaderAndQuestion } from '../../../electron/dns/pool/question-bytes'
import { SignalWatch } from '../../../electron/dns/pool/signal-watch'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('DeadlineWheel', () => {
  it('expires entries when due, never early, and not once removed', async () => {
    const wheel = new DeadlineWheel(5)
    const fired: string[] = []
    const firedAt = new Map<string, number>()
    const entry = (name: string) => ({
      expire: () => {
        fired.push(name)
        firedAt.set(name, performance.now())
      }
    })
    const start = performance.now()
    const a = entry('a')
    const b = entry('b')
    const c = entry('c')
    wheel.add(b, start + 60)
    wheel.add(a, start + 20)
    const slot = wheel.add(c, start + 40)
    wheel.remove(c, slot)
    expect(wheel.size).toBe(2)
    await sleep(150)
    expect(fired).toEqual(['a', 'b'])
    expect(firedAt.get('a')! - start).toBeGreaterThanOrEqual(19)
    expect(firedAt.get('b')! - start).toBeGreaterThanOrEqual(59)
    expect(wheel.size).toBe(0)
  })
})

describe('SignalWatch', () => {
  it('cancels every entry still watching a signal with one listener, and none removed before', () => {
    const watch = new SignalWatch()
    const ctl = new AbortController()
    let added = 0
    const original = ctl.signal.addEventListener.bind(ctl.signal)
    ctl.signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
      added++
      original(...args)
    }) as AbortSignal['addEventListener']
    const cancelled: number[] = []
    const entries = [0, 1, 2].map((i) => ({ cancel: () => cancelled.push(i) }))
    for (const e of entries) watch.add(ctl.signal, e)
    watch.remove(ctl.signal, entries[1]!)
    ctl.abort()
    expect(added).toBe(1)
    expect(cancelled).toEqual([0, 2])
  })
})

describe('sameHeaderAndQuestion', () => {
  const query = (name: string, id = 4660) => packet.encode({ type: 'query', id, flags: packet.RECURSION_DESIRED, questions: [{ name, type: 'A', class: 'IN' }] })
  const response = (name: string, opts: { id?: number; type?: packet.RecordType; qr?: boolean } = {}) => {
    const msg = packet.encode({ type: 'response', id: opts.id ?? 4660, flags: packet.RECURSION_DESIRED, questions: [{ name, type: opts.type ?? 'A', class: 'IN' }], answers: [] })
    if (opts.qr === false) msg[2] = msg[2]! & 0x7f
    return msg
  }

  it('accepts the echoed question, ignoring ASCII case unless 0x20 asks for exact case', () => {
    const q = query('www.Example.test')
    const end = questionEnd(q)
    expect(end).toBe(q.length)
    expect(sameHeaderAndQuestion(q, end, response('www.Example.test'), true)).toBe(true)
    expect(sameHeaderAndQuestion(q, end, response('WWW.example.TEST'), false)).toBe(true)
    expect(sameHeaderAndQuestion(q, end, response('WWW.example.TEST'), true)).toBe(false)
  })

  it('refuses another ID, type or name, a message without QR, and a runt', () => {
    const q = query('a.test')
    const end = questionEnd(q)
    expect(sameHeaderAndQuestion(q, end, response('a.test', { id: 4661 }), false)).toBe(false)
    expect(sameHeaderAndQuestion(q, end, response('a.test', { type: 'AAAA' }), false)).toBe(false)
    expect(sameHeaderAndQuestion(q, end, response('b.test'), false)).toBe(false)
    expect(sameHeaderAndQuestion(q, end, response('a.test', { qr: false }), false)).toBe(false)
    expect(sameHeaderAndQuestion(q, end, response('a.test').subarray(0, end - 1), false)).toBe(false)
  })
})
