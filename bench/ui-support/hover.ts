/** Scenario (b): frame times while the pointer sweeps the Watch charts over one hour of seeded data. */
import type { Browser, Page } from 'playwright-core'
import { tempDir } from '../../scripts/peers/temp-dir'
import { startWebApp } from '../../scripts/peers/web-app'
import { metrics, percentile } from './metrics'
import { seedWatchStore } from './watch-hour'

interface FrameStats {
  frames: number
  p50: number
  p95: number
  max: number
  over16: number
}

export interface HoverResult {
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

export async function hoverBench(browser: Browser): Promise<HoverResult> {
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
