/**
 * Zone size against load time and memory: our standalone server (its own process, the zone parsed in a
 * worker) beside Knot, each serving the same 200,000-record zone. Load time: from process start until
 * a name of the zone is answered, minus the same with a small zone (so process start-up and tsx's own
 * start cancel out). Memory: RSS with the zone minus RSS with the small zone, once the zone is served.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startKnot } from '../../scripts/peers/knot'
import { probeUdp } from '../../scripts/peers/probe'
import { freePort } from '../../scripts/peers/ports'
import { startAliasServerProcess } from './alias-server-process'

const ORIGIN = 'big.test.'
const HEAD = [`$ORIGIN ${ORIGIN}`, '$TTL 300', '@ 3600 IN SOA ns1 hostmaster 1 3600 600 86400 60', '@ 3600 IN NS ns1', 'ns1 IN A 127.0.0.1']

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

async function answered(port: number, name: string, timeoutMs: number): Promise<void> {
  const started = Date.now()
  for (;;) {
    const r = await probeUdp(port, name, 'A', 1000).catch(() => undefined)
    if (r && (r.answers ?? []).length > 0) return
    if (Date.now() - started > timeoutMs) throw new Error(`${name} was not answered within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

interface Measure {
  ms: number
  rss: number
}

async function ours(path: string): Promise<Measure> {
  const started = performance.now()
  // Upstream: a closed port; no ALIAS in this zone, so it is never asked.
  const child = await startAliasServerProcess(path, await freePort(), 9, 300_000)
  try {
    await answered(child.port, `h0.${ORIGIN}`, 300_000)
    const ms = performance.now() - started
    return { ms, rss: await rssBytes(child.pid) }
  } finally {
    await child.stop()
  }
}

async function knot(text: string): Promise<Measure> {
  const started = performance.now()
  const server = await startKnot({ zones: { [ORIGIN]: text }, startTimeoutMs: 300_000 })
  try {
    await answered(server.port, `h0.${ORIGIN}`, 300_000)
    const ms = performance.now() - started
    return { ms, rss: await rssBytes(server.pid) }
  } finally {
    await server.stop()
  }
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`

export async function benchZoneLoad(dir: string, records: number): Promise<void> {
  const small = `${HEAD.join('\n')}\nh0 IN A 10.0.0.0\n`
  const big = bigZone(records)
  const smallPath = join(dir, 'small.zone')
  const bigPath = join(dir, 'big.zone')
  await writeFile(smallPath, small)
  await writeFile(bigPath, big)
  console.log(`\nZone load: ${records.toLocaleString('en')} records (${(big.length / 1e6).toFixed(1)} MB: A, AAAA, TXT, MX in turn), each server in its own process`)
  // tsx compiles our sources on first use and caches them: a discarded warm-up run keeps that cost out of the small-zone figure.
  await ours(smallPath)
  const ourSmall = await ours(smallPath)
  const ourBig = await ours(bigPath)
  const knotSmall = await knot(small)
  const knotBig = await knot(big)
  const oursLoad = ourBig.ms - ourSmall.ms
  const knotLoad = knotBig.ms - knotSmall.ms
  const oursRss = ourBig.rss - ourSmall.rss
  const knotRss = knotBig.rss - knotSmall.rss
  const pad = (t: string, n: number): string => t.padEnd(n)
  console.log([pad('server', 10), pad('to serve (small zone)', 24), pad('to serve (big zone)', 22), pad('load time', 12), pad('RSS small', 12), pad('RSS big', 12), 'RSS growth'].join(''))
  for (const [name, a, b] of [['ours', ourSmall, ourBig], ['Knot', knotSmall, knotBig]] as const) {
    console.log([pad(name, 10), pad(s(a.ms), 24), pad(s(b.ms), 22), pad(s(b.ms - a.ms), 12), pad(mb(a.rss), 12), pad(mb(b.rss), 12), mb(b.rss - a.rss)].join(''))
  }
  const loadRatio = oursLoad / knotLoad
  const rssRatio = oursRss / knotRss
  console.log(`ours / Knot: load time ${loadRatio.toFixed(2)}× (goal ≤ 2×: ${loadRatio <= 2 ? 'met' : 'NOT met'}), RSS growth ${rssRatio.toFixed(2)}× (goal ≤ 3×: ${rssRatio <= 3 ? 'met' : 'NOT met'})`)
}
