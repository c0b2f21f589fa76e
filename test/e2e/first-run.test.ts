import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openPage, saveScreenshot } from '../../scripts/peers/chromium'
import { startWebApp, type RunningWebApp } from '../../scripts/peers/web-app'
import { openReadyPage } from '../support/app-page'

/**
 * A newcomer's first run, offline: the Inspect view points at the lab, the lab starts, and example.test is
 * inspected through the lab's server without typing a target, mostly with the keyboard. Loopback only:
 * no preset resolver is ever selected.
 */
describe('first run, offline, through the Local ALIAS lab (browser mode)', () => {
  let app: RunningWebApp
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let port = 0
  const consoleErrors: string[] = []

  // the focused element's test id (or id); a string, as the tests are type-checked without the DOM
  const focused = () =>
    page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? null`)

  async function inspectAndWait(): Promise<void> {
    const results = page.getByTestId('inspect-results')
    const before = (await results.count()) === 0 ? 0 : Number(await results.getAttribute('data-runs'))
    await page.getByTestId('apex-input').press('Enter')
    await page.locator(`[data-testid="inspect-results"][data-runs="${before + 1}"][aria-busy="false"]`).waitFor({ timeout: 20_000 })
  }

  beforeAll(async () => {
    app = await startWebApp()
    browser = await launchChromium()
    ;({ context, page } = await openPage(browser, app.url, 'light'))
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    await page.locator('[data-app-state="ready"]').waitFor({ timeout: 15_000 })
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await app?.stop()
  })

  it('points a newcomer at the lab: the empty state and the stopped local resolver both lead to its Start button', async () => {
    await expect(page.getByTestId('inspect-offline-hint').textContent()).resolves.toMatch(/Local ALIAS lab.*Start server/)
    await saveScreenshot(page, 'first-run-light')
    await page.getByTestId('resolver-picker-toggle').click()
    const stopped = page.getByTestId('resolver-local-stopped')
    await stopped.waitFor()
    expect(await stopped.textContent()).toMatch(/Start server/)
    await page.getByTestId('resolver-open-lab').click()
    expect(await page.getByTestId('tab-lab').getAttribute('aria-selected')).toBe('true')
    await expect.poll(focused).toBe('lab-start')
    // while stopped the log says what to do, not "dig … -p PORT"
    expect(await page.getByTestId('qlog-empty').textContent()).toMatch(/server is stopped.*Start server/)
    expect(await page.getByTestId('lab-target-stopped').textContent()).toMatch(/Start server/)
  })

  it('starts the lab from the keyboard; the focus moves to Stop, and the log shows a real dig command', async () => {
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="lab-state"][data-running="true"]').waitFor()
    port = Number(/127\.0\.0\.1:(\d+)/.exec((await page.getByTestId('lab-state').textContent())!)?.[1])
    expect(port).toBeGreaterThan(0)
    await expect.poll(focused).toBe('lab-stop')
    expect(await page.getByTestId('qlog-empty').textContent()).toContain(`dig @127.0.0.1 -p ${port} example.test A`)
  })

  it('back on Inspect, the lab resolver is there without reopening the picker, and the apex ALIAS record is suggested', async () => {
    await page.getByTestId('tab-inspect').click()
    await page.locator('[data-testid="selected-resolvers"] li', { hasText: 'Local ALIAS server (UDP)' }).waitFor()
    // keyboard only from here: type the apex, Tab to the target, the suggestion opens by itself
    await page.getByTestId('apex-input').focus()
    await page.keyboard.type('example.test')
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('target-input')
    const option = page.getByTestId('target-suggestion').first()
    await option.waitFor({ timeout: 10_000 })
    expect(await option.textContent()).toMatch(/cdn\.example\.test.*ALIAS record.*type 65401/)
    await saveScreenshot(page, 'first-run-suggestion-light')
    await page.keyboard.press('Escape')
    expect(await page.getByTestId('target-suggestions').isHidden()).toBe(true)
    expect(await page.getByTestId('target-input').inputValue()).toBe('')
  })

  it('inspects with no target typed: the ALIAS record names it, and the zone’s servers are asked on the lab’s port', async () => {
    await inspectAndWait()
    expect(await page.getByTestId('verdict-banner').getAttribute('data-verdict')).toBe('likely')
    const suggested = page.getByTestId('target-suggested')
    expect(await suggested.getAttribute('data-source')).toBe('alias-record')
    expect(await suggested.textContent()).toMatch(/target cdn\.example\.test from the ALIAS record/)
    expect(await page.locator('[data-testid="aligned-row"][data-kind="match"]').count()).toBe(2)
    // ns1.example.test is 127.0.0.1: the lab answers for its own zone on its own port, not 53
    await expect(page.getByTestId('authoritative-ttl').first().textContent()).resolves.toMatch(/Auth TTL\s*\d+ s/)
    await page.getByTestId('authoritative-summary').locator('summary').click()
    expect(await page.getByTestId('authoritative-summary').textContent()).toContain(`127.0.0.1#${port}`)
    await saveScreenshot(page, 'first-run-inspect-light')
  })

  it('closes the raw answer with Escape even after the focus left the drawer, and returns it to the Raw button', async () => {
    await page.getByTestId('raw-apex-A').focus()
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="raw-drawer"][data-state="ready"]').waitFor({ timeout: 10_000 })
    expect(await focused()).toBe('raw-close')
    await page.keyboard.press('Escape')
    await page.getByTestId('raw-drawer').waitFor({ state: 'detached' })
    expect(await focused()).toBe('raw-apex-A')

    await page.getByTestId('raw-apex-A').click()
    await page.locator('[data-testid="raw-drawer"][data-state="ready"]').waitFor({ timeout: 10_000 })
    await page.getByTestId('apex-input').focus() // a field under the drawer's shade
    await page.keyboard.press('Escape')
    await page.getByTestId('raw-drawer').waitFor({ state: 'detached' })
  })

  it('shows an apex without a target plainly: no "only apex" marks, and says when nothing can be suggested', async () => {
    await page.getByTestId('apex-input').fill('static.example.test')
    await page.getByTestId('target-input').focus()
    const none = page.getByTestId('target-no-suggestion')
    await none.waitFor({ timeout: 10_000 })
    expect(await none.isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    await inspectAndWait()
    expect(await page.getByTestId('target-suggested').count()).toBe(0)
    const rows = page.locator('[data-testid="aligned-row"]')
    expect(await rows.count()).toBe(1)
    expect(await rows.first().getAttribute('data-kind')).toBe('alone')
    expect(await page.locator('[data-testid="aligned-row"][data-kind="only-apex"]').count()).toBe(0)
  })

  it('keeps the focus where the person is: Watch over time, export, stop', async () => {
    await page.getByTestId('apex-input').fill('example.test')
    await inspectAndWait()
    await page.getByTestId('watch-this').click()
    expect(await page.getByTestId('tab-watch').getAttribute('aria-selected')).toBe('true')
    await expect.poll(focused).toBe('tab-watch')
    await page.locator('[data-testid="watch-session"][data-state="running"]').waitFor()
    // the list's sample count would be frozen at 0 for a running session: it is left out
    expect(await page.getByTestId('watch-session-select').locator('option').first().textContent()).toMatch(/running$/)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('watch-export-csv').click()])
    expect(download.suggestedFilename()).toBe('example.test-watch.csv')
    expect(await focused()).toBe('watch-export-csv')
    await page.getByTestId('watch-stop').click()
    await page.locator('[data-testid="watch-session"][data-state="stopped"]').waitFor()
    await expect.poll(focused).toBe('watch-session-title')
  })

  it('turns the explanations off under About', async () => {
    await page.getByTestId('tab-inspect').click()
    expect(await page.locator('#panel-inspect [data-testid^="explain"]').count()).toBeGreaterThan(0)
    await page.getByTestId('tab-about').click()
    await page.getByTestId('teaching-toggle').uncheck()
    await page.getByTestId('tab-inspect').click()
    expect(await page.locator('#panel-inspect [data-testid^="explain"]').count()).toBe(0)
    // kept on the main side: a reload (in browser mode, a new origin on every launch) still has it off
    await page.reload()
    await page.locator('[data-app-state="ready"]').waitFor()
    await page.getByTestId('tab-about').click()
    await expect.poll(() => page.getByTestId('teaching-toggle').isChecked()).toBe(false)
    await page.getByTestId('teaching-toggle').check()
  })

  it('fits 1024 px beside a vertical scrollbar, in light and dark, with no console errors', async () => {
    // Electron's window is 1024 px at least; a classic scrollbar takes ~15 of them (headless hides it)
    await page.getByTestId('tab-lab').click()
    await page.setViewportSize({ width: 1024 - 17, height: 700 })
    for (const tab of ['inspect', 'watch', 'lab'] as const) {
      await page.getByTestId(`tab-${tab}`).click()
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')
      expect(overflow, `${tab} overflows horizontally`).toBeLessThanOrEqual(0)
    }
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.getByTestId('tab-inspect').click()
    await saveScreenshot(page, 'first-run-inspect-1024x700')
    const dark = await openReadyPage(browser, app.url, 'dark')
    try {
      await dark.page.getByTestId('resolver-picker-toggle').click()
      await dark.page.getByTestId('resolver-picker').waitFor()
      await saveScreenshot(dark.page, 'first-run-picker-dark')
    } finally {
      await dark.context.close()
    }
    expect(consoleErrors).toEqual([])
  })
})
