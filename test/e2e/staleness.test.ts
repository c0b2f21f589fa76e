import { readFile } from 'node:fs/promises'
import type { Browser, Download, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { StalenessAnalysis } from '@shared/inspector'
import { openReadyPage, startLabServer } from '../support/app-page'
import { inspectAndWait } from '../support/inspect-form'
import { openAppPageForSuite } from '../support/suite-app-page'
import { saveScreenshotAt } from '../../scripts/peers/chromium'
import type { RunningWebApp } from '../../scripts/peers/web-app'

/**
 * The new user's walk of issue 10, on loopback only: the lab's demo zone, the target set changed while the
 * apex still holds the old one, then a watch from both viewpoints whose figures match the JSON export.
 */
describe('staleness you can trust, in Chromium (browser mode)', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  openAppPageForSuite((opened) => {
    ;({ app, browser, page } = opened)
  })

  async function inspect(): Promise<string> {
    await inspectAndWait(page)
    return (await page.getByTestId('verdict-banner').getAttribute('data-verdict')) ?? ''
  }

  it('watches from both viewpoints side by side, with the figures of the JSON export', async () => {
    await startLabServer(page)
    await page.getByTestId('lab-target-ttl').fill('3')
    await page.getByTestId('lab-set-0-serve').click()
    await page.locator('[data-testid="lab-target-now"]', { hasText: 'TTL 3 s' }).waitFor()
    await page.getByTestId('lab-watch').click()
    await page.locator('[data-testid="watch-session"][data-state="running"]').waitFor()
    await page.locator('[data-testid="watch-viewpoints"][data-count="2"]').waitFor({ timeout: 20_000 })
    await new Promise((r) => setTimeout(r, 4000))
    await page.getByTestId('tab-lab').click()
    await page.getByTestId('lab-set-1-serve').click()
    await page.getByTestId('tab-watch').click()
    await expect
      .poll(async () => Number(await page.getByTestId('viewpoint-resolver').getAttribute('data-followed')), { timeout: 25_000 })
      .toBeGreaterThanOrEqual(1)
    await expect
      .poll(async () => Number(await page.getByTestId('viewpoint-authoritative').getAttribute('data-followed')), { timeout: 25_000 })
      .toBeGreaterThanOrEqual(1)
    await page.getByTestId('watch-stop').click()
    await page.locator('[data-testid="watch-session"][data-state="stopped"]').waitFor()
    await new Promise((r) => setTimeout(r, 2000))

    const [file] = (await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.getByTestId('watch-export-json').click()])) as [Download, void]
    const exported = JSON.parse((await readFile(await file.path())).toString('utf8')) as { analysis: StalenessAnalysis; samples: unknown[] }
    expect(Number(await page.getByTestId('watch-sample-count').getAttribute('data-count'))).toBe(exported.samples.length)
    for (const v of exported.analysis.viewpoints) {
      const column = page.getByTestId(`viewpoint-${v.viewpoint}`)
      for (const key of ['changes', 'followed', 'superseded', 'reverted', 'pending'] as const) {
        expect(Number(await column.getAttribute(`data-${key}`)), `${v.viewpoint} ${key}`).toBe(v[key])
      }
      expect(Number(await column.getAttribute('data-stale-ms'))).toBe(v.staleMs)
    }
    expect(exported.analysis.aliasTtl).toBeGreaterThan(0)
    expect(await page.getByTestId('summary-alias-ttl').getAttribute('data-value')).toBe(String(exported.analysis.aliasTtl))
    expect(await page.getByTestId('summary-max-apex-ttl').getAttribute('data-value')).toBe(String(exported.analysis.maxApexTtl))
    await page.mouse.move(0, 0)
    await saveScreenshotAt(page, 'watch-summary', 'watch-viewpoints-light')
    const dark = await openReadyPage(browser, app.url, 'dark')
    await dark.page.getByTestId('tab-watch').click()
    await dark.page.getByTestId('watch-viewpoints').waitFor({ timeout: 15_000 })
    await dark.page.mouse.move(0, 0)
    await saveScreenshotAt(dark.page, 'watch-summary', 'watch-viewpoints-dark')
    await dark.context.close()
  })

  it('says likely, then stale with since when and by when, citing the ALIAS record', async () => {
    await page.getByTestId('tab-lab').click()
    await page.getByTestId('lab-target-ttl').fill('30')
    await page.getByTestId('lab-set-0-serve').click()
    await page.locator('[data-testid="lab-target-now"]', { hasText: 'TTL 30 s' }).waitFor()

    await page.getByTestId('tab-inspect').click()
    await page.getByTestId('resolver-picker-toggle').click()
    const local = page.getByTestId('resolver-option-local-udp').locator('input')
    if (!(await local.isChecked())) await local.check()
    await page.getByTestId('resolver-picker-toggle').click()
    await page.getByTestId('apex-input').fill('example.test')
    await page.getByTestId('target-input').fill('cdn.example.test')
    // the lab's copy of the target from the watch (TTL 3 s) runs out first
    await expect.poll(inspect, { timeout: 15_000 }).toBe('likely')

    await page.getByTestId('tab-lab').click()
    await page.getByTestId('lab-set-1-serve').click()
    await page.getByTestId('tab-inspect').click()
    // the lab's copy of the target lives 30 s: the apex still serves the first set
    const second = await inspect()
    expect(second, (await page.getByTestId('inspect-results').textContent()) ?? '').toBe('stale')
    const rows = page.getByTestId('verdict-stale').locator('[data-family]')
    expect(await rows.count()).toBeGreaterThanOrEqual(1)
    const since = Number(await rows.first().getAttribute('data-since'))
    const by = Number(await rows.first().getAttribute('data-follow-by'))
    // target TTL 30 s + apex TTL min(ALIAS TTL, 30 s)
    expect(by - since).toBeGreaterThanOrEqual(30_000)
    expect(by - since).toBeLessThanOrEqual(60_000)
    const evidence = await page.getByTestId('verdict-evidence').textContent()
    expect(evidence).toMatch(/ALIAS\/ANAME record at example\.test → cdn\.example\.test, TTL \d+ s, served by 127\.0\.0\.1:\d+/)
    expect(evidence).toMatch(/equals cdn\.example\.test's earlier set \(seen/)
    await page.mouse.move(0, 0)
    await saveScreenshotAt(page, 'verdict-banner', 'inspect-stale-light')
  })
})
