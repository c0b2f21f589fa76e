import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DnsQueryResult, DnsTransport } from '@shared/dns'
import { QueryPool } from '../../../electron/dns/pool/query-pool'
import { escapedErrors } from '../../support/escaped-errors'
import { MISBEHAVING_A, startMisbehavingServer, type MisbehavingServer, type Misbehaviour } from '../../../scripts/peers/misbehaving-server'

/**
 * The pooled engine shares sockets between queries, so a hostile server gets more chances: answers
 * out of order, lost, twice, or under another waiting query's ID. Every answer must reach its own
 * query, and every other packet must be counted as ignored, never handed to the wrong query.
 */

const N = 200
let server: MisbehavingServer
let pool: QueryPool
const escapes = escapedErrors()

beforeAll(async () => {
  escapes.start()
  server = await startMisbehavingServer()
})

afterEach(() => pool?.close())

afterAll(async () => {
  await server?.stop()
  await new Promise((resolve) => setTimeout(resolve, 200))
  escapes.stop()
})

const nameOf = (i: number): string => `q${i}.pool.test`
const indexOf = (name: string): number => Number(/^q(\d+)\./i.exec(name)?.[1] ?? -1)

interface Outcome {
  answered: DnsQueryResult[]
  failed: Array<{ name: string; code: string }>
  /** Messages the server sent during the batch. */
  sent: number
}

async function batch(transport: DnsTransport, behaviour: (i: number) => Misbehaviour, timeoutMs = 3000): Promise<Outcome> {
  server.behave((q) => behaviour(indexOf(q.name)))
  pool = new QueryPool({ limits: { concurrency: Infinity, qps: Infinity } })
  const before = server.sent()
  const resolver = { transport, host: server.host, port: server.port }
  const options = { edns: false, retries: 0, timeoutMs, deadlineMs: timeoutMs, tcpFallback: false }
  const answered: DnsQueryResult[] = []
  const failed: Outcome['failed'] = []
  await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      try {
        answered.push(await pool.query({ name: nameOf(i), type: 'A', resolver, options }))
      } catch (error) {
        failed.push({ name: nameOf(i), code: (error as { code: string }).code })
      }
    })
  )
  // late duplicates and spoofs still on the way
  await new Promise((resolve) => setTimeout(resolve, 100))
  return { answered, failed, sent: server.sent() - before }
}

function expectOwnAnswers(answered: DnsQueryResult[]): void {
  for (const r of answered) {
    const i = indexOf(r.question.name)
    expect(r.question.name.toLowerCase()).toBe(`${nameOf(i)}.`)
    expect(r.answer.map((a) => [a.name.toLowerCase(), a.data])).toEqual([[`${nameOf(i)}.`, MISBEHAVING_A]])
  }
  expect(new Set(answered.map((r) => r.question.name.toLowerCase())).size).toBe(answered.length)
}

const ignoredOf = (transport: DnsTransport): number => (transport === 'udp' ? pool.stats().udp.ignored : pool.stats().stream.ignored)

describe.each(['udp', 'tcp'] as const)('the query pool over %s against a hostile server', (transport) => {
  it('matches answers that come back in another order', async () => {
    const out = await batch(transport, (i) => ({ kind: 'delay', ms: (i * 37) % 60 }))
    expect(out.failed).toEqual([])
    expect(out.answered).toHaveLength(N)
    expectOwnAnswers(out.answered)
    expect(ignoredOf(transport)).toBe(0)
    if (transport === 'tcp') expect(pool.stats().stream.connectionsOpened).toBeLessThanOrEqual(2)
    else expect(pool.stats().udp.socketsOpened).toBeLessThanOrEqual(4)
  })

  it('times out only the queries whose answers were lost', async () => {
    const out = await batch(transport, (i) => (i % 5 === 0 ? { kind: 'no-reply' } : { kind: 'answer' }), 600)
    expect(out.failed.map((f) => indexOf(f.name)).sort((a, b) => a - b)).toEqual(Array.from({ length: N / 5 }, (_, k) => k * 5))
    expect(new Set(out.failed.map((f) => f.code))).toEqual(new Set(['timeout']))
    expectOwnAnswers(out.answered)
    expect(out.answered.length + ignoredOf(transport)).toBe(out.sent)
  })

  it('counts a duplicate answer as ignored', async () => {
    const out = await batch(transport, () => ({ kind: 'duplicate' }))
    expect(out.failed).toEqual([])
    expectOwnAnswers(out.answered)
    expect(out.sent).toBe(2 * N)
    expect(ignoredOf(transport)).toBe(N)
  })

  it('never hands an answer sent under another waiting query\'s ID to that query', async () => {
    const out = await batch(transport, () => ({ kind: 'cross-id' }))
    expect(out.failed).toEqual([])
    expectOwnAnswers(out.answered)
    expect(out.sent).toBeGreaterThan(N)
    expect(out.answered.length + ignoredOf(transport)).toBe(out.sent)
  })

  it('ignores answers with a wrong ID or question and keeps waiting for the right one', async () => {
    const out = await batch(transport, (i) => (i % 2 ? { kind: 'wrong-id', thenAnswer: true } : { kind: 'wrong-question', thenAnswer: true }))
    expect(out.failed).toEqual([])
    expectOwnAnswers(out.answered)
    expect(out.sent).toBe(2 * N)
    expect(ignoredOf(transport)).toBe(N)
  })
})

describe('the UDP pool and answers from elsewhere', () => {
  it('keeps 0x20: the echoed name must match the random case exactly', async () => {
    server.behave({ kind: 'answer' })
    pool = new QueryPool()
    const resolver = { transport: 'udp' as const, host: server.host, port: server.port }
    const options = { randomCase: true, retries: 0, timeoutMs: 2000, deadlineMs: 2000 }
    const name = 'abcdefghijklmnopqrstuvwxyz.pool.test'
    const results = await Promise.all(Array.from({ length: 20 }, () => pool.query({ name, type: 'A', resolver, options })))
    const spellings = new Set(results.map((r) => r.question.name))
    expect(spellings.size).toBeGreaterThan(1)
    for (const r of results) expect(r.question.name.toLowerCase()).toBe(`${name}.`)
    // what the server received is what each query expected back
    const received = new Set(server.received.slice(-20).map((q) => `${q.name}.`))
    expect(received).toEqual(spellings)
  })

  it('never sees answers from another port (the sockets are connected) and still gets the right one', async () => {
    const out = await batch('udp', () => ({ kind: 'other-port', thenAnswer: true }))
    expect(out.failed).toEqual([])
    expectOwnAnswers(out.answered)
    expect(ignoredOf('udp')).toBe(0)
  })

  it('replaces sockets after their share of queries, so the source ports keep changing', async () => {
    server.behave({ kind: 'delay', ms: 5 })
    pool = new QueryPool({ udp: { maxQueriesPerSocket: 10 } })
    const resolver = { transport: 'udp' as const, host: server.host, port: server.port }
    const options = { retries: 0, timeoutMs: 3000, deadlineMs: 3000 }
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => pool.query({ name: nameOf(i), type: 'A', resolver, options })))
    expectOwnAnswers(results)
    expect(pool.stats().udp.socketsOpened).toBeGreaterThanOrEqual(10)
    expect(new Set(server.received.slice(-100).map((q) => q.clientPort)).size).toBeGreaterThanOrEqual(10)
    // retired sockets close once their queries are answered
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(pool.stats().udp.sockets).toBeLessThanOrEqual(4)
  })

  it('keeps each socket on its own source port and reuses them', async () => {
    await batch('udp', () => ({ kind: 'answer' }))
    const recent = server.received.slice(-N)
    const ports = new Set(recent.map((q) => q.clientPort))
    expect(ports.size).toBeGreaterThanOrEqual(2)
    expect(ports.size).toBeLessThanOrEqual(4)
    expect(pool.stats().udp.socketsOpened).toBe(ports.size)
    // IDs stay random per query on shared sockets
    expect(new Set(recent.map((q) => q.id)).size).toBeGreaterThan(N * 0.9)
  })
})
