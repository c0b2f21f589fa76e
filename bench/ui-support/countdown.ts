/**
 * Scenario (a): 200 records counting down on the shared 1 Hz clock. The page is bench/ui-page/countdown.html,
 * built here with Vite from renderer/src/components/CountdownBench and served from 127.0.0.1.
 */
import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import type { Browser } from 'playwright-core'
import { build as viteBuild } from 'vite'
import { tempDir } from '../../scripts/peers/temp-dir'
import { metrics } from './metrics'

const ROOT = resolve(__dirname, '../..')
const ROWS = 200

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

export interface CountdownResult {
  rows: number
  seconds: number
  scriptMsPerSecond: number
  taskMsPerSecond: number
  layoutMsPerSecond: number
  styleMsPerSecond: number
}

export async function countdownBench(browser: Browser, seconds: number): Promise<CountdownResult> {
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
      await page.waitForTimeout(seconds * 1000)
      const after = await metrics(cdp)
      const lastValue = await page.locator('[data-testid="ttl-countdown"]').first().getAttribute('data-remaining')
      if (Number(lastValue) >= Number(firstValue)) throw new Error('the countdowns did not count down during the run')
      const per = (name: string) => ((after[name]! - before[name]!) * 1000) / seconds
      await context.close()
      return {
        rows: shown,
        seconds,
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
