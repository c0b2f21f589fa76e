/**
 * Zone size against load time and memory: our standalone server (its own process, the zone parsed in a
 * worker) beside Knot, each serving the same 200,000-record zone, both timed the same way.
 *
 * One measurement: the clock starts when the bench hands the zone text over (writing the zone file is
 * inside it for both servers, as startKnot writes Knot's), the server is spawned, and from that moment a
 * UDP query for a name of the zone is sent every POLL_MS, each with its own PROBE_TIMEOUT_MS, without
 * waiting for the previous one; the time is when the first answer with records arrives. So the figure
 * has a resolution of about POLL_MS for both servers (the start helpers' own readiness polls, every
 * 100 ms, do not quantise it). Load time: that figure for the big zone minus the same for a one-record
 * zone (process start-up, and tsx's start for ours, cancel out). Load CPU: the same difference of the
 * server's CPU time (user + system, every thread, from /proc/PID/stat, 10 ms ticks) at that moment:
 * less disturbed than wall time when the machine is shared. Memory: RSS with the zone minus RSS
 * with the one-record zone, once the zone is served. Each measurement runs BENCH_ZONE_RUNS times
 * (default 3) after one discarded warm-up per server; the table shows the median and the spread
 * (min–max) of the runs. A benchmark, not a gate: it prints whether the goals are met and exits 0.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startKnot } from '../../scripts/peers/knot'
import { probeUdp } from '../../scripts/peers/probe'
import { freePort } from '../../scripts/peers/ports'
import { startAliasServerProcess } from './alias-server-process'

const ORIGIN = 'big.test.'
const PROBE_NAME = `h0.${ORIGIN}`
const HEAD = [`$ORIGIN ${ORIGIN}`, '$TTL 300', '@ 3600 IN SOA ns1 hostmaster 1 3600 600 86400 60', '@ 3600 IN NS ns1', 'ns1 IN A 127.0.0.1']
const POLL_MS = 5
const PROBE_TIMEOUT_MS = 200
const START_TIMEOUT_MS = 300_000
const RUNS = Math.max(1, Math.min(9, Number(process.env.BENCH_ZONE_RUNS ?? 3)))

export function bigZone(records: number): string {
  const lines = [...HEAD]
  for (let i = 0; i < records; i++) {
    const k = i % 4
    if (k === 0) lines.push(`h${i} IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`)
    else if (k === 1) lines.push(`h${i} IN AAAA 2001:db8::${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}`)
    else if (k === 2) lines.push(`h${i} IN TXT "record ${i}"`)
    else lines.push(`h${i} IN MX 10 mail${i}`)
  }
  return `${lines.join('\n')}\n`
}

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)
  if (!kb) throw new Error(`no VmRSS for process ${pid}`)
  return Number(kb[1]) * 1024
}

/** CPU time the process has used so far (user + system, all threads), in ms (/proc's clock ticks, 100 per second). */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  // fields after the ')' that closes the command name: state is field 3, utime 14 and stime 15
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** When the first answer with records for `name` arrives on `port` (performance.now()), probing every POLL_MS; rejects after `timeoutMs`. */
function firstAnswer(port: number, name: string, timeoutMs: number): { at: Promise<number>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined
  let deadline: NodeJS.Timeout | undefined
  const cancel = (): void => {
    clearInterval(timer)
    clearTimeout(deadline)
  }
  const at = new Promise<number>((resolve, reject) => {
    const probe = (): void => {
      probeUdp(port, name, 'A', PROBE_TIMEOUT_MS).then(
        (r) => {
          if ((r.answers ?? []).length === 0) return
          cancel()
          resolve(performance.now())
        },
        () => undefined
      )
    }
    timer = setInterval(probe, POLL_MS)
    probe()
    deadline = setTimeout(() => {
      cancel()
      reject(new Error(`${name} was not answered on port ${port} within ${timeoutMs} ms`))
    }, timeoutMs)
  })
  return { at, cancel }
}

interface Measure {
  ms: number
  rss: number
  cpu: number
}

/** Times `start` (which writes the zone and spawns the server on `port`) until the zone answers; then reads RSS and stops it. */
async function measure(port: number, start: () => Promise<{ pid: number; stop(): Promise<void> }>): Promise<Measure> {
  const started = performance.now()
  const answer = firstAnswer(port, PROBE_NAME, START_TIMEOUT_MS)
  let server: { pid: number; stop(): Promise<void> } | undefined
  try {
    server = await start()
    const ms = (await answer.at) - started
    const [cpu, rss] = await Promise.all([cpuMs(server.pid), rssBytes(server.pid)])
    return { ms, rss, cpu }
  } finally {
    answer.cancel()
    await server?.stop()
  }
}

async function ours(path: string, text: string): Promise<Measure> {
  const port = await freePort()
  return measure(port, async () => {
    await writeFile(path, text)
    // Upstream: a closed port; no ALIAS in this zone, so it is never asked.
    return startAliasServerProcess(path, port, 9, START_TIMEOUT_MS)
  })
}

async function knot(text: string): Promise<Measure> {
  const port = await freePort()
  return measure(port, () => startKnot({ zones: { [ORIGIN]: text }, port, startTimeoutMs: START_TIMEOUT_MS }))
}

interface Spread {
  median: number
  min: number
  max: number
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! }
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)}`
const s = (ms: number): string => `${(ms / 1000).toFixed(2)}`
const shown = (x: Spread, unit: (v: number) => string, suffix: string): string =>
  RUNS === 1 ? `${unit(x.median)} ${suffix}` : `${unit(x.median)} ${suffix} (${unit(x.min)}–${unit(x.max)})`

interface Row {
  small: Spread
  big: Spread
  load: Spread
  cpu: Spread
  rss: Spread
}

/** RUNS pairs (small, big) after a discarded warm-up; load time and RSS growth per run, then their spread. */
async function runs(run: (small: boolean) => Promise<Measure>): Promise<Row> {
  // tsx compiles our sources on first use and caches them; Knot's binary and libraries are read once: warm both up alike.
  await run(true)
  const small: Measure[] = []
  const big: Measure[] = []
  for (let i = 0; i < RUNS; i++) {
    small.push(await run(true))
    big.push(await run(false))
  }
  return {
    small: spread(small.map((m) => m.ms)),
    big: spread(big.map((m) => m.ms)),
    load: spread(big.map((m, i) => m.ms - small[i]!.ms)),
    cpu: spread(big.map((m, i) => m.cpu - small[i]!.cpu)),
    rss: spread(big.map((m, i) => m.rss - small[i]!.rss))
  }
}

export async function benchZoneLoad(dir: string, records: number): Promise<void> {
  const small = `${HEAD.join('\n')}\nh0 IN A 10.0.0.0\n`
  const big = bigZone(records)
  console.log(`\nZone load: ${records.toLocaleString('en')} records (${(big.length / 1e6).toFixed(1)} MB: A, AAAA, TXT, MX in turn), each server in its own process`)
  console.log(`(median of ${RUNS} run${RUNS === 1 ? '' : 's'}${RUNS === 1 ? '' : ', min–max in brackets'}; time to the first answer for ${PROBE_NAME}, probed every ${POLL_MS} ms from the start)`)
  const ourRow = await runs((isSmall) => ours(join(dir, isSmall ? 'small.zone' : 'big.zone'), isSmall ? small : big))
  const knotRow = await runs((isSmall) => knot(isSmall ? small : big))
  const pad = (t: string, n: number): string => t.padEnd(n)
  const w = 24
  console.log([pad('server', 7), pad('to serve (small zone)', w), pad('to serve (big zone)', w), pad('load time', w), pad('load CPU', w), 'RSS growth'].join(''))
  for (const [name, row] of [['ours', ourRow], ['Knot', knotRow]] as const) {
    console.log([pad(name, 7), pad(shown(row.small, s, 's'), w), pad(shown(row.big, s, 's'), w), pad(shown(row.load, s, 's'), w), pad(shown(row.cpu, s, 's'), w), shown(row.rss, mb, 'MB')].join(''))
  }
  const loadRatio = ourRow.load.median / knotRow.load.median
  const cpuRatio = ourRow.cpu.median / knotRow.cpu.median
  const rssRatio = ourRow.rss.median / knotRow.rss.median
  console.log(`ours / Knot (medians): load time ${loadRatio.toFixed(2)}× (goal ≤ 2×: ${loadRatio <= 2 ? 'met' : 'NOT met'}), load CPU ${cpuRatio.toFixed(2)}×, RSS growth ${rssRatio.toFixed(2)}× (goal ≤ 3×: ${rssRatio <= 3 ? 'met' : 'NOT met'})`)
}
