import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pkg from '../../package.json'
import { launchChromium, openPage, saveScreenshot } from '../support/chromium'
import { startWebApp, type RunningWebApp } from '../support/web-app'

describe('the app shell in Chromium (browser mode)', () => {
  let app: RunningWebApp
  let browser: Browser

  beforeAll(async () => {
    app = await startWebApp()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  for (const scheme of ['light', 'dark'] as const) {
    it(`loads and shows the version fetched from the main side (${scheme})`, async () => {
      const { context, page } = await openPage(browser, app.url, scheme)
      await page.locator('[data-app-state="ready"]').waitFor({ timeout: 15_000 })
      await expect(page.getByTestId('app-version').textContent()).resolves.toContain(`v${pkg.version}`)
      await expect(page.getByTestId('app-version').textContent()).resolves.toContain('browser mode')
      expect(page.url()).not.toContain('token=')
      await saveScreenshot(page, `shell-${scheme}`)
      await context.close()
    })
  }

  it('shows a readable error when the main side refuses a call, and the answer when it accepts one', async () => {
    const { context, page } = await openPage(browser, app.url)
    await page.locator('[data-app-state="ready"]').waitFor()
    await page.getByTestId('tab-about').click()
    await page.getByTestId('api-check-send').click()
    const error = page.getByTestId('api-check-error')
    await error.waitFor()
    expect(await error.getAttribute('data-error-code')).toBe('validation')
    expect(await error.textContent()).toMatch(/text must not be empty/)
    await saveScreenshot(page, 'shell-error-light')
    await page.getByLabel('Text').fill('round trip')
    await page.getByTestId('api-check-send').click()
    await expect(page.getByTestId('api-check-result').textContent()).resolves.toContain('round trip')
    await context.close()
  })

  it('shows a readable error, not a blank page, when the token is wrong', async () => {
    const { context, page } = await openPage(browser, app.url.replace(/token=.*/, 'token=wrong'))
    await page.locator('[data-app-state="error"]').waitFor()
    expect(await page.getByTestId('app-error').getAttribute('data-error-code')).toBe('unreachable')
    await context.close()
  })
})
