import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { requireTool } from './require-tool'

export const screenshotDir = resolve(__dirname, '../../test-results/screenshots')

/** Debian's Chromium, driven by playwright-core; flags keep it off the (closed) network. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = requireTool('chromium', 'chromium')
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
}

export async function openPage(
  browser: Browser,
  url: string,
  colorScheme: 'light' | 'dark' = 'light',
  watch?: (page: Page) => void
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme })
  const page = await context.newPage()
  watch?.(page)
  await page.goto(url)
  return { context, page }
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true })
  const path = resolve(screenshotDir, `${name}.png`)
  await page.screenshot({ path, fullPage: false })
  return path
}

/** Scrolls the element with `testId` into view, then saves the screenshot `name`. */
export async function saveScreenshotAt(page: Page, testId: string, name: string): Promise<string> {
  await page.getByTestId(testId).scrollIntoViewIfNeeded()
  return saveScreenshot(page, name)
}
