import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveScreenshotAt } from '../../scripts/peers/chromium'
import { openAppPage, startLabServer, type AppPage } from '../support/app-page'
import { probeUdp } from '../../scripts/peers/probe'

/** The profile picker and the failure-mode lab in Chromium (browser mode); everything on 127.0.0.1. */
describe('provider profiles in the lab', () => {
  let page: Page
  let port = 0
  let opened: AppPage | undefined

  beforeAll(async () => {
    opened = await openAppPage()
    page = opened.page
    port = await startLabServer(page)
  })
  afterAll(async () => {
    await opened?.close()
  })

  it('picks a profile; its rules show with their trust and a source one click away', async () => {
    const picker = page.getByTestId('lab-profile-picker')
    expect(await picker.inputValue()).toBe('draft')
    await picker.selectOption('dnsimple')
    await page.getByTestId('lab-profile-summary').filter({ hasText: '500 ms' }).waitFor()
    const failure = page.locator('[data-testid="lab-profile-rules"] tr[data-rule="targetFailure"]')
    expect(await failure.textContent()).toContain('the cached response if one exists, else an empty result set')
    expect(await failure.locator('a').getAttribute('href')).toBe('https://support.dnsimple.com/articles/alias-record/')
    expect(await page.locator('[data-testid="lab-profile-rules"] tr[data-rule="dnssec"]').textContent()).toContain('assumption')
    // the profile's TTL rule is now the server's
    expect(await page.getByTestId('lab-ttl-policy').inputValue()).toBe('record')
  })

  it('breaks the target: a silent target gives DNSimple\'s empty answer, and the log names the rule', async () => {
    await page.getByTestId('lab-target-state-select').selectOption('silent')
    await page.getByTestId('lab-target-state-apply').click()
    await page.locator('[data-testid="lab-target-state"][data-state="silent"]').waitFor()
    const answer = await probeUdp(port, 'example.test', 'A', 4000)
    expect(answer.rcodeCode).toBe(0)
    expect(answer.answers ?? []).toEqual([])
    const row = page.locator('[data-testid="qlog-row"] [data-rule*="timed out twice"]').first()
    await row.waitFor({ timeout: 5000 })
    expect(await row.getAttribute('data-rule')).toBe('target timed out twice, 500 ms each → empty NOERROR (no answer to serve stale), as DNSimple does')
    await saveScreenshotAt(page, 'lab-profile', 'lab-profiles-light')
    await saveScreenshotAt(page, 'lab-target-state', 'lab-target-state-light')
  })

  it('compares providers side by side: one lane per profile, fed by one schedule', async () => {
    await page.getByTestId('lab-compare-start').click()
    await page.locator('[data-testid="lab-compare"][data-running="true"]').waitFor()
    expect(await page.getByTestId('lab-compare-lane').count()).toBe(6)
    await page.getByTestId('lab-compare-steps').filter({ hasText: 'target now 192.0.2.20' }).waitFor({ timeout: 25_000 })
    await page.waitForTimeout(3000)
    expect(await page.locator('[data-testid="lab-compare-lane"][data-profile="powerdns"] [data-testid="lab-compare-strip"] span').count()).toBeGreaterThan(10)
    await saveScreenshotAt(page, 'lab-compare', 'lab-compare-light')
    await page.getByTestId('lab-compare-stop').click()
    await page.locator('[data-testid="lab-compare"][data-running="false"]').waitFor()
  }, 60_000)
})
