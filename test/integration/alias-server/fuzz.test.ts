/**
 * Fuzzes the ALIAS server (in its own process) with over 100,000 random and mutated packets over
 * UDP and TCP: bit flips, truncation, bad counts, compression pointers out of range and in loops,
 * EDNS garbage, odd opcodes, framing abuse. Deterministic: FUZZ_SEED=<n> replays a run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeTcp, probeUdp } from '../../../scripts/peers/probe'
import { makeBatch, tcpConnection, udpBatch, type Framing } from './fuzz-client'
import { Random } from './fuzz-random'
import { startServerProcess, type Memory, type ServerProcess } from './fuzz-server-process'
import { FUZZ_TARGET } from './fuzz-zone'

const SEED = Number(process.env.FUZZ_SEED ?? 0x41a5)
const UDP_BATCH = 2000
const UDP_FRESH = 40
const UDP_REPLAY = 20
const TCP_CONNECTIONS = 12
const TCP_PER_CONNECTION = 100
const TCP_FRESH = 4
const TCP_REPLAY = 2
const FRAMINGS: Framing[] = ['clean', 'clean', 'clean', 'zero-length', 'short-then-eof', 'huge-length', 'byte-by-byte']
const MB = 1024 * 1024

const batchSeed = (kind: number, batch: number): number => (SEED ^ Math.imul(kind * 7919 + batch + 1, 0x9e3779b1)) >>> 0
const tag = (what: string): string => `seed ${SEED} (${what}); replay with FUZZ_SEED=${SEED}`

let server: ServerProcess
let total = 0

const sorted = (values: string[]): string[] => [...values].sort()
const addresses = (packet: { answers?: Array<{ type: string; data?: unknown }> }, type: string): string[] =>
  sorted((packet.answers ?? []).filter((a) => a.type === type).map((a) => String(a.data)))

/** The server still answers correctly, on both transports, and has not exited. */
async function probe(after: string): Promise<void> {
  expect(server.exited(), `${tag(after)}: the server exited\n${server.output()}`).toBeUndefined()
  const www = await probeUdp(server.port, 'www.fuzz.test', 'A', 2000)
  expect(addresses(www, 'A'), tag(after)).toEqual(['192.0.2.80'])
  const apex = await probeUdp(server.port, 'fuzz.test', 'A', 2000)
  expect(addresses(apex, 'A'), tag(after)).toEqual(sorted(FUZZ_TARGET.a))
  const apexTcp = await probeTcp(server.port, 'fuzz.test', 'AAAA', 2000)
  expect(addresses(apexTcp, 'AAAA'), tag(after)).toEqual(sorted(FUZZ_TARGET.aaaa))
}

async function runUdp(batch: number): Promise<void> {
  const packets = makeBatch(batchSeed(1, batch), UDP_BATCH, batch * UDP_BATCH)
  const result = await udpBatch(server.port, packets)
  total += result.sent
  expect(result.problems, tag(`udp batch ${batch}`)).toEqual([])
  expect(result.replies, tag(`udp batch ${batch}`)).toBeGreaterThan(UDP_BATCH / 2)
  await probe(`udp batch ${batch}`)
}

async function runTcp(batch: number): Promise<void> {
  const r = new Random(batchSeed(2, batch))
  const results = await Promise.all(
    Array.from({ length: TCP_CONNECTIONS }, (_, c) => {
      const packets = makeBatch(batchSeed(3, batch * TCP_CONNECTIONS + c), TCP_PER_CONNECTION, c * TCP_PER_CONNECTION)
      return tcpConnection(server.port, packets, FRAMINGS[c % FRAMINGS.length]!, new Random(r.int(0, 2 ** 31)))
    })
  )
  for (const result of results) {
    total += result.sent
    expect(result.problems, tag(`tcp batch ${batch}`)).toEqual([])
  }
  await probe(`tcp batch ${batch}`)
}

describe('ALIAS server under fuzzing', () => {
  let baseline: Memory

  beforeAll(async () => {
    server = await startServerProcess()
    await probe('start')
  })

  afterAll(async () => {
    await server?.stop()
  })

  it('answers or drops every random and mutated UDP packet correctly and keeps serving', async () => {
    for (let batch = 0; batch < UDP_FRESH; batch++) await runUdp(batch)
  }, 120_000)

  it('does the same over TCP, with pipelining, fragments and framing abuse', async () => {
    for (let batch = 0; batch < TCP_FRESH; batch++) await runTcp(batch)
    baseline = await server.memory()
    expect(baseline.gc, 'the harness runs with --expose-gc').toBe(true)
    expect(baseline.errors, tag('internal errors')).toEqual([])
  }, 120_000)

  it('keeps its memory flat when the same traffic is replayed', async () => {
    // every distinct question is cached already: replaying must not grow the heap
    for (let batch = UDP_FRESH - UDP_REPLAY; batch < UDP_FRESH; batch++) await runUdp(batch)
    for (let batch = TCP_FRESH - TCP_REPLAY; batch < TCP_FRESH; batch++) await runTcp(batch)
    const after = await server.memory()
    expect(after.errors, tag('internal errors')).toEqual([])
    const heapGrowth = (after.heapUsed - baseline.heapUsed) / MB
    const rssGrowth = (after.rss - baseline.rss) / MB
    expect(heapGrowth, `${tag('memory')}: heap ${(baseline.heapUsed / MB).toFixed(1)} → ${(after.heapUsed / MB).toFixed(1)} MB`).toBeLessThan(4)
    expect(rssGrowth, `${tag('memory')}: RSS ${(baseline.rss / MB).toFixed(1)} → ${(after.rss / MB).toFixed(1)} MB`).toBeLessThan(32)
    expect(total).toBeGreaterThanOrEqual(100_000)
    if (process.env.FUZZ_VERBOSE) console.log(`fuzz: ${total} packets; heap ${(baseline.heapUsed / MB).toFixed(1)} → ${(after.heapUsed / MB).toFixed(1)} MB; RSS ${(baseline.rss / MB).toFixed(1)} → ${(after.rss / MB).toFixed(1)} MB`)
  }, 120_000)
})
