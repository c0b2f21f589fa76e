import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium, openPage } from '../../scripts/peers/chromium'
import { startWebApp, type RunningWebApp } from '../../scripts/peers/web-app'

/** Browser mode started on loopback and opened in Chromium, ready (`data-app-state="ready"`). */
export interface AppPage {
  app: RunningWebApp
  browser: Browser
  context: BrowserContext
  page: Page
  close: () => Promise<void>
}

/** `watch` sees the page before the app loads (e.g. to collect console errors from the start). */
export async function openAppPage(watch?: (page: Page) => void): Promise<AppPage> {
  const app = await startWebApp()
  const browser = await launchChromium()
  const { context, page } = await openReadyPage(browser, app.url, 'light', watch)
  return {
    app,
    browser,
    context,
    page,
    close: async () => {
      await browser.close()
      await app.stop()
    }
  }
}

/** A page of browser mode in its own context (light or dark), once the app is ready. */
export async function openReadyPage(
  browser: Browser,
  url: string,
  colorScheme: 'light' | 'dark' = 'light',
  watch?: (page: Page) => void
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openPage(browser, url, colorScheme, watch)
  await opened.page.locator('[data-app-state="ready"]').waitFor({ timeout: 15_000 })
  return opened
}

/** Presses the lab's start or stop button and waits until the lab says it runs, or has stopped. */
export async function pressLab(page: Page, action: 'start' | 'stop'): Promise<void> {
  await page.getByTestId(`lab-${action}`).click()
  await page.locator(`[data-testid="lab-state"][data-running="${action === 'start'}"]`).waitFor()
}

/** Opens the lab tab, starts the server and returns the port it is bound to. */
export async function startLabServer(page: Page): Promise<number> {
  await page.getByTestId('tab-lab').click()
  await pressLab(page, 'start')
  return Number(await page.getByTestId('lab-port').inputValue())
}
