import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { query } from '../../../electron/dns'
import { INSPECT_ORIGIN, zoneText } from '../../fixtures/zones'
import { startKnot, type KnotServer } from '../../../scripts/peers/knot'

/** big.inspect.test has 12 TXT records (~2.3 kB): more than the default EDNS size of 1232. */
const BIG = 'big.inspect.test'
const BIG_COUNT = 12

let knot: KnotServer
beforeAll(async () => {
  knot = await startKnot({ zones: { [INSPECT_ORIGIN]: zoneText('inspect.test') } })
})
afterAll(async () => {
  await knot?.stop()
})

const udp = () => ({ transport: 'udp' as const, host: knot.host, port: knot.port })

describe('truncation (TC) and the TCP fallback', () => {
  it('a TC answer over UDP completes over TCP', async () => {
    const result = await query({ name: BIG, type: 'TXT', resolver: udp(), options: { deadlineMs: 5000 } })
    expect(result.truncatedRetried).toBe(true)
    expect(result.transport).toBe('tcp')
    expect(result.header.flags.tc).toBe(false)
    expect(result.answer).toHaveLength(BIG_COUNT)
    expect(result.answer.every((r) => r.type === 'TXT' && r.data.startsWith('"big-'))).toBe(true)
    expect(result.attempts).toBeGreaterThanOrEqual(2)
    expect(result.sizes.response).toBeGreaterThan(1232)
    expect(result.timing.connectMs).toBeTypeOf('number')
  })

  it('with tcpFallback false the TC answer itself is returned', async () => {
    const result = await query({
      name: BIG,
      type: 'TXT',
      resolver: udp(),
      options: { tcpFallback: false, deadlineMs: 5000 }
    })
    expect(result.header.flags.tc).toBe(true)
    expect(result.truncatedRetried).toBe(false)
    expect(result.transport).toBe('udp')
    expect(result.attempts).toBe(1)
    expect(result.answer.length).toBeLessThan(BIG_COUNT)
    expect(result.sizes.response).toBeLessThanOrEqual(1232)
  })

  it('a larger EDNS buffer avoids the truncation', async () => {
    const result = await query({ name: BIG, type: 'TXT', resolver: udp(), options: { udpSize: 4096 } })
    expect(result.header.flags.tc).toBe(false)
    expect(result.truncatedRetried).toBe(false)
    expect(result.transport).toBe('udp')
    expect(result.answer).toHaveLength(BIG_COUNT)
    expect(result.sizes.response).toBeGreaterThan(1232)
  })

  it('without EDNS the 512-octet limit truncates even a medium answer, then TCP completes it', async () => {
    const plain = await query({
      name: 'txt.inspect.test',
      type: 'TXT',
      resolver: udp(),
      options: { edns: false }
    })
    expect(plain.edns).toBeUndefined()
    expect(plain.truncatedRetried).toBe(false)
    const big = await query({ name: BIG, type: 'TXT', resolver: udp(), options: { edns: false } })
    expect(big.truncatedRetried).toBe(true)
    expect(big.answer).toHaveLength(BIG_COUNT)
  })

  it('over TCP directly there is no truncation', async () => {
    const result = await query({
      name: BIG,
      type: 'TXT',
      resolver: { transport: 'tcp', host: knot.host, port: knot.port }
    })
    expect(result.truncatedRetried).toBe(false)
    expect(result.header.flags.tc).toBe(false)
    expect(result.attempts).toBe(1)
    expect(result.answer).toHaveLength(BIG_COUNT)
  })
})
