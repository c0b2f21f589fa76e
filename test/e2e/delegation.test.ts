import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, type AppPage, pressLab } from '../support/app-page'
import { saveScreenshotAt } from '../../scripts/peers/chromium'

/**
 * The delegation view: the lab signs example.test., the local trust chain (root and test. on
 * 127.53.0.x, the lab's port) starts from the Inspect view, and the chain shows secure step by step.
 */
describe('delegation view through the local trust chain (browser mode)', () => {
  let app: AppPage
  let page: Page

  beforeAll(async () => {
    app = await openAppPage()
    page = app.page
  }, 60_000)
  afterAll(async () => {
    await app?.close()
  })

  it('starts the chain and shows root → test. → example.test. secure, with the root anchor', async () => {
    await page.getByTestId('tab-lab').click()
    await page.getByTestId('lab-dnssec-on').check()
    await pressLab(page, 'start')
    const port = Number(/127\.0\.0\.1:(\d+)/.exec((await page.getByTestId('lab-state').textContent())!)?.[1])
    await page.getByTestId('tab-inspect').click()
    await page.getByTestId('resolver-picker-toggle').click()
    await page.getByTestId('resolver-add-input').fill(`127.0.0.1:${port}`)
    await page.getByTestId('resolver-add-input').press('Enter')
    await page.getByTestId('resolver-picker-toggle').click()
    await page.getByTestId('options-toggle').click()
    await page.getByTestId('skip-authoritative').check()
    await page.getByTestId('apex-input').fill('example.test')
    await page.getByTestId('target-input').fill('cdn.example.test')
    await page.getByTestId('apex-input').press('Enter')
    await page.getByTestId('delegation-view').waitFor({ timeout: 30_000 })
    await page.getByTestId('chain-start').click()
    await page.locator('[data-testid="delegation-step"][data-zone="example.test."]').waitFor({ timeout: 30_000 })
    const steps = page.getByTestId('delegation-step')
    const shown = await steps.evaluateAll((els) => els.map((e) => [e.getAttribute('data-zone'), e.getAttribute('data-status')]))
    expect(shown).toEqual([['.', 'secure'], ['test.', 'secure'], ['example.test.', 'secure']])
    expect(await steps.nth(1).textContent()).toContain('a.nic.test. 127.53.0.2')
    expect(await page.getByTestId('chain-anchor').textContent()).toMatch(/root anchor: \. IN DS \d+ 13 2 [0-9A-F]{64}/)
    expect(await page.getByTestId('delegation-answer').textContent()).toMatch(/^NOERROR example\.test\. \d+ A /)
    await saveScreenshotAt(page, 'delegation-view', 'delegation-light')
  }, 90_000)
})
