import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Browser, Download, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openReadyPage, startLabServer } from '../support/app-page'
import { openAppPageForSuite } from '../support/suite-app-page'
import { saveScreenshotAt } from '../../scripts/peers/chromium'
import type { RunningWebApp } from '../../scripts/peers/web-app'

/**
 * The staleness experiment end to end, on loopback only: the lab server with its simulated target, watched
 * through the lab server itself, every second.
 */
const exportDir = resolve(__dirname, '../../test-results/exports')

describe('Watch & staleness in Chromium (browser mode)', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  openAppPageForSuite((opened) => {
    ;({ app, browser, page } = opened)
  })

  const download = async (click: () => Promise<void>): Promise<{ name: string; body: Buffer }> => {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), click()]) as [Download, void]
    const body = await readFile(await file.path())
    // kept beside the screenshots, to look at
    await mkdir(exportDir, { recursive: true })
    await writeFile(resolve(exportDir, file.suggestedFilename()), body)
    return { name: file.suggestedFilename(), body }
  }

  it('shows a readable empty state and refuses an incomplete form with errors at the fields', async () => {
    await page.getByTestId('tab-watch').click()
    await page.getByTestId('watch-empty').waitFor()
    expect(await page.getByTestId('watch-no-sessions').textContent()).toMatch(/No sessions yet/)
    await page.getByTestId('watch-interval').fill('0')
    await page.getByTestId('watch-start').click()
    expect(await page.getByTestId('watch-apex-error').textContent()).toMatch(/Enter the apex/)
    expect(await page.getByTestId('watch-interval-error').textContent()).toMatch(/at least 1/)
    expect(await page.getByTestId('watch-apex').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByTestId('watch-session').count()).toBe(0)
  })

  it('“Watch this apex” in the lab starts the experiment; samples arrive live', async () => {
    await startLabServer(page)
    // a short target TTL keeps the lag, and so the test, short
    await page.getByTestId('lab-target-ttl').fill('2')
    await page.getByTestId('lab-set-0-serve').click()
    await page.locator('[data-testid="lab-target-now"]', { hasText: 'TTL 2 s' }).waitFor()
    await page.getByTestId('lab-watch').click()

    expect(await page.getByTestId('tab-watch').getAttribute('aria-selected')).toBe('true')
    await page.locator('[data-testid="watch-session"][data-state="running"]').waitFor()
    expect(await page.getByTestId('watch-apex').inputValue()).toBe('example.test.')
    expect(await page.getByTestId('watch-target').inputValue()).toBe('cdn.example.test.')
    await expect.poll(async () => Number(await page.getByTestId('watch-sample-count').getAttribute('data-count')), { timeout: 10_000 }).toBeGreaterThanOrEqual(8)
    await page.getByTestId('chart-ttl').locator('.recharts-line').first().waitFor()
    expect(Number(await page.getByTestId('chart-ttl-points').getAttribute('data-full'))).toBeGreaterThan(0)
    expect(await page.getByTestId('chart-lag-empty').textContent()).toMatch(/No change of the target/)
    expect(await page.getByTestId('summary-max-lag').getAttribute('data-value')).toBe('')
  })

  it('after a change of the target the lag chart shows a bar and the summary a lag figure', async () => {
    await page.getByTestId('tab-lab').click()
    await page.getByTestId('lab-set-1-a').fill('192.0.2.77')
    await page.getByTestId('lab-set-1-serve').click()
    await page.locator('[data-testid="lab-target-now"]', { hasText: '192.0.2.77' }).waitFor()
    await page.getByTestId('tab-watch').click()

    await expect.poll(async () => Number(await page.getByTestId('lag-bars').getAttribute('data-followed')), { timeout: 20_000 }).toBeGreaterThanOrEqual(1)
    const bars = page.getByTestId('chart-lag').locator('.recharts-bar-rectangle path, .recharts-bar-rectangle rect')
    await bars.first().waitFor()
    expect(await bars.count()).toBeGreaterThanOrEqual(1)
    const maxLag = Number(await page.getByTestId('summary-max-lag').getAttribute('data-value'))
    expect(maxLag).toBeGreaterThan(0)
    // target TTL 2 s + apex TTL ≤ 2 s, sampled every second: well under 10 s
    expect(maxLag).toBeLessThan(10_000)
    expect(await page.getByTestId('summary-max-lag').textContent()).toMatch(/\d+\.\d s|\d+ ms/) // the one duration format: ms below a second
    expect(await page.getByTestId('summary-bound').textContent()).toMatch(/4 s/)
    expect(await page.getByTestId('explain-lag').textContent()).toMatch(/Why the apex lagged (up to )?(\d+\.\d s|\d+ ms) behind its target/)
    // stale time (a dated interval) and mismatched samples (a count) say on hover what each counts
    expect(await page.getByTestId('summary-stale').getAttribute('title')).toMatch(/^Wall-clock time .* between two samples still counts that gap/)
    expect(await page.getByTestId('summary-mismatched').getAttribute('title')).toMatch(/a count of samples, not a time.*adds stale time but no mismatched sample/)
    // whole-second ticks: no time label printed twice
    for (const chart of ['chart-ttl', 'chart-timeline']) {
      const ticks = await page.getByTestId(chart).locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()
      expect(ticks.length).toBeGreaterThan(1)
      expect(new Set(ticks).size, `${chart}: ${ticks.join(' ')}`).toBe(ticks.length)
    }
    // the timeline shows both sets and the stale stretch between the change and the apex following it
    expect(Number(await page.getByTestId('timeline-summary').getAttribute('data-sets'))).toBeGreaterThanOrEqual(2)
    expect(await page.getByTestId('timeline-stale').count()).toBeGreaterThanOrEqual(1)
  })

  it('exports the data as JSON and CSV with the samples in them', async () => {
    const json = await download(() => page.getByTestId('watch-export-json').click())
    expect(json.name).toBe('example.test-watch.json')
    const parsed = JSON.parse(json.body.toString('utf8')) as { format: string; session: { apex: string }; samples: unknown[]; analysis: { changes: number } }
    expect(parsed.format).toBe('alias-inspector-watch')
    expect(parsed.session.apex).toBe('example.test.')
    expect(parsed.samples.length).toBeGreaterThan(8)
    expect(parsed.analysis.changes).toBeGreaterThanOrEqual(1)

    const csv = await download(() => page.getByTestId('watch-export-csv').click())
    expect(csv.name).toBe('example.test-watch.csv')
    const lines = csv.body.toString('utf8').trim().split('\r\n')
    expect(lines[0]).toMatch(/^session_id,seq,resolver_index,resolver,side,family,elapsed_ms/)
    expect(lines.length).toBeGreaterThan(8)
    expect(lines.some((l) => l.includes('192.0.2.77'))).toBe(true)
  })

  it('exports a chart as PNG and as SVG', async () => {
    const png = await download(() => page.getByTestId('chart-ttl-png').click())
    expect(png.name).toBe('example.test-watch-ttl.png')
    expect([...png.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.body.subarray(12, 16).toString('latin1')).toBe('IHDR')
    expect(png.body.readUInt32BE(16)).toBeGreaterThan(600) // width, at 2x
    expect(png.body.length).toBeGreaterThan(5_000) // a drawn chart, not a blank canvas

    const svg = await download(() => page.getByTestId('chart-lag-svg').click())
    expect(svg.name).toBe('example.test-watch-lag.svg')
    const text = svg.body.toString('utf8')
    expect(text.startsWith('<?xml')).toBe(true)
    expect(text).toMatch(/<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(text).toContain('Lag per target change')
    expect(text).toContain('recharts-bar-rectangle')
    expect(text).not.toContain('var(--')
    expect(text.trim().endsWith('</svg>')).toBe(true)
  })

  it('looks right in light and dark (1280×800), then stops', async () => {
    await page.mouse.move(0, 0)
    await saveScreenshotAt(page, 'watch-summary', 'watch-light')
    await saveScreenshotAt(page, 'chart-timeline', 'watch-charts-light')
    const dark = await openReadyPage(browser, app.url, 'dark')
    await dark.page.getByTestId('tab-watch').click()
    await dark.page.locator('[data-testid="watch-session"][data-state="running"]').waitFor()
    await dark.page.getByTestId('chart-lag').locator('.recharts-bar-rectangle').first().waitFor()
    await dark.page.mouse.move(0, 0)
    await saveScreenshotAt(dark.page, 'watch-summary', 'watch-dark')
    await saveScreenshotAt(dark.page, 'chart-timeline', 'watch-charts-dark')
    await dark.context.close()

    await page.getByTestId('watch-stop').click()
    await page.locator('[data-testid="watch-session"][data-state="stopped"]').waitFor()
    expect(await page.getByTestId('watch-session-state').textContent()).toBe('stopped')
  })
})
