/**
 * Renderer benchmark in Chromium (playwright-core + CDP), three scenarios:
 *
 *  (a) 200 records counting down (TtlCountdown on the shared 1 Hz clock): renderer scripting per second from
 *      CDP Performance.getMetrics (ScriptDuration). Goal: under 5 ms/s. The page is bench/ui-page/countdown.html,
 *      built here with Vite from renderer/src/components/CountdownBench (not part of the app's build).
 *  (b) One hour of watch data (3600 rounds at 1 Hz × apex/target × A/AAAA = 14 400 samples) seeded into a fresh
 *      watch.sqlite, opened in the real app (browser mode): frame times while the pointer sweeps the charts, from
 *      a requestAnimationFrame probe (p50/p95/max). Goal: frames under 16 ms (at 60 Hz a frame is 16.7 ms apart).
 *
 *  (c) Cold load to interactive: a fresh browser context (empty cache) opens the app in browser mode; the time
 *      from navigation start until the Inspect form can be used (app ready, apex field and Inspect button
 *      enabled), measured inside the page. Median of COLD_RUNS. Goal: under 1 s.
 *
 *   npm run bench:ui        (BENCH_SECONDS=N for the countdown window, default 10; BENCH_SKIP_BUILD=1 to reuse out/;
 *                            BENCH_ONLY=cold for scenario (c) alone)
 *
 * Loopback only: the app listens on 127.0.0.1, the bench page is served from 127.0.0.1, no DNS query is sent.
 */
import { writeFile, mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { build as electronViteBuild } from 'electron-vite'
import { launchChromium } from '../scripts/peers/chromium'
import { coldLoadBench } from './ui-support/cold-load'
import { countdownBench } from './ui-support/countdown'
import { hoverBench } from './ui-support/hover'

const ROOT = resolve(__dirname, '..')
const SECONDS = Math.max(3, Math.min(60, Number(process.env.BENCH_SECONDS ?? 10)))
const WATCHDOG_MS = 240_000

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`bench:ui did not finish within ${WATCHDOG_MS / 1000} s`)
    process.exit(2)
  }, WATCHDOG_MS)
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    await electronViteBuild({ configFile: resolve(ROOT, 'electron.vite.config.ts'), logLevel: 'warn' })
  }
  const browser = await launchChromium()
  try {
    const cold = await coldLoadBench(browser)
    console.log(`\n(c) cold load to interactive (browser mode, empty cache, ${cold.runs.length} runs): median ${cold.median.toFixed(0)} ms (goal < 1000)`)
    console.log(`    runs: ${cold.runs.map((r) => r.toFixed(0)).join(', ')} ms · ${cold.scripts} scripts, ${(cold.scriptBytes / 1024).toFixed(0)} KiB of JavaScript before the form was usable`)
    if (process.env.BENCH_ONLY === 'cold') return
    const countdown = await countdownBench(browser, SECONDS)
    const hover = await hoverBench(browser)
    const f = (n: number) => n.toFixed(2)
    console.log(`\n(a) ${countdown.rows} records counting down, ${countdown.seconds} s window (CDP Performance.getMetrics)`)
    console.log(`    scripting ${f(countdown.scriptMsPerSecond)} ms/s (goal < 5) · tasks ${f(countdown.taskMsPerSecond)} ms/s · layout ${f(countdown.layoutMsPerSecond)} ms/s · style ${f(countdown.styleMsPerSecond)} ms/s`)
    console.log(`\n(b) one hour of watch data: ${hover.samples} samples, charts drawn ${hover.loadMs} ms after opening the view`)
    console.log(`    TTL chart: ${hover.drawnTtlPoints} of ${hover.fullTtlPoints} points drawn (downsampled)`)
    console.log(`    hover sweep over the three charts, ${hover.moves} pointer moves: scripting ${f(hover.scriptMsPerMove)} ms per move`)
    console.log(`    frame time (rAF deltas, ${hover.frames.frames} frames): p50 ${f(hover.frames.p50)} ms · p95 ${f(hover.frames.p95)} ms · max ${f(hover.frames.max)} ms · ${hover.frames.over16} frames over 17.5 ms`)
    const out = resolve(ROOT, 'test-results')
    await mkdir(out, { recursive: true })
    await writeFile(join(out, 'bench-ui.json'), JSON.stringify({ cold, countdown, hover, at: new Date().toISOString() }, null, 2))
    console.log(`\nwritten to test-results/bench-ui.json`)
  } finally {
    await browser.close()
    clearTimeout(watchdog)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
