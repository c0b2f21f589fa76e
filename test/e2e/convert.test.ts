import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, openReadyPage, type AppPage } from '../support/app-page'
import { saveScreenshot, saveScreenshotAt } from '../../scripts/peers/chromium'
import type { RunningWebApp } from '../../scripts/peers/web-app'

const ZONE = `$ORIGIN shop.test.
$TTL 3600
@      IN SOA ns1.shop.test. hostmaster.shop.test. 1 7200 3600 1209600 300
@      IN NS  ns1.shop.test.
@  300 IN ALIAS cdn.provider.test.
@      IN MX  10 mail.shop.test.
@      IN TXT "v=spf1 -all; café"
blog   IN ALIAS blog.provider.test.
ns1    IN A   192.0.2.1
mail   IN A   192.0.2.25
`

describe('the Convert view in Chromium (browser mode)', () => {
  let opened: AppPage | undefined
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  const consoleErrors: string[] = []

  beforeAll(async () => {
    opened = await openAppPage((p) =>
      p.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text())
      })
    )
    ;({ app, browser, page } = opened)
    await page.getByTestId('tab-convert').click()
  })
  afterAll(async () => {
    await opened?.close()
  })

  it('detects the pasted format and lets the user confirm it', async () => {
    await page.getByTestId('convert-input').fill(ZONE.replace(/ALIAS/g, 'ANAME'))
    await page.getByTestId('convert-detected').waitFor()
    expect(await page.getByTestId('convert-detected').textContent()).toMatch(/^Detected aname/)
    expect(await page.getByTestId('convert-from').inputValue()).toBe('aname')
    await page.getByTestId('convert-input').fill(ZONE)
    await page.locator('[data-testid="convert-detected"]:has-text("Detected bind")').waitFor()
    expect(await page.getByTestId('convert-from').inputValue()).toBe('bind')
  })

  it('takes a dropped file and detects its format', async () => {
    const yaml = "---\n'':\n  type: ALIAS\n  value: cdn.provider.test.\n"
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer()
      dt.items.add(new File([text], 'shop.test.yaml', { type: 'application/yaml' }))
      return dt
    }, yaml)
    await page.dispatchEvent('[data-testid="convert-drop"]', 'drop', { dataTransfer: transfer })
    await page.locator('[data-testid="convert-detected"]:has-text("Detected octodns")').waitFor()
    expect(await page.getByTestId('convert-input').inputValue()).toBe(yaml)
    await page.getByTestId('convert-input').fill(ZONE)
    await page.locator('[data-testid="convert-detected"]:has-text("Detected bind")').waitFor()
  })

  it('stops with the located reason when the target cannot hold an alias and no resolver is given', async () => {
    await page.getByTestId('convert-to').selectOption('octodns')
    await page.getByTestId('convert-run').click()
    await page.getByTestId('convert-errors').waitFor()
    expect(await page.getByTestId('convert-errors').textContent()).toMatch(/line 8, column 1: blog\.shop\.test\. ALIAS .*octoDNS accepts ALIAS only at the root/)
  })

  it('shows the output with warnings beside the records they concern, and the lock-in report', async () => {
    await page.getByTestId('convert-to').selectOption('cloudflare')
    await page.getByTestId('convert-run').click()
    await page.getByTestId('convert-output').waitFor()
    const warned = page.locator('[data-testid="convert-output"] li[data-warned]')
    expect(await warned.count()).toBe(1)
    expect(await warned.locator('code').textContent()).toMatch(/^blog\s+3600 IN CNAME blog\.provider\.test\. ; cf_tags=cf-flatten-cname$/)
    expect(await warned.getByTestId('convert-warning').textContent()).toMatch(/^⚠ blog\.shop\.test\. ALIAS: written as a CNAME tagged cf-flatten-cname/)
    const table = page.getByTestId('convert-lockin')
    expect(await table.locator('tr[data-status="as-is"] code').allTextContents()).toEqual(expect.arrayContaining(['bind', 'aname', 'cloudflare', 'dnscontrol']))
    expect(await table.locator('tr[data-status="flatten"] code').allTextContents()).toEqual(expect.arrayContaining(['route53', 'octodns', 'google-cloud-dns']))
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('convert-download').click()])
    expect(download.suggestedFilename()).toBe('shop.test.txt')
    const saved = await download.path()
    expect(readFileSync(saved, 'utf8')).toMatch(/^@\s+300 IN CNAME cdn\.provider\.test\.$/m)
    await page.getByTestId('convert-copy').click()
    await page.locator('[data-testid="convert-notice"]:has-text("Copied.")').waitFor()
    await saveScreenshotAt(page, 'convert-output', 'convert-cloudflare-light')
    await table.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'convert-lockin-light')
  })

  it('fits 1024 px beside a scrollbar', async () => {
    await page.setViewportSize({ width: 1024 - 17, height: 700 })
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')
    expect(overflow).toBeLessThanOrEqual(0)
    await page.setViewportSize({ width: 1280, height: 800 })
  })

  it('opens the converted zone in the lab, which can serve it at once', async () => {
    await page.getByTestId('convert-open-lab').click()
    await page.getByTestId('lab-zone').waitFor({ state: 'visible' })
    await page.locator('[data-testid="lab-zone"][data-origin="shop.test."]').waitFor()
    expect(await page.getByTestId('zone-text').inputValue()).toMatch(/^blog\s+3600 IN ALIAS blog\.provider\.test\.$/m)
  })

  it('looks right in dark mode too, with no console errors', async () => {
    const dark = await openReadyPage(browser, app.url, 'dark')
    try {
      await dark.page.getByTestId('tab-convert').click()
      await dark.page.getByTestId('convert-input').fill(ZONE)
      await dark.page.getByTestId('convert-to').selectOption('route53')
      await dark.page.getByTestId('convert-run').click()
      await dark.page.getByTestId('convert-errors').waitFor()
      await dark.page.getByTestId('convert-to').selectOption('dnscontrol')
      await dark.page.getByTestId('convert-run').click()
      await dark.page.getByTestId('convert-output').waitFor()
      await saveScreenshot(dark.page, 'convert-dnscontrol-dark')
    } finally {
      await dark.context.close()
    }
    expect(consoleErrors).toEqual([])
  })
})
