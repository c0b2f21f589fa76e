import { describe, expect, it } from 'vitest'
import type { DnsQueryResult, ResolverTarget } from '@shared/dns'
import { query } from '../../../electron/dns'
import { tlsUnboundForSuite } from '../../support/tls-unbound'

/** Unbound (recursive, stub zone → Knot) answers the same question over UDP, TCP, DoT and DoH. */

const peers = tlsUnboundForSuite()

function targets(): Record<string, ResolverTarget> {
  return {
    udp: { transport: 'udp', host: '127.0.0.1', port: peers.unbound.port },
    tcp: { transport: 'tcp', host: '127.0.0.1', port: peers.unbound.port },
    dot: { transport: 'dot', host: '127.0.0.1', port: peers.unbound.dotPort! },
    'dot (SNI dns.test)': { transport: 'dot', host: '127.0.0.1', port: peers.unbound.dotPort!, tlsServerName: 'dns.test' },
    'doh POST': { transport: 'doh', host: '127.0.0.1', port: peers.unbound.dohPort!, url: peers.unbound.dohUrl!, dohMethod: 'POST' },
    'doh GET': { transport: 'doh', host: '127.0.0.1', port: peers.unbound.dohPort!, url: peers.unbound.dohUrl!, dohMethod: 'GET' }
  }
}

/** Answer set without TTLs (a cache decrements them): owner, type, data; sorted. */
const answerSet = (r: DnsQueryResult) => r.answer.map((a) => `${a.name} ${a.type} ${a.data}`).sort()

const questions: Array<{ name: string; type: string; rcode: string; answers: number }> = [
  { name: 'alias.inspect.test', type: 'A', rcode: 'NOERROR', answers: 3 },
  { name: 'inspect.test', type: 'HTTPS', rcode: 'NOERROR', answers: 1 },
  { name: 'txt.inspect.test', type: 'TXT', rcode: 'NOERROR', answers: 4 },
  { name: 'big.inspect.test', type: 'TXT', rcode: 'NOERROR', answers: 12 },
  { name: 'nope.inspect.test', type: 'A', rcode: 'NXDOMAIN', answers: 0 }
]

describe('Unbound in front of Knot over every transport', () => {
  it.each(questions)('$name $type: the same answers over UDP, TCP, DoT and DoH', async (q) => {
    const direct = await query({
      name: q.name,
      type: q.type,
      resolver: { transport: 'tcp', host: peers.knot.host, port: peers.knot.port }
    })
    for (const [label, resolver] of Object.entries(targets())) {
      const result = await query(
        { name: q.name, type: q.type, resolver, options: { timeoutMs: 3000, deadlineMs: 8000 } },
        { ca: peers.certs.caPem }
      )
      const context = `${label}: ${q.name} ${q.type}`
      expect(result.header.rcode, context).toBe(q.rcode)
      expect(result.header.flags.ra, context).toBe(true)
      expect(result.header.flags.aa, context).toBe(false)
      expect(result.answer, context).toHaveLength(q.answers)
      expect(answerSet(result), context).toEqual(answerSet(direct))
      // TTLs from a cache never exceed the authoritative ones
      for (const record of result.answer) {
        const original = direct.answer.find((d) => d.name === record.name && d.data === record.data)
        expect(record.ttl, context).toBeLessThanOrEqual(original!.ttl)
      }
      const expectedTransport = resolver.transport === 'udp' && q.answers === 12 ? 'tcp' : resolver.transport
      expect(result.transport, context).toBe(expectedTransport)
      if (resolver.transport !== 'udp') expect(result.timing.connectMs, context).toBeTypeOf('number')
      expect(result.timing.totalMs, context).toBeGreaterThanOrEqual(result.timing.exchangeMs)
      if (resolver.transport === 'dot' || resolver.transport === 'doh') {
        expect(result.tls?.protocol, context).toMatch(/^TLSv1\.[23]$/)
      }
      if (resolver.transport === 'doh') {
        expect(result.http, context).toMatchObject({ version: '2', status: 200, method: resolver.dohMethod })
        // RFC 8484 §4.1: the DNS ID is 0 over DoH
        expect(result.header.id, context).toBe(0)
      }
    }
  })

  it('DoT without the test CA fails with a typed TLS error that says why', async () => {
    const error = await query({
      name: 'inspect.test',
      type: 'A',
      resolver: targets().dot!,
      options: { deadlineMs: 5000 }
    }).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toMatchObject({ name: 'ServiceError', code: 'tls' })
    expect((error as Error).message).toMatch(/certificate|self[- ]signed|issuer|verify/i)
  })

  it('DoH without the test CA fails with a typed TLS error', async () => {
    await expect(
      query({ name: 'inspect.test', type: 'A', resolver: targets()['doh POST']!, options: { deadlineMs: 5000 } })
    ).rejects.toMatchObject({ code: 'tls', message: expect.stringMatching(/certificate|self[- ]signed|issuer|verify/i) })
  })

  it('DoT with a server name that the certificate does not cover fails with a TLS error', async () => {
    await expect(
      query(
        {
          name: 'inspect.test',
          type: 'A',
          resolver: { ...targets().dot!, tlsServerName: 'other.test' },
          options: { deadlineMs: 5000 }
        },
        { ca: peers.certs.caPem }
      )
    ).rejects.toMatchObject({ code: 'tls', message: expect.stringMatching(/other\.test|hostname|altname/i) })
  })

  it('DoT to the plain DNS port fails fast as TLS or unreachable, not a hang', async () => {
    const started = Date.now()
    const error = await query(
      {
        name: 'inspect.test',
        type: 'A',
        resolver: { transport: 'dot', host: '127.0.0.1', port: peers.unbound.port },
        options: { timeoutMs: 2000, deadlineMs: 3000 }
      },
      { ca: peers.certs.caPem }
    ).then(
      () => undefined,
      (e: { code?: string }) => e
    )
    expect(['tls', 'unreachable', 'timeout']).toContain(error?.code)
    expect(Date.now() - started).toBeLessThan(4000)
  })
})
