import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pkg from '../../package.json'
import { openAppPage, openReadyPage, type AppPage } from '../support/app-page'
import { openPage, saveScreenshot } from '../../scripts/peers/chromium'
import type { RunningWebApp } from '../../scripts/peers/web-app'

describe('the app shell in Chromium (browser mode)', () => {
  let opened: AppPage | undefined
  let app: RunningWebApp
  let browser: Browser

  beforeAll(async () => {
    opened = await openAppPage()
    ;({ app, browser } = opened)
  })
  afterAll(async () => {
    await opened?.close()
  })

  for (const scheme of ['light', 'dark'] as const) {
    it(`loads and shows the version fetched from the main side (${scheme})`, async () => {
      const { context, page } = await openReadyPage(browser, app.url, scheme)
      await expect(page.getByTestId('app-version').textContent()).resolves.toContain(`v${pkg.version}`)
      await expect(page.getByTestId('app-version').textContent()).resolves.toContain('browser mode')
      expect(page.url()).not.toContain('token=')
      await saveScreenshot(page, `shell-${scheme}`)
      await context.close()
    })
  }

  it('shows a readable error when the main side refuses a call', async () => {
    const { context, page } = await openReadyPage(browser, app.url)
    // the lab asks the main side to start on a port the lab may not use: refused there, and said so in words
    await page.getByTestId('tab-lab').click()
    await page.getByTestId('lab-port').fill('70000')
    await page.getByTestId('lab-start').click()
    const error = page.getByTestId('lab-server-error')
    await error.waitFor()
    expect(await error.getAttribute('data-error-code')).toBe('bad-input')
    expect(await error.textContent()).toMatch(/port 70000: .*1 to 65535/)
    expect(await page.getByTestId('lab-state').getAttribute('data-running')).toBe('false')
    await saveScreenshot(page, 'shell-error-light')
    // no developer's connection check in the product
    await page.getByTestId('tab-about').click()
    await page.getByTestId('about-facts').waitFor()
    expect(await page.getByText('Connection check').count()).toBe(0)
    await context.close()
  })

  it('names the window title with a separator, for screen readers', async () => {
    const { context, page } = await openReadyPage(browser, app.url)
    const name = await page.getByRole('heading', { level: 1 }).evaluate((h) => (h as unknown as { textContent: string }).textContent)
    expect(name).toBe('ALIAS Inspector: apex aliasing, flattening and staleness')
    await context.close()
  })

  it('shows a readable error, not a blank page, when the token is wrong', async () => {
    const { context, page } = await openPage(browser, app.url.replace(/token=.*/, 'token=wrong'))
    await page.locator('[data-app-state="error"]').waitFor()
    expect(await page.getByTestId('app-error').getAttribute('data-error-code')).toBe('unreachable')
    await context.close()
  })
})
