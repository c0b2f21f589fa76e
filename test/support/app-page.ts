import type { Browser, Page } from 'playwright-core'
import { launchChromium, openPage } from '../../scripts/peers/chromium'
import { startWebApp, type RunningWebApp } from '../../scripts/peers/web-app'

/** Browser mode started on loopback and opened in Chromium, ready (`data-app-state="ready"`). */
export interface AppPage {
  app: RunningWebApp
  browser: Browser
  page: Page
  close: () => Promise<void>
}

export async function openAppPage(): Promise<AppPage> {
  const app = await startWebApp()
  const browser = await launchChromium()
  const { page } = await openPage(browser, app.url)
  await page.locator('[data-app-state="ready"]').waitFor({ timeout: 15_000 })
  return {
    app,
    browser,
    page,
    close: async () => {
      await browser.close()
      await app.stop()
    }
  }
}

/** Opens the lab tab, starts the server and returns the port it is bound to. */
export async function startLabServer(page: Page): Promise<number> {
  await page.getByTestId('tab-lab').click()
  await page.getByTestId('lab-start').click()
  await page.locator('[data-testid="lab-state"][data-running="true"]').waitFor()
  return Number(await page.getByTestId('lab-port').inputValue())
}
