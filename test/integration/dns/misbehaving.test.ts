import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DnsQueryResult, QueryOptionsInput } from '@shared/dns'
import { query } from '../../../electron/dns'
import { escapedErrors } from '../../support/escaped-errors'
import { freePort } from '../../../scripts/peers/ports'
import {
  MISBEHAVING_A,
  startMisbehavingServer,
  type MisbehavingServer,
  type Misbehaviour
} from '../../../scripts/peers/misbehaving-server'

/**
 * A scripted server sends bad packets; the engine must ignore what is not an answer to its query,
 * reject what is broken with a typed error, and never wait past its deadline.
 */

let server: MisbehavingServer
const escapes = escapedErrors()

beforeAll(async () => {
  escapes.start()
  server = await startMisbehavingServer()
})

afterAll(async () => {
  await server?.stop()
  // give late packets/timers a moment to surface anything that escaped
  await new Promise((resolve) => setTimeout(resolve, 200))
  escapes.stop()
})

const FAST: QueryOptionsInput = { timeoutMs: 400, retries: 0, deadlineMs: 1500 }

interface Outcome {
  result?: DnsQueryResult
  error?: { name?: string; code?: string; message: string }
  ms: number
}

async function ask(
  behaviour: Misbehaviour,
  transport: 'udp' | 'tcp' = 'udp',
  options: QueryOptionsInput = FAST,
  type = 'A'
): Promise<Outcome> {
  server.behave(behaviour)
  server.received.length = 0
  const started = performance.now()
  try {
    const result = await query({
      name: 'probe.misbehaving.test',
      type,
      resolver: { transport, host: server.host, port: server.port },
      options
    })
    return { result, ms: performance.now() - started }
  } catch (error) {
    return { error: error as Outcome['error'], ms: performance.now() - started }
  }
}

function expectAnswer(outcome: Outcome): DnsQueryResult {
  expect(outcome.error).toBeUndefined()
  const result = outcome.result!
  expect(result.header.rcode).toBe('NOERROR')
  expect(result.answer.map((r) => r.data)).toEqual([MISBEHAVING_A])
  return result
}

/** A query to a port where nobody listens is refused within a second. */
async function expectRefusedQuickly(transport: 'udp' | 'tcp'): Promise<void> {
  const port = await freePort()
  const started = performance.now()
  await expect(query({ name: 'x.test', type: 'A', resolver: { transport, host: '127.0.0.1', port }, options: FAST })).rejects.toMatchObject({ code: 'refused' })
  expect(performance.now() - started).toBeLessThan(1000)
}

function expectError(outcome: Outcome, code: string, withinMs: number): void {
  expect(outcome.result).toBeUndefined()
  expect(outcome.error).toMatchObject({ name: 'ServiceError', code })
  expect(outcome.error!.message.length).toBeGreaterThan(0)
  expect(outcome.ms).toBeLessThan(withinMs)
}

describe('misbehaving server over UDP', () => {
  it('control: a well-behaved answer', async () => {
    const result = expectAnswer(await ask({ kind: 'answer' }))
    expect(result.ignored).toBe(0)
    expect(result.attempts).toBe(1)
  })

  it('a response with the wrong ID is ignored → timeout', async () => {
    const outcome = await ask({ kind: 'wrong-id' })
    expectError(outcome, 'timeout', 1200)
    expect(outcome.ms).toBeGreaterThanOrEqual(350)
    expect(outcome.error!.message).toMatch(/ignored/)
  })

  it('a response with the wrong ID is ignored, the right one that follows is taken', async () => {
    const result = expectAnswer(await ask({ kind: 'wrong-id', thenAnswer: true }))
    expect(result.ignored).toBeGreaterThanOrEqual(1)
  })

  it('a response for another question is ignored → timeout', async () => {
    expectError(await ask({ kind: 'wrong-question' }), 'timeout', 1200)
  })

  it('a response for another question is ignored, the right one that follows is taken', async () => {
    const result = expectAnswer(await ask({ kind: 'wrong-question', thenAnswer: true }))
    expect(result.ignored).toBeGreaterThanOrEqual(1)
  })

  it('a response from another port is not accepted → timeout', async () => {
    expectError(await ask({ kind: 'other-port' }), 'timeout', 1200)
  })

  it('a response from another port is not accepted, the one from the server port is', async () => {
    expectAnswer(await ask({ kind: 'other-port', thenAnswer: true }))
  })

  it('a runt packet is ignored, the answer that follows is taken', async () => {
    const result = expectAnswer(await ask({ kind: 'garbage', bytes: Buffer.from('garbage'), thenAnswer: true }))
    expect(result.ignored).toBeGreaterThanOrEqual(1)
  })

  it('a truncated (cut in the middle) response with our ID → malformed', async () => {
    expectError(await ask({ kind: 'garbage' }), 'malformed', 1000)
  })

  it('a compression-pointer loop → malformed, without hanging', async () => {
    expectError(await ask({ kind: 'pointer-loop' }), 'malformed', 1000)
  })

  it('no reply: every retry times out, then a timeout error', async () => {
    const outcome = await ask({ kind: 'no-reply' }, 'udp', { timeoutMs: 250, retries: 2, deadlineMs: 3000 })
    expectError(outcome, 'timeout', 1500)
    expect(outcome.ms).toBeGreaterThanOrEqual(700)
    expect(server.received).toHaveLength(3)
    expect(new Set(server.received.map((q) => q.id)).size).toBe(3)
  })

  it('a silent first attempt, then an answer on the retry', async () => {
    let count = 0
    server.behave(() => (count++ === 0 ? { kind: 'no-reply' } : { kind: 'answer' }))
    const started = performance.now()
    const result = await query({
      name: 'retry.misbehaving.test',
      type: 'A',
      resolver: { transport: 'udp', host: server.host, port: server.port },
      options: { timeoutMs: 300, retries: 1, deadlineMs: 2000 }
    })
    expect(result.attempts).toBe(2)
    expect(result.answer.map((r) => r.data)).toEqual([MISBEHAVING_A])
    expect(result.timing.totalMs).toBeGreaterThanOrEqual(290)
    expect(performance.now() - started).toBeLessThan(1500)
  })

  it('a reply after a delay within the timeout is taken, with its exchange time', async () => {
    const result = expectAnswer(await ask({ kind: 'delay', ms: 150 }, 'udp', { timeoutMs: 1000, retries: 0 }))
    expect(result.timing.exchangeMs).toBeGreaterThanOrEqual(140)
    expect(result.timing.exchangeMs).toBeLessThan(900)
  })

  it('the deadline cuts a long per-attempt timeout short', async () => {
    const outcome = await ask({ kind: 'delay', ms: 5000 }, 'udp', { timeoutMs: 3000, retries: 3, deadlineMs: 600 })
    expectError(outcome, 'timeout', 1100)
    expect(outcome.ms).toBeGreaterThanOrEqual(550)
  })

  it('TC over UDP, then the full answer over TCP', async () => {
    const result = expectAnswer(await ask({ kind: 'tc-then-tcp' }))
    expect(result.truncatedRetried).toBe(true)
    expect(result.transport).toBe('tcp')
    expect(server.received.map((q) => q.transport)).toEqual(['udp', 'tcp'])
  })

  it('a REFUSED rcode is an answer, not a transport error', async () => {
    const outcome = await ask({ kind: 'rcode', rcode: 'REFUSED' })
    expect(outcome.error).toBeUndefined()
    expect(outcome.result!.header.rcode).toBe('REFUSED')
    expect(outcome.result!.answer).toEqual([])
  })

  it('a port where nobody listens → refused (ICMP), quickly', () => expectRefusedQuickly('udp'))
})

describe('misbehaving server over TCP', () => {
  it('control: a well-behaved answer with connect time', async () => {
    const result = expectAnswer(await ask({ kind: 'answer' }, 'tcp'))
    expect(result.timing.connectMs).toBeTypeOf('number')
  })

  it('a response with the wrong ID on the connection is ignored, the right one is taken', async () => {
    const result = expectAnswer(await ask({ kind: 'wrong-id', thenAnswer: true }, 'tcp'))
    expect(result.ignored).toBeGreaterThanOrEqual(1)
  })

  it('only a wrong-ID response → timeout', async () => {
    expectError(await ask({ kind: 'wrong-id' }, 'tcp'), 'timeout', 1200)
  })

  it('only a wrong-question response → timeout', async () => {
    expectError(await ask({ kind: 'wrong-question' }, 'tcp'), 'timeout', 1200)
  })

  it('a wrong-ID response, then the connection closed: the error names the answer it ignored', async () => {
    const outcome = await ask({ kind: 'wrong-id', close: true }, 'tcp')
    expectError(outcome, 'unreachable', 1000)
    expect(outcome.error!.message).toMatch(/closed before a response; 1 mismatched response ignored, last: ID \d+ instead of \d+/)
  })

  it('a wrong-question response, then a timeout: the error names the question it ignored', async () => {
    const outcome = await ask({ kind: 'wrong-question' }, 'tcp')
    expectError(outcome, 'timeout', 1200)
    expect(outcome.error!.message).toMatch(/1 mismatched response ignored, last: question name wrong\.invalid\. instead of probe\.misbehaving\.test\./)
  })

  it('a compression-pointer loop → malformed', async () => {
    expectError(await ask({ kind: 'pointer-loop' }, 'tcp'), 'malformed', 1000)
  })

  it('a truncated message with our ID → malformed', async () => {
    expectError(await ask({ kind: 'garbage' }, 'tcp'), 'malformed', 1000)
  })

  it('a huge length prefix and a held connection → timeout within the deadline', async () => {
    const outcome = await ask({ kind: 'huge-length' }, 'tcp', { timeoutMs: 5000, deadlineMs: 700 })
    expectError(outcome, 'timeout', 1300)
  })

  it('a huge length prefix and a closed connection → malformed (closed mid-message)', async () => {
    expectError(await ask({ kind: 'huge-length', close: true }, 'tcp'), 'malformed', 1000)
  })

  it('accepted but never answered → timeout', async () => {
    expectError(await ask({ kind: 'no-reply' }, 'tcp'), 'timeout', 1200)
  })

  it('a port where nobody listens → refused, quickly', () => expectRefusedQuickly('tcp'))
})
