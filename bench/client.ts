/**
 * Benchmark of the DNS query engine against dnsperf, both asking the same Knot server on loopback
 * the same query mix for the same time, with 1 and with 64 queries in flight.
 *
 *   npm run bench:client            (BENCH_SECONDS=N to change the 10 s per run; total ≤ 90 s)
 *
 * Loopback only: Knot (test fixture) listens on 127.0.0.1 and both clients query it there.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { DnsQueryResult } from '@shared/dns'
import { INSPECT_ORIGIN, zoneText } from '../test/fixtures/zones'
import { startKnot, type KnotServer } from '../scripts/peers/knot'
import { requireTool } from '../scripts/peers/require-tool'
import { tempDir } from '../scripts/peers/temp-dir'
import { runDnsperf, type DnsperfResult } from './dnsperf'
import { runUnderNodeTsconfig } from './node-tsconfig'

type Engine = typeof import('../electron/dns')

const SECONDS = Math.max(1, Math.min(10, Number(process.env.BENCH_SECONDS ?? 10)))
const WATCHDOG_MS = 100_000

/** The query mix (name, type) and what Knot answers, checked for every engine response. */
const MIX: Array<{ name: string; type: string; rcode: string; answers: number }> = [
  { name: 'inspect.test', type: 'A', rcode: 'NOERROR', answers: 2 },
  { name: 'www.inspect.test', type: 'A', rcode: 'NOERROR', answers: 1 },
  { name: 'www.inspect.test', type: 'AAAA', rcode: 'NOERROR', answers: 1 },
  { name: 'alias.inspect.test', type: 'A', rcode: 'NOERROR', answers: 3 },
  { name: 'inspect.test', type: 'MX', rcode: 'NOERROR', answers: 2 },
  { name: 'txt.inspect.test', type: 'TXT', rcode: 'NOERROR', answers: 4 },
  { name: '_sip._tcp.inspect.test', type: 'SRV', rcode: 'NOERROR', answers: 2 },
  { name: 'inspect.test', type: 'HTTPS', rcode: 'NOERROR', answers: 1 },
  { name: 'nope.inspect.test', type: 'A', rcode: 'NXDOMAIN', answers: 0 },
  { name: 'www.inspect.test', type: 'MX', rcode: 'NOERROR', answers: 0 }
]

type Row = { client: string; inFlight: number } & Pick<DnsperfResult, 'sent' | 'completed' | 'lost' | 'mismatched' | 'seconds' | 'qps' | 'avgLatencyMs'>

type Ask = Engine['query']

/** Like dnsperf: plain queries (no EDNS), no retry, 5 s timeout. One object, reused by every query. */
const PLAIN = { edns: false, retries: 0, timeoutMs: 5000, deadlineMs: 5000 }

async function runEngine(client: string, ask: Ask, port: number, inFlight: number): Promise<Row> {
  let next = 0
  let sent = 0
  let completed = 0
  let lost = 0
  let mismatched = 0
  let latencySum = 0
  const errors = new Map<string, number>()
  const started = performance.now()
  const stopAt = started + SECONDS * 1000
  const check = (result: DnsQueryResult, want: (typeof MIX)[number]): boolean =>
    result.header.rcode === want.rcode &&
    result.answer.length === want.answers &&
    result.question.name === `${want.name}.` &&
    result.question.type === want.type &&
    result.ignored === 0
  const resolver = { transport: 'udp' as const, host: '127.0.0.1', port }
  const worker = async (): Promise<void> => {
    while (performance.now() < stopAt) {
      const want = MIX[next++ % MIX.length]!
      sent++
      try {
        const result = await ask({
          name: want.name,
          type: want.type,
          resolver,
          options: PLAIN
        })
        completed++
        latencySum += result.timing.exchangeMs
        if (!check(result, want)) mismatched++
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'internal'
        errors.set(code, (errors.get(code) ?? 0) + 1)
        if (code === 'timeout') lost++
        else mismatched++
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
  const seconds = (performance.now() - started) / 1000
  if (errors.size > 0) console.error(`${client} errors (${inFlight} in flight):`, Object.fromEntries(errors))
  return {
    client,
    inFlight,
    sent,
    completed,
    lost,
    mismatched,
    seconds,
    qps: completed / seconds,
    avgLatencyMs: completed ? latencySum / completed : 0
  }
}

function printTable(rows: Row[]): void {
  const header = ['client', 'in flight', 'sent', 'completed', 'lost', 'mismatched', 'run s', 'qps', 'avg lat ms', 'ratio to dnsperf']
  const lines = rows.map((row) => {
    const peer = rows.find((r) => r.client === 'dnsperf' && r.inFlight === row.inFlight)
    const ratio = row.client !== 'dnsperf' && peer && peer.qps > 0 ? (row.qps / peer.qps).toFixed(3) : ''
    return [
      row.client,
      String(row.inFlight),
      String(row.sent),
      String(row.completed),
      String(row.lost),
      String(row.mismatched),
      row.seconds.toFixed(2),
      row.qps.toFixed(0),
      row.avgLatencyMs.toFixed(3),
      ratio
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`
  console.log(fmt(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const l of lines) console.log(fmt(l))
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`benchmark exceeded ${WATCHDOG_MS / 1000} s, aborting`)
    process.exit(2)
  }, WATCHDOG_MS)
  requireTool('dnsperf', 'dnsperf')
  const engine: Engine = await import('../electron/dns')
  const { QueryPool } = await import('../electron/dns/pool/query-pool')
  const temp = await tempDir('alias-inspector-bench-')
  let knot: KnotServer | undefined
  try {
    knot = await startKnot({ zones: { [INSPECT_ORIGIN]: zoneText('inspect.test') } })
    const queryFile = join(temp.path, 'queries.txt')
    await writeFile(queryFile, MIX.map((q) => `${q.name} ${q.type}`).join('\n') + '\n')
    // sanity: every query of the mix gets the expected answer before timing anything
    for (const want of MIX) {
      const r = await engine.query({ name: want.name, type: want.type, resolver: { transport: 'udp', host: '127.0.0.1', port: knot.port } })
      if (r.header.rcode !== want.rcode || r.answer.length !== want.answers) {
        throw new Error(`unexpected answer for ${want.name} ${want.type}: ${r.header.rcode}, ${r.answer.length} records`)
      }
    }
    console.log(`Knot ${knot.host}:${knot.port}, ${MIX.length} queries in the mix, ${SECONDS} s per run, UDP, no EDNS`)
    const rows: Row[] = []
    for (const inFlight of [1, 64]) {
      rows.push({ client: 'dnsperf', inFlight, ...(await runDnsperf({ port: knot.port, queryFile, seconds: SECONDS, clients: 1, inFlight })) })
      rows.push(await runEngine('engine', engine.query, knot.port, inFlight))
      const pool = new QueryPool({ limits: { concurrency: Infinity, qps: Infinity } })
      rows.push(await runEngine('pooled', pool.query, knot.port, inFlight))
      const stats = pool.stats()
      pool.close()
      if (stats.udp.ignored > 0) console.error(`pooled: ${stats.udp.ignored} packets ignored`)
    }
    printTable(rows)
  } finally {
    await knot?.stop()
    await temp.cleanup()
    clearTimeout(watchdog)
  }
}

runUnderNodeTsconfig(main)
