/** Scenario (c): cold load to interactive, a fresh browser context (empty cache) per run, measured inside the page. */
import type { Browser } from 'playwright-core'
import { startWebApp } from '../../scripts/peers/web-app'
import { percentile } from './metrics'

const COLD_RUNS = 7

export interface ColdLoadResult {
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

export async function coldLoadBench(browser: Browser): Promise<ColdLoadResult> {
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
