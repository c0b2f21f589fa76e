/**
 * Benchmark of the ALIAS test server against PowerDNS Authoritative 4.7 (expand-alias=yes), both
 * serving the same zone and resolving the ALIAS target through the same local Knot server (each
 * through its own counting relay), measured with dnsperf for three loads:
 *   1. the apex A through ALIAS, cache warm   2. a static A record   3. NXDOMAIN
 *
 *   npm run bench:server           (BENCH_SECONDS=N for N s per run instead of 10)
 *
 * Then a 200,000-record zone's load time and memory beside Knot's (server-support/zone-load.ts).
 * BENCH_PART=qps or BENCH_PART=zone runs one half; BENCH_ZONE_RECORDS=N another zone size; BENCH_ZONE_RUNS=N
 * runs per zone figure (default 3; median and spread).
 * BENCH_PART=ecs (not part of 'all'): the per-subnet path, with and without ECS (server-support/ecs.ts).
 *
 * dnsperf: -c 2 -q 64 (two client sockets, 64 queries outstanding): on 2 cores, enough to keep
 * either server busy without dnsperf itself taking the second core from it; UDP, no EDNS.
 * Our server runs in its own process (as the CLI does); loopback only.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startKnot, type KnotServer } from '../scripts/peers/knot'
import { startPowerDns, type PowerDnsServer } from '../scripts/peers/pdns'
import { probeUdp } from '../scripts/peers/probe'
import { freePort } from '../scripts/peers/ports'
import { tempDir } from '../scripts/peers/temp-dir'
import { startAliasServerProcess, type AliasServerProcess } from './server-support/alias-server-process'
import { startCountingProxy, type CountingProxy } from './server-support/counting-proxy'
import { runDnsperf, type DnsperfResult } from './dnsperf'
import { benchZoneLoad } from './server-support/zone-load'
import { benchEcs } from './server-support/ecs'

const SECONDS = Math.max(1, Math.min(10, Number(process.env.BENCH_SECONDS ?? 10)))
const CLIENTS = 2
const IN_FLIGHT = 64
const TARGET = 'cdn.target.test'
const TARGET_TTL = 5
const TARGET_A = ['192.0.2.201', '192.0.2.202']
/** BENCH_PART=qps: only the dnsperf runs; BENCH_PART=zone: only the zone load beside Knot; BENCH_PART=ecs: the ECS path. */
const PART = process.env.BENCH_PART ?? 'all'
const ZONE_RECORDS = Math.max(1000, Number(process.env.BENCH_ZONE_RECORDS ?? 200_000))
const WATCHDOG_MS = 6 * (SECONDS + 15) * 1000 + 60_000 + 20 * 60_000

const TARGET_ZONE = [
  `$ORIGIN ${TARGET}.`,
  `$TTL ${TARGET_TTL}`,
  '@ 3600 SOA ns hostmaster 1 3600 600 86400 5',
  '@ 3600 NS ns',
  'ns 3600 A 127.0.0.1',
  ...TARGET_A.map((ip) => `@ A ${ip}`),
  '@ AAAA 2001:db8::201',
  ''
].join('\n')

const BENCH_ZONE = [
  '$ORIGIN bench.test.',
  '$TTL 300',
  '@ 3600 SOA ns1 hostmaster 1 3600 600 86400 60',
  '@ 3600 NS ns1',
  'ns1 A 127.0.0.1',
  `@ 300 ALIAS ${TARGET}.`,
  'www 300 A 192.0.2.80',
  ''
].join('\n')

interface Load {
  key: string
  label: string
  lines: string[]
}

const LOADS: Load[] = [
  { key: 'alias', label: 'apex A via ALIAS (warm)', lines: ['bench.test A'] },
  { key: 'static', label: 'static A', lines: ['www.bench.test A'] },
  { key: 'nxdomain', label: 'NXDOMAIN', lines: Array.from({ length: 1000 }, (_, i) => `nx${i}.bench.test A`) }
]

interface Server {
  name: 'ours' | 'PowerDNS'
  port: number
  proxy: CountingProxy
  /** Upstream A queries for the target so far, by the server's own count (ours only). */
  ownCount?: () => Promise<number>
}

interface Row {
  load: Load
  server: Server['name']
  result: DnsperfResult
  seconds: number
  relayQueries: number
  ownQueries?: number
}

async function check(server: Server): Promise<void> {
  const apex = await probeUdp(server.port, 'bench.test', 'A', 3000)
  const got = (apex.answers ?? []).flatMap((a) => (a.type === 'A' ? [a.data] : [])).sort()
  if (got.join() !== TARGET_A.join()) throw new Error(`${server.name} answers the apex with [${got.join(', ')}], not the target's [${TARGET_A.join(', ')}]`)
  const www = await probeUdp(server.port, 'www.bench.test', 'A', 3000)
  if ((www.answers ?? []).length !== 1) throw new Error(`${server.name} does not answer www.bench.test A`)
  const nx = await probeUdp(server.port, 'nx1.bench.test', 'A', 3000)
  if (nx.rcodeCode !== 3) throw new Error(`${server.name} answers nx1.bench.test with RCODE ${nx.rcodeCode}, not NXDOMAIN`)
}

const pad = (text: string, width: number): string => text.padEnd(width)
const fmt = (n: number, digits = 0): string => n.toFixed(digits)

function report(rows: Row[]): void {
  console.log(`\nResults (${SECONDS} s per run, dnsperf -c ${CLIENTS} -q ${IN_FLIGHT} -t 2, UDP, loopback):\n`)
  console.log(['load', 'server', 'qps', 'completed', 'lost', 'avg lat ms', 'rcodes'].map((h, i) => pad(h, [26, 10, 10, 11, 7, 11, 0][i]!)).join(''))
  for (const r of rows) {
    const rcodes = Object.entries(r.result.rcodes).map(([k, v]) => `${k} ${v}`).join(', ')
    console.log(
      [pad(r.load.label, 26), pad(r.server, 10), pad(fmt(r.result.qps), 10), pad(String(r.result.completed), 11), pad(String(r.result.lost), 7), pad(fmt(r.result.avgLatencyMs, 3), 11), rcodes].join('')
    )
  }
  console.log('\nours / PowerDNS:')
  const goals: Record<string, number> = { alias: 2, static: 0.5 }
  for (const load of LOADS) {
    const ours = rows.find((r) => r.load === load && r.server === 'ours')
    const theirs = rows.find((r) => r.load === load && r.server === 'PowerDNS')
    if (!ours || !theirs) continue
    const ratio = ours.result.qps / theirs.result.qps
    const goal = goals[load.key]
    const verdict = goal === undefined ? '' : ratio >= goal ? `  (goal ≥ ${goal}×: met)` : `  (goal ≥ ${goal}×: NOT met)`
    console.log(`  ${pad(load.label, 26)} ${fmt(ratio, 2)}×${verdict}`)
  }
  console.log(`\nUpstream A queries for ${TARGET} (TTL ${TARGET_TTL} s) during the ALIAS run, per TTL period:`)
  for (const r of rows.filter((row) => row.load.key === 'alias')) {
    const periods = r.seconds / TARGET_TTL
    const own = r.ownQueries === undefined ? '' : `; server's own counter ${r.ownQueries} (${fmt(r.ownQueries / periods, 2)} per TTL)`
    console.log(`  ${pad(r.server, 10)} ${r.relayQueries} at the relay in ${fmt(r.seconds, 1)} s = ${fmt(r.relayQueries / periods, 2)} per TTL${own}; ${r.result.completed} answers`)
  }
}

async function main(): Promise<void> {
  const temp = await tempDir('alias-inspector-bench-server-')
  const stops: Array<() => Promise<void>> = [() => temp.cleanup()]
  const watchdog = setTimeout(() => {
    console.error(`bench:server did not finish within ${WATCHDOG_MS / 1000} s`)
    process.exit(2)
  }, WATCHDOG_MS)
  watchdog.unref()
  try {
    if (PART === 'zone') return await benchZoneLoad(temp.path, ZONE_RECORDS)
    if (PART === 'ecs') return await benchEcs({ dir: temp.path, seconds: SECONDS, clients: CLIENTS, inFlight: IN_FLIGHT })
    const zonePath = join(temp.path, 'bench.test.zone')
    await writeFile(zonePath, BENCH_ZONE)
    const files = new Map<string, string>()
    for (const load of LOADS) {
      const file = join(temp.path, `${load.key}.txt`)
      await writeFile(file, `${load.lines.join('\n')}\n`)
      files.set(load.key, file)
    }

    const knot: KnotServer = await startKnot({ zones: { [`${TARGET}.`]: TARGET_ZONE } })
    stops.unshift(() => knot.stop())
    const ourRelay = await startCountingProxy(knot.port)
    const pdnsRelay = await startCountingProxy(knot.port)
    stops.unshift(() => ourRelay.stop(), () => pdnsRelay.stop())

    const child: AliasServerProcess = await startAliasServerProcess(zonePath, await freePort(), ourRelay.port)
    stops.unshift(() => child.stop())
    const pdns: PowerDnsServer = await startPowerDns({ zones: { 'bench.test.': BENCH_ZONE }, resolver: `127.0.0.1:${pdnsRelay.port}` })
    stops.unshift(() => pdns.stop())

    const ownCount = async (): Promise<number> =>
      (await child.counters()).perTarget.filter((t) => t.target === `${TARGET}.` && t.type === 'A').reduce((sum, t) => sum + t.upstreamQueries, 0)
    const servers: Server[] = [
      { name: 'ours', port: child.port, proxy: ourRelay, ownCount },
      { name: 'PowerDNS', port: pdns.port, proxy: pdnsRelay }
    ]
    for (const server of servers) await check(server)
    console.log(`Knot (target ${TARGET}, TTL ${TARGET_TTL} s) on ${knot.port}; ours (pid ${child.pid}) on ${child.port}; PowerDNS on ${pdns.port}`)

    const rows: Row[] = []
    for (const load of LOADS) {
      for (const server of servers) {
        const relayBefore = server.proxy.count(TARGET, 'A')
        const ownBefore = await server.ownCount?.()
        const started = Date.now()
        const result = await runDnsperf({ port: server.port, queryFile: files.get(load.key)!, seconds: SECONDS, clients: CLIENTS, inFlight: IN_FLIGHT, timeoutSeconds: 2 })
        const seconds = (Date.now() - started) / 1000
        const ownAfter = await server.ownCount?.()
        rows.push({
          load,
          server: server.name,
          result,
          seconds,
          relayQueries: server.proxy.count(TARGET, 'A') - relayBefore,
          ...(ownBefore !== undefined && ownAfter !== undefined ? { ownQueries: ownAfter - ownBefore } : {})
        })
        console.log(`  ${load.label} / ${server.name}: ${fmt(result.qps)} qps`)
      }
    }
    report(rows)
    console.log(`\ndnsperf command: ${rows[0]!.result.args.join(' ').replace(/-p \d+/, '-p PORT').replace(/-d \S+/, '-d FILE')}`)
    for (const stop of stops.splice(0, stops.length - 1)) await stop().catch((error: unknown) => console.error(error))
    if (PART !== 'qps') await benchZoneLoad(temp.path, ZONE_RECORDS)
  } finally {
    for (const stop of stops) await stop().catch((error: unknown) => console.error(error))
    clearTimeout(watchdog)
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
