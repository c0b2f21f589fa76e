import * as packet from 'dns-packet'
import { describe, expect, it } from 'vitest'
import { PendingTable, type Pending } from '../../../electron/dns/pool/pending-table'

const SERVER = { address: '127.0.0.1', port: 5300 }

function answer(id: number, name: string): Buffer {
  return packet.encode({ type: 'response', id, flags: packet.RECURSION_DESIRED, questions: [{ name, type: 'A', class: 'IN' }], answers: [] })
}

function waiting(id: number, qname: string): Pending & { got: Buffer[]; errors: unknown[] } {
  const got: Buffer[] = []
  const errors: unknown[] = []
  return {
    expect: { id, qname, typeCode: 1, classCode: 1, exactCase: false, server: SERVER },
    stats: { ignored: 0 },
    accept: (msg) => got.push(msg),
    fail: (err) => errors.push(err),
    got,
    errors
  }
}

describe('PendingTable', () => {
  it('tells apart two waiting queries with the same ID by their question', () => {
    let unmatched = 0
    const table = new PendingTable(() => unmatched++)
    const a = waiting(7, 'a.test.')
    const b = waiting(7, 'b.test.')
    table.add(a)
    table.add(b)
    expect(table.deliver(answer(7, 'b.test'), 1, SERVER)).toBe(true)
    expect(b.got).toHaveLength(1)
    expect(a.got).toHaveLength(0)
    expect(table.size).toBe(1)
    expect(table.deliver(answer(7, 'a.test'), 2, SERVER)).toBe(true)
    expect(a.got).toHaveLength(1)
    expect(unmatched).toBe(0)
  })

  it('counts a message nobody waits for, or from another source, as ignored', () => {
    let unmatched = 0
    const table = new PendingTable(() => unmatched++)
    const a = waiting(9, 'a.test.')
    table.add(a)
    expect(table.deliver(answer(10, 'a.test'), 1, SERVER)).toBe(false)
    expect(table.deliver(answer(9, 'a.test'), 1, { address: '127.0.0.2', port: 5300 })).toBe(false)
    expect(table.deliver(answer(9, 'x.test'), 1, SERVER)).toBe(false)
    expect(unmatched).toBe(3)
    expect(a.stats.ignored).toBe(2)
    expect(a.got).toHaveLength(0)
    expect(table.size).toBe(1)
  })

  it('fails every waiting query at once when the socket goes', () => {
    const table = new PendingTable()
    const all = [waiting(1, 'a.test.'), waiting(2, 'b.test.'), waiting(2, 'c.test.')]
    for (const p of all) table.add(p)
    table.failAll(new Error('gone'))
    expect(all.map((p) => p.errors.length)).toEqual([1, 1, 1])
    expect(table.size).toBe(0)
  })
})
