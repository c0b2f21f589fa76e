/**
 * Benchmark of the audit: 10,000 names served by a local lab, audited on the pooled engine through
 * Unbound, printing names per second and memory over the run.
 *
 *   npm run bench:audit            (BENCH_NAMES=N to change the 10,000 names; BENCH_CONCURRENCY=N)
 *
 * The lab, on loopback only: Knot serves k.bench. (plain A, CNAMEs to the target, and copies of the
 * target's addresses) and target.test.; PowerDNS serves p.bench., whose names are ALIASes to the
 * target, resolved through its own Unbound; the audited resolver is an Unbound stubbing all three.
 */
import { performance } from 'node:perf_hooks'
import type { AuditEntry } from '../electron/audit/audit-input'
import { targetZone, zoneHead } from '../scripts/peers/inspector-zones'
import { startKnot, type KnotServer } from '../scripts/peers/knot'
import { startPowerDns, type PowerDnsServer } from '../scripts/peers/pdns'
import { startUnbound, type UnboundServer } from '../scripts/peers/unbound'
import { runUnderNodeTsconfig } from './node-tsconfig'

const NAMES = Math.max(10, Number(process.env.BENCH_NAMES ?? 10_000))
const CONCURRENCY = Math.max(1, Number(process.env.BENCH_CONCURRENCY ?? 64))
const WATCHDOG_MS = 300_000
const TARGET = 'cdn.target.test.'

function knotZone(count: number): string {
  const lines: string[] = []
  for (let i = 0; i < count; i++) {
    if (i % 3 === 0) lines.push(`a${i} 300 IN A 198.51.100.${i % 250}`)
    else if (i % 3 === 1) lines.push(`a${i} 300 IN CNAME ${TARGET}`)
    else lines.push(`a${i} 300 IN A 192.0.2.10`, `a${i} 300 IN A 192.0.2.11`)
  }
  return zoneHead('k.bench.') + lines.join('\n') + '\n'
}

function pdnsZone(count: number): string {
  const lines = Array.from({ length: count }, (_, i) => `a${i} 300 IN ALIAS ${TARGET}`)
  return zoneHead('p.bench.') + lines.join('\n') + '\n'
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`benchmark exceeded ${WATCHDOG_MS / 1000} s, aborting`)
    process.exit(2)
  }, WATCHDOG_MS)
  const { runAudit } = await import('../electron/audit/run-audit')
  const half = Math.floor(NAMES / 2)
  let knot: KnotServer | undefined
  let pdnsResolver: UnboundServer | undefined
  let pdns: PowerDnsServer | undefined
  let unbound: UnboundServer | undefined
  try {
    knot = await startKnot({ zones: { 'target.test.': targetZone({ ttl: 300 }), 'k.bench.': knotZone(NAMES - half) } })
    pdnsResolver = await startUnbound({ stubs: [{ zone: 'target.test.', port: knot.port }] })
    pdns = await startPowerDns({ zones: { 'p.bench.': pdnsZone(half) }, resolver: `127.0.0.1:${pdnsResolver.port}`, startTimeoutMs: 60_000 })
    unbound = await startUnbound({
      stubs: [
        { zone: 'target.test.', port: knot.port },
        { zone: 'k.bench.', port: knot.port },
        { zone: 'p.bench.', port: pdns.port }
      ]
    })
    // every other name comes with its target; the rest rely on the inspector's suggestions
    const entries: AuditEntry[] = []
    for (let i = 0; i < NAMES - half; i++) entries.push({ name: `a${i}.k.bench.`, ...(i % 2 ? { target: TARGET } : {}) })
    for (let i = 0; i < half; i++) entries.push({ name: `a${i}.p.bench.`, ...(i % 2 ? { target: TARGET } : {}) })

    const resolvers = [{ transport: 'udp' as const, host: '127.0.0.1', port: unbound.port }]
    console.log(`${NAMES} names (${NAMES - half} Knot, ${half} PowerDNS ALIAS) through Unbound ${unbound.host}:${unbound.port}, ${CONCURRENCY} at once`)
    const verdicts = new Map<string, number>()
    const memory: Array<{ done: number; rss: number; heap: number }> = []
    let peakRss = 0
    let peakHeap = 0
    const sampler = setInterval(() => {
      const m = process.memoryUsage()
      peakRss = Math.max(peakRss, m.rss)
      peakHeap = Math.max(peakHeap, m.heapUsed)
    }, 200)
    let nextMark = 1
    const t0 = performance.now()
    const summary = await runAudit(entries, { resolvers, concurrency: CONCURRENCY, skipAuthoritative: true, timeoutMs: 3000 }, {
      onRow: (row) => verdicts.set(row.verdict, (verdicts.get(row.verdict) ?? 0) + 1),
      onProgress: (p) => {
        if (p.done >= (nextMark * p.total) / 4) {
          nextMark++
          const m = process.memoryUsage()
          memory.push({ done: p.done, rss: m.rss, heap: m.heapUsed })
        }
      }
    })
    const seconds = (performance.now() - t0) / 1000
    clearInterval(sampler)
    console.log(`audited ${summary.done} names in ${seconds.toFixed(1)} s: ${(summary.done / seconds).toFixed(0)} names/s; ${summary.errors} failed`)
    console.log(`verdicts: ${[...verdicts].map(([v, n]) => `${v} ${n}`).join(', ')}`)
    console.log(`peak memory: RSS ${mb(peakRss)}, heap used ${mb(peakHeap)}`)
    console.log(`memory at each quarter: ${memory.map((m) => `${m.done}: RSS ${mb(m.rss)} heap ${mb(m.heap)}`).join('; ')}`)
    const goal = seconds < 30 ? 'met' : 'NOT met'
    console.log(`goal 10,000 names in < 30 s: ${NAMES === 10_000 ? goal : 'n/a (BENCH_NAMES changed)'}`)
  } finally {
    await unbound?.stop()
    await pdns?.stop()
    await pdnsResolver?.stop()
    await knot?.stop()
    clearTimeout(watchdog)
  }
}

runUnderNodeTsconfig(main)
