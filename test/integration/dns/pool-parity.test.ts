import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DnsQueryResult } from '@shared/dns'
import { query } from '../../../electron/dns'
import { QueryPool } from '../../../electron/dns/pool/query-pool'
import { INSPECT_ORIGIN, zoneText } from '../../fixtures/zones'
import { startKnot, type KnotServer } from '../../support/peers/knot'

/** The pool's own UDP path (templates, one timer wheel, one abort listener) answers as the one-shot engine does. */

const same = (r: DnsQueryResult) => ({ question: r.question, rcode: r.header.rcode, flags: r.header.flags, answer: r.answer, authority: r.authority, additional: r.additional, edns: r.edns, transport: r.transport, sizes: r.sizes })

describe('pooled UDP path', () => {
  let knot: KnotServer
  let pool: QueryPool
  beforeAll(async () => {
    knot = await startKnot({ zones: { [INSPECT_ORIGIN]: zoneText('inspect.test') } })
    pool = new QueryPool()
  })
  afterAll(async () => {
    pool?.close()
    await knot?.stop()
  })

  it('gives the one-shot engine\'s answers, for every type and with or without EDNS, the same template reused', async () => {
    const resolver = { transport: 'udp' as const, host: '127.0.0.1', port: knot.port }
    const asks: Array<[string, string]> = [['inspect.test', 'A'], ['www.inspect.test', 'AAAA'], ['txt.inspect.test', 'TXT'], ['_sip._tcp.inspect.test', 'SRV'], ['inspect.test', 'HTTPS'], ['nope.inspect.test', 'A'], ['INSPECT.test', 'MX']]
    for (const options of [{}, { edns: false }, { dnssecOk: true, ad: true }]) {
      for (const [name, type] of asks) {
        const [oneShot, pooled, again] = await Promise.all([query({ name, type, resolver, options }), pool.query({ name, type, resolver, options }), pool.query({ name, type, resolver, options })])
        expect(same(pooled)).toEqual(same(oneShot))
        expect(same(again)).toEqual(same(oneShot))
        // a fresh random ID each time, the rest of the query the same octets
        expect(pooled.raw.query.slice(4)).toBe(oneShot.raw.query.slice(4))
      }
    }
    expect(pool.stats().udp.ignored).toBe(0)
  })

  it('cancels every query waiting on an aborted signal, and times out against silence', async () => {
    const knotTarget = { transport: 'udp' as const, host: '127.0.0.1', port: knot.port }
    const abort = new AbortController()
    // aborted at once: those not yet answered end as cancelled, none hangs
    const waiting = Array.from({ length: 5 }, () => pool.query({ name: 'inspect.test', type: 'A', resolver: knotTarget }, { signal: abort.signal }))
    abort.abort()
    const settled = await Promise.allSettled(waiting)
    for (const s of settled) expect(s.status === 'rejected' ? (s.reason as { code: string }).code : 'answered').toMatch(/^(cancelled|answered)$/)
    expect(settled.some((s) => s.status === 'rejected')).toBe(true)
    const started = performance.now()
    // a bound but silent UDP socket on loopback: nobody answers
    const { createSocket } = await import('node:dgram')
    const sink = createSocket('udp4')
    await new Promise<void>((r) => sink.bind(0, '127.0.0.1', () => r()))
    try {
      const port = sink.address().port
      await expect(pool.query({ name: 'inspect.test', type: 'A', resolver: { transport: 'udp', host: '127.0.0.1', port }, options: { timeoutMs: 150, deadlineMs: 400, retries: 1 } })).rejects.toMatchObject({ code: 'timeout' })
      // two attempts of 150 ms, each timed out by the wheel (never early)
      expect(performance.now() - started).toBeGreaterThanOrEqual(295)
    } finally {
      sink.close()
    }
  })
})
