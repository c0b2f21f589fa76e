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
import { createServer, type Server } from 'node:http'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { build as electronViteBuild } from 'electron-vite'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { build as viteBuild } from 'vite'
import type { WatchSample } from '@shared/inspector'
import { WatchStore } from '../electron/inspector/watch-store'
import { launchChromium } from '../scripts/peers/chromium'
import { tempDir } from '../scripts/peers/temp-dir'
import { startWebApp } from '../scripts/peers/web-app'

const ROOT = resolve(__dirname, '..')
const SECONDS = Math.max(3, Math.min(60, Number(process.env.BENCH_SECONDS ?? 10)))
const ROWS = 200
const WATCH_ROUNDS = 3600
const WATCHDOG_MS = 240_000
const COLD_RUNS = 7

type Metrics = Record<string, number>

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> }
  return Object.fromEntries(list.map((m) => [m.name, m.value]))
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : NaN

// ---- (a) countdown ----

async function buildCountdownPage(outDir: string): Promise<void> {
  await viteBuild({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '@shared': resolve(ROOT, 'shared') } },
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      modulePreload: { polyfill: false },
      rollupOptions: { input: resolve(ROOT, 'bench/ui-page/countdown.html') }
    }
  })
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }

async function serveDir(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)))
    if (!path.startsWith(dir)) return void res.writeHead(403).end()
    readFile(path).then(
      (body) => res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end()
    )
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { url: `http://127.0.0.1:${port}`, server }
}

interface CountdownResult {
  rows: number
  seconds: number
  scriptMsPerSecond: number
  taskMsPerSecond: number
  layoutMsPerSecond: number
  styleMsPerSecond: number
}

async function countdownBench(browser: Browser): Promise<CountdownResult> {
  const out = await tempDir('alias-inspector-bench-page-')
  try {
    await buildCountdownPage(out.path)
    const { url, server } = await serveDir(out.path)
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      const page = await context.newPage()
      await page.goto(`${url}/bench/ui-page/countdown.html?rows=${ROWS}`)
      await page.locator(`[data-testid="countdown-bench"][data-rows="${ROWS}"]`).waitFor()
      const shown = await page.locator('[data-testid="ttl-countdown"]').count()
      if (shown !== ROWS) throw new Error(`expected ${ROWS} countdowns, found ${shown}`)
      const cdp = await context.newCDPSession(page)
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
      await page.waitForTimeout(2000) // warm-up: first ticks, JIT
      const before = await metrics(cdp)
      const firstValue = await page.locator('[data-testid="ttl-countdown"]').first().getAttribute('data-remaining')
      await page.waitForTimeout(SECONDS * 1000)
      const after = await metrics(cdp)
      const lastValue = await page.locator('[data-testid="ttl-countdown"]').first().getAttribute('data-remaining')
      if (Number(lastValue) >= Number(firstValue)) throw new Error('the countdowns did not count down during the run')
      const per = (name: string) => ((after[name]! - before[name]!) * 1000) / SECONDS
      await context.close()
      return {
        rows: shown,
        seconds: SECONDS,
        scriptMsPerSecond: per('ScriptDuration'),
        taskMsPerSecond: per('TaskDuration'),
        layoutMsPerSecond: per('LayoutDuration'),
        styleMsPerSecond: per('RecalcStyleDuration')
      }
    } finally {
      server.close()
    }
  } finally {
    await out.cleanup()
  }
}

// ---- (b) one hour of watch data ----

/** 3600 rounds at 1 Hz: the target rotates every 300 s (TTL 60, counting down in a cache); the apex follows 20–70 s later. */
function syntheticHour(sessionId: string, startWall: number): WatchSample[] {
  const samples: WatchSample[] = []
  let seq = 0
  const targetSet = (k: number, family: 'A' | 'AAAA') => (family === 'A' ? [`192.0.2.${10 + (k % 200)}`] : [`2001:db8::${(16 + k).toString(16)}`])
  for (let t = 0; t < WATCH_ROUNDS; t++) {
    const k = Math.floor(t / 300)
    const lag = 20 + ((k * 13) % 50)
    const apexK = t % 300 < lag && k > 0 ? k - 1 : k
    for (const side of ['apex', 'target'] as const) {
      for (const family of ['A', 'AAAA'] as const) {
        // a caching resolver's view: counting down from 60, refetched at expiry (the apex out of phase)
        const ttl = side === 'target' ? 60 - (t % 60) : 60 - ((t + 17) % 60)
        samples.push({
          sessionId,
          seq: seq++,
          viewpoint: 'resolver',
          resolverIndex: 0,
          side,
          family,
          elapsedMs: t * 1000 + (side === 'target' ? 3 : 1) + (family === 'AAAA' ? 1 : 0),
          receivedAtWallMs: startWall + t * 1000,
          receivedAtMonoMs: t * 1000,
          status: 'ok',
          rcode: 'NOERROR',
          values: targetSet(side === 'apex' ? apexK : k, family),
          ttl
        })
      }
    }
  }
  return samples
}

function seedWatchStore(dataDir: string): { id: string; samples: number } {
  const store = new WatchStore(join(dataDir, 'watch.sqlite'))
  const id = 'bench-one-hour'
  const startWall = Date.now() - WATCH_ROUNDS * 1000
  store.createSession({
    id,
    apex: 'example.test.',
    target: 'cdn.example.test.',
    resolvers: [{ transport: 'udp', host: '127.0.0.1', port: 5353, label: 'bench resolver' }],
    labels: ['bench resolver'],
    mode: 'interval',
    intervalSeconds: 1,
    state: 'running',
    startedAtWallMs: startWall
  })
  const samples = syntheticHour(id, startWall)
  for (const sample of samples) store.addSample(sample)
  store.setState(id, 'finished', startWall + WATCH_ROUNDS * 1000)
  store.close()
  return { id, samples: samples.length }
}

interface FrameStats {
  frames: number
  p50: number
  p95: number
  max: number
  over16: number
}

interface HoverResult {
  samples: number
  loadMs: number
  drawnTtlPoints: number
  fullTtlPoints: number
  moves: number
  scriptMsPerMove: number
  frames: FrameStats
}

async function sweep(page: Page, testId: string, moves: number): Promise<void> {
  const box = await page.getByTestId(testId).locator('svg.recharts-surface').boundingBox()
  if (!box) throw new Error(`${testId} has no chart`)
  const y = box.y + box.height / 2
  for (let i = 0; i <= moves; i++) {
    const x = box.x + 50 + ((box.width - 70) * (i % (moves + 1))) / moves
    await page.mouse.move(x, y)
    await page.waitForTimeout(16)
  }
}

async function hoverBench(browser: Browser): Promise<HoverResult> {
  const data = await tempDir('alias-inspector-bench-data-')
  const seeded = seedWatchStore(data.path)
  const app = await startWebApp(['--data-dir', data.path])
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.goto(app.url)
    await page.locator('[data-app-state="ready"]').waitFor({ timeout: 15_000 })
    const started = Date.now()
    await page.getByTestId('tab-watch').click()
    await page.locator(`[data-testid="watch-sample-count"][data-count="${seeded.samples}"]`).waitFor({ timeout: 60_000 })
    await page.getByTestId('chart-ttl').locator('.recharts-line').first().waitFor()
    await page.getByTestId('chart-lag').locator('.recharts-bar-rectangle').first().waitFor()
    const loadMs = Date.now() - started
    const points = page.getByTestId('chart-ttl-points')
    const drawn = Number(await points.getAttribute('data-drawn'))
    const full = Number(await points.getAttribute('data-full'))
    await page.getByTestId('chart-ttl').scrollIntoViewIfNeeded()
    await page.waitForTimeout(500)

    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
    // a requestAnimationFrame probe: the time between frames, recorded in the page (a string: this file has no DOM types)
    await page.evaluate(`(() => {
      window.__frames = []
      window.__probe = true
      let last = performance.now()
      const tick = (t) => {
        window.__frames.push(t - last)
        last = t
        if (window.__probe) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })()`)
    const before = await metrics(cdp)
    const moves = 240
    await sweep(page, 'chart-ttl', moves)
    await page.getByTestId('chart-lag').scrollIntoViewIfNeeded()
    await sweep(page, 'chart-lag', moves / 2)
    await page.getByTestId('chart-timeline').scrollIntoViewIfNeeded()
    await sweep(page, 'chart-timeline', moves / 2)
    const after = await metrics(cdp)
    const deltas = (await page.evaluate('(() => { window.__probe = false; return window.__frames.slice(1) })()')) as number[]
    // every frame of the run counts, the two scrolls between charts included
    const sorted = [...deltas].sort((a, b) => a - b)
    const totalMoves = moves + moves
    await context.close()
    return {
      samples: seeded.samples,
      loadMs,
      drawnTtlPoints: drawn,
      fullTtlPoints: full,
      moves: totalMoves,
      scriptMsPerMove: ((after.ScriptDuration! - before.ScriptDuration!) * 1000) / totalMoves,
      frames: {
        frames: sorted.length,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        max: sorted[sorted.length - 1] ?? NaN,
        over16: sorted.filter((d) => d > 17.5).length
      }
    }
  } finally {
    await app.stop()
    await data.cleanup()
  }
}

// ---- (c) cold load to interactive ----

interface ColdLoadResult {
  runs: number[]
  median: number
  /** JavaScript fetched before the form was usable (bytes over the wire, the first run). */
  scriptBytes: number
  scripts: number
}

// runs in the page before any of its scripts: notes when the form first becomes usable (a string: no DOM types here)
const INTERACTIVE_PROBE = `(() => {
  const usable = () => {
    const app = document.querySelector('[data-app-state="ready"]')
    const input = document.querySelector('[data-testid="apex-input"]')
    const button = document.querySelector('[data-testid="inspect-button"]')
    return !!(app && input && !input.disabled && button && !button.disabled)
  }
  const check = () => {
    if (window.__interactiveAt === undefined && usable()) window.__interactiveAt = performance.now()
  }
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true })
})()`

async function coldLoadBench(browser: Browser): Promise<ColdLoadResult> {
  const app = await startWebApp()
  try {
    const runs: number[] = []
    let scriptBytes = 0
    let scripts = 0
    for (let i = 0; i < COLD_RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      const page = await context.newPage()
      await page.addInitScript(INTERACTIVE_PROBE)
      await page.goto(app.url)
      // polled from outside: the app's CSP forbids the string evaluation waitForFunction would need
      let at: number | undefined
      for (const deadline = Date.now() + 30_000; at === undefined && Date.now() < deadline; ) {
        at = (await page.evaluate('window.__interactiveAt')) as number | undefined
        if (at === undefined) await page.waitForTimeout(50)
      }
      if (at === undefined) throw new Error('the Inspect form did not become usable within 30 s')
      runs.push(at)
      if (i === 0) {
        const entries = (await page.evaluate(
          `performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js')).filter((e) => e.startTime <= window.__interactiveAt).map((e) => e.transferSize || e.encodedBodySize)`
        )) as number[]
        scripts = entries.length
        scriptBytes = entries.reduce((a, b) => a + b, 0)
      }
      await context.close()
    }
    const sorted = [...runs].sort((a, b) => a - b)
    return { runs, median: percentile(sorted, 50), scriptBytes, scripts }
  } finally {
    await app.stop()
  }
}

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
    const countdown = await countdownBench(browser)
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
