import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ResolverTarget } from '@shared/dns'
import { queryMany } from '../../../electron/dns'
import { INSPECT_ORIGIN, zoneText } from '../../fixtures/zones'
import { freePort } from '../../../scripts/peers/ports'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'
import { startMisbehavingServer, type MisbehavingServer } from '../../../scripts/peers/misbehaving-server'
import { stopAll } from '../../support/stop-all'

/** queryMany: each resolver on its own; a dead one costs its own deadline and no more. */

let knot: KnotServer
let silent: MisbehavingServer

beforeAll(async () => {
  knot = await startKnot({ zones: { [INSPECT_ORIGIN]: zoneText('inspect.test') } })
  silent = await startMisbehavingServer({ kind: 'no-reply' })
})

afterAll(() => stopAll(silent, knot))

const DEADLINE = 800

describe('queryMany fan-out', () => {
  it('two good resolvers answer, a silent one times out, the whole call is bounded by its deadline', async () => {
    const resolvers: ResolverTarget[] = [
      { transport: 'udp', host: knot.host, port: knot.port, label: 'knot udp' },
      { transport: 'udp', host: silent.host, port: silent.port, label: 'silent' },
      { transport: 'tcp', host: knot.host, port: knot.port, label: 'knot tcp' }
    ]
    const started = performance.now()
    const results = await queryMany({
      name: 'www.inspect.test',
      type: 'A',
      resolvers,
      options: { timeoutMs: 500, retries: 1, deadlineMs: DEADLINE }
    })
    const elapsed = performance.now() - started

    expect(results.map((r) => r.resolver.label)).toEqual(['knot udp', 'silent', 'knot tcp'])
    const [udp, dead, tcp] = results
    for (const good of [udp!, tcp!]) {
      expect(good.ok).toBe(true)
      if (!good.ok) continue
      expect(good.result.answer.map((a) => a.data)).toEqual(['192.0.2.80'])
      expect(good.result.server.label).toBe(good.resolver.label)
      // the good ones did not wait for the dead one
      expect(good.result.timing.totalMs).toBeLessThan(300)
    }
    expect(dead).toMatchObject({ ok: false, error: { code: 'timeout' } })
    // the silent server got the first attempt and the retry (500 ms, then the 300 ms left)
    expect(silent.received.length).toBeGreaterThanOrEqual(2)
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE - 50)
    expect(elapsed).toBeLessThan(DEADLINE + 500)
  })

  it('a port where nobody listens fails fast as refused while the others answer', async () => {
    const deadPort = await freePort()
    const started = performance.now()
    const results = await queryMany({
      name: 'inspect.test',
      type: 'SOA',
      resolvers: [
        { transport: 'tcp', host: '127.0.0.1', port: deadPort },
        { transport: 'udp', host: '127.0.0.1', port: deadPort },
        { transport: 'udp', host: knot.host, port: knot.port },
        { transport: 'tcp', host: knot.host, port: knot.port }
      ],
      options: { timeoutMs: 1000, retries: 0, deadlineMs: 2000 }
    })
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'refused' } })
    // UDP learns it from the ICMP port-unreachable on its connected socket
    expect(results[1]).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(refused|timeout)$/) } })
    expect(results[2]!.ok && results[2]!.result.answer[0]!.type).toBe('SOA')
    expect(results[3]!.ok && results[3]!.result.answer[0]!.type).toBe('SOA')
    expect(performance.now() - started).toBeLessThan(2500)
  })

  it('a bad target is reported per resolver, not thrown for the whole call', async () => {
    const results = await queryMany({
      name: 'inspect.test',
      type: 'A',
      resolvers: [
        { transport: 'doh', host: '127.0.0.1', port: knot.port, url: 'ftp://127.0.0.1/dns-query' },
        { transport: 'udp', host: knot.host, port: knot.port }
      ],
      options: { deadlineMs: 2000 }
    })
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(results[1]).toMatchObject({ ok: true })
  })
})
