import { createServer, type Server } from 'node:net'
import * as dnsPacket from 'dns-packet'
import { describe, expect, it } from 'vitest'
import type { DnsQueryResult } from '@shared/dns'
import { query } from '../../../electron/dns'
import { QueryPool } from '../../../electron/dns/pool/query-pool'
import { freePort } from '../../../scripts/peers/ports'
import { tlsUnboundForSuite } from '../../support/tls-unbound'

/** The pool's reused, pipelined TCP and DoT connections against real servers, and a server that hangs up. */

const peers = tlsUnboundForSuite()

const QUESTIONS = [
  ['alias.inspect.test', 'A'],
  ['inspect.test', 'HTTPS'],
  ['txt.inspect.test', 'TXT'],
  ['big.inspect.test', 'TXT'],
  ['nope.inspect.test', 'A'],
  ['www.inspect.test', 'AAAA']
] as const
const answerSet = (r: DnsQueryResult) => [r.header.rcode, ...r.answer.map((a) => `${a.name} ${a.type} ${a.data}`).sort()]

describe('the query pool over streams', () => {
  it.each(['tcp', 'dot'] as const)('pipelines many queries over %s on at most two connections, with the one-shot answers', async (transport) => {
    const resolver = transport === 'dot' ? { transport, host: '127.0.0.1', port: peers.unbound.dotPort! } : { transport, host: '127.0.0.1', port: peers.unbound.port }
    const pool = new QueryPool()
    try {
      const options = { timeoutMs: 5000, deadlineMs: 10_000 }
      const batch = Array.from({ length: 120 }, (_, i) => QUESTIONS[i % QUESTIONS.length]!)
      const pooled = await Promise.all(batch.map(([name, type]) => pool.query({ name, type, resolver, options }, { ca: peers.certs.caPem })))
      for (const [i, [name, type]] of batch.entries()) {
        const r = pooled[i]!
        expect(r.question.name).toBe(`${name}.`)
        expect(r.transport).toBe(transport)
        if (i < QUESTIONS.length) {
          const single = await query({ name, type, resolver, options }, { ca: peers.certs.caPem })
          expect(answerSet(r)).toEqual(answerSet(single))
        }
      }
      if (transport === 'dot') expect(pooled[0]!.tls?.protocol).toMatch(/^TLSv1\.[23]$/)
      expect(pool.stats().stream.connectionsOpened).toBeLessThanOrEqual(2)
      expect(pool.stats().stream.ignored).toBe(0)
    } finally {
      pool.close()
    }
  })

  it('sends a query again on a fresh connection when the server hangs up after answering another', async () => {
    // answers the first query of each connection, then closes it: the second, pipelined, is left hanging
    let connections = 0
    const server: Server = createServer((socket) => {
      connections++
      let buffer = Buffer.alloc(0)
      socket.on('error', () => undefined)
      socket.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk])
        if (buffer.length < 2 || buffer.length < 2 + buffer.readUInt16BE(0)) return
        const q = dnsPacket.decode(buffer.subarray(2, 2 + buffer.readUInt16BE(0)))
        const answer = dnsPacket.encode({
          type: 'response',
          id: q.id,
          flags: dnsPacket.AUTHORITATIVE_ANSWER,
          questions: q.questions,
          answers: [{ name: q.questions![0]!.name, type: 'A', class: 'IN', ttl: 60, data: '192.0.2.7' }]
        })
        const framed = Buffer.alloc(2 + answer.length)
        framed.writeUInt16BE(answer.length, 0)
        answer.copy(framed, 2)
        socket.end(framed)
      })
    })
    const port = await freePort()
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
    const pool = new QueryPool()
    try {
      const resolver = { transport: 'tcp' as const, host: '127.0.0.1', port }
      const options = { timeoutMs: 3000, deadlineMs: 3000 }
      const results = await Promise.all(['one.test', 'two.test', 'three.test'].map((name) => pool.query({ name, type: 'A', resolver, options })))
      expect(results.map((r) => [r.question.name, r.answer[0]?.data])).toEqual([
        ['one.test.', '192.0.2.7'],
        ['two.test.', '192.0.2.7'],
        ['three.test.', '192.0.2.7']
      ])
      expect(connections).toBeGreaterThanOrEqual(2)
    } finally {
      pool.close()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
