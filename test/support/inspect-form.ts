import type { Page } from 'playwright-core'

/** Drives the Inspect view's form in browser mode: the resolver picker, the options, a run. */

/** Opens the resolver picker unless it is open already. */
export async function openPicker(page: Page): Promise<void> {
  if ((await page.getByTestId('resolver-picker-toggle').getAttribute('aria-expanded')) !== 'true') {
    await page.getByTestId('resolver-picker-toggle').click()
  }
  await page.getByTestId('resolver-picker').waitFor()
}

/** Adds a custom resolver through the open picker and waits for it among the selected ones. */
export async function addResolver(page: Page, text: string): Promise<void> {
  await page.getByTestId('resolver-add-input').fill(text)
  await page.getByTestId('resolver-add-input').press('Enter')
  await page.locator(`[data-testid="selected-resolvers"] li`, { hasText: text }).waitFor()
}

/** Opens the options (unless open) and sets the authoritative port and a 1 s timeout. */
export async function setAuthoritativePort(page: Page, port: number): Promise<void> {
  if ((await page.getByTestId('options-toggle').getAttribute('aria-expanded')) !== 'true') {
    await page.getByTestId('options-toggle').click()
  }
  await page.getByTestId('authoritative-port').fill(String(port))
  await page.getByTestId('timeout-seconds').fill('1')
}

/** Presses Enter in the apex field and waits for the next run to finish. */
export async function inspectAndWait(page: Page): Promise<void> {
  const results = page.getByTestId('inspect-results')
  const before = (await results.count()) === 0 ? 0 : Number(await results.getAttribute('data-runs'))
  await page.getByTestId('apex-input').press('Enter')
  await page.locator(`[data-testid="inspect-results"][data-runs="${before + 1}"]`).waitFor({ timeout: 20_000 })
  await page.locator('[data-testid="inspect-results"][aria-busy="false"]').waitFor()
}
