import { describe, expect, it } from 'vitest'
import type { DnsQueryResult } from '@shared/dns'
import { observeRrset } from '../../../electron/inspector/follow-chain'
import { ServiceError } from '@shared/errors'
import { fakeResult } from './fake-result'

/** An Ask answering from a table keyed 'name TYPE' (lower-case, trailing dot); records the questions. */
function table(entries: Record<string, DnsQueryResult | Error>) {
  const asked: string[] = []
  const ask = async (name: string, type: string) => {
    const key = `${name.toLowerCase()} ${type}`
    asked.push(key)
    const entry = entries[key]
    if (!entry) throw new Error(`unexpected question ${key}`)
    if (entry instanceof Error) throw entry
    return entry
  }
  return { ask, asked }
}

const SOA: [string, string, number, string] = ['example.net.', 'SOA', 300, 'ns. h. 1 2 3 4 60']

describe('observeRrset', () => {
  it('takes a recursive resolver\'s whole chain from one answer, the effective TTL being the lowest', async () => {
    const { ask, asked } = table({
      'www.example.com. A': fakeResult('www.example.com.', 'A', [
        ['WWW.example.com.', 'CNAME', 300, 'edge.example.net.'],
        ['edge.example.net.', 'CNAME', 30, 'pop1.example.net.'],
        ['pop1.example.net.', 'A', 60, '192.0.2.1'],
        ['pop1.example.net.', 'A', 60, '192.0.2.2']
      ])
    })
    const o = await observeRrset(ask, 'WWW.Example.com', 'A')
    expect(o.status).toBe('ok')
    expect(o.chain.map((l) => `${l.name}>${l.target}`)).toEqual(['www.example.com.>edge.example.net.', 'edge.example.net.>pop1.example.net.'])
    expect(o.chainEnd).toBe('pop1.example.net.')
    expect(o.records.map((r) => r.data)).toEqual(['192.0.2.1', '192.0.2.2'])
    expect(o.effectiveTtl).toBe(30)
    expect(o.records[0]).toMatchObject({ ttl: 60, receivedAtMonoMs: 1000, receivedAtWallMs: 1_700_000_001_000 })
    expect(asked).toEqual(['www.example.com. A'])
  })

  it('asks hop by hop when an authoritative server stops at its zone edge', async () => {
    const { ask, asked } = table({
      'www.example.com. A': fakeResult('www.example.com.', 'A', [['www.example.com.', 'CNAME', 300, 'cdn.example.net.']], { aa: true, ra: false }),
      'cdn.example.net. A': fakeResult('cdn.example.net.', 'A', [['cdn.example.net.', 'A', 20, '198.51.100.4']])
    })
    const o = await observeRrset(ask, 'www.example.com.', 'A')
    expect(o.status).toBe('ok')
    expect(o.records.map((r) => r.data)).toEqual(['198.51.100.4'])
    expect(o.queries).toBe(2)
    expect(asked).toEqual(['www.example.com. A', 'cdn.example.net. A'])
  })

  it('does not ask again when the chain ends in a negative answer (SOA in authority)', async () => {
    const { ask } = table({
      'www.example.com. AAAA': fakeResult('www.example.com.', 'AAAA', [['www.example.com.', 'CNAME', 300, 'cdn.example.net.']], { authority: [SOA] })
    })
    const o = await observeRrset(ask, 'www.example.com.', 'AAAA')
    expect(o.status).toBe('nodata')
    expect(o.queries).toBe(1)
    expect(o.chainEnd).toBe('cdn.example.net.')
  })

  it('detects a CNAME loop', async () => {
    const { ask } = table({
      'a.example. A': fakeResult('a.example.', 'A', [
        ['a.example.', 'CNAME', 60, 'b.example.'],
        ['b.example.', 'CNAME', 60, 'a.example.']
      ])
    })
    const o = await observeRrset(ask, 'a.example.', 'A')
    expect(o.status).toBe('error')
    expect(o.chainProblem).toBe('loop')
  })

  it('detects a loop spread over several answers', async () => {
    const { ask } = table({
      'a.example. A': fakeResult('a.example.', 'A', [['a.example.', 'CNAME', 60, 'b.example.']]),
      'b.example. A': fakeResult('b.example.', 'A', [['b.example.', 'CNAME', 60, 'a.example.']])
    })
    const o = await observeRrset(ask, 'a.example.', 'A')
    expect(o.chainProblem).toBe('loop')
    expect(o.queries).toBe(2)
  })

  it('reports NXDOMAIN, SERVFAIL and engine errors', async () => {
    const { ask } = table({
      'gone.example. A': fakeResult('gone.example.', 'A', [], { rcode: 'NXDOMAIN', authority: [SOA] }),
      'broken.example. A': fakeResult('broken.example.', 'A', [], { rcode: 'SERVFAIL' }),
      'slow.example. A': new ServiceError('timeout', 'no response within 3000 ms')
    })
    expect((await observeRrset(ask, 'gone.example.', 'A')).status).toBe('nxdomain')
    const broken = await observeRrset(ask, 'broken.example.', 'A')
    expect([broken.status, broken.rcode, broken.error?.code]).toEqual(['error', 'SERVFAIL', 'unreachable'])
    const slow = await observeRrset(ask, 'slow.example.', 'A')
    expect([slow.status, slow.error?.code]).toEqual(['error', 'timeout'])
  })

  it('reads a CNAME question literally, without following', async () => {
    const { ask } = table({
      'example.com. CNAME': fakeResult('example.com.', 'CNAME', [['example.com.', 'CNAME', 300, 'cdn.example.net.']])
    })
    const o = await observeRrset(ask, 'example.com.', 'CNAME')
    expect(o.records.map((r) => r.data)).toEqual(['cdn.example.net.'])
    expect(o.chain).toEqual([])
  })
})
