import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { experiments, type ReadyExperiment } from '@shared/experiments'
import { back, finish, prepare, runExperiment, runStep } from '../support/learn-page'
import { openAppPageForSuite } from '../support/suite-app-page'
import { saveScreenshot, saveScreenshotAt } from '../../scripts/peers/chromium'
import { probeUdp } from '../../scripts/peers/probe'
import type { RunningWebApp } from '../../scripts/peers/web-app'
import { openReadyPage } from '../support/app-page'

/** The Learn view in Chromium (browser mode), each built experiment run against the real lab on 127.0.0.1. */
describe('Learn: guided experiments on the real lab', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  openAppPageForSuite(async (opened) => {
    ;({ app, browser, page } = opened)
    await page.getByTestId('tab-learn').click()
    await page.getByTestId('learn-list').waitFor()
  })

  const ready = (id: string) => experiments.find((e): e is ReadyExperiment => e.id === id && e.status === 'ready')!

  it('lists ten experiments with question, length and state, all of them built', async () => {
    expect(await page.getByTestId('learn-item').count()).toBe(10)
    expect(await page.locator('[data-testid="learn-item"][data-state="new"]').count()).toBe(10)
    expect(await page.locator('[data-testid="learn-item"][data-state="coming"]').count()).toBe(0)
    expect(await page.locator('[data-testid="learn-item"][data-id="staleness"]').textContent()).toContain('5 min')
    await saveScreenshot(page, 'learn-list-light')
  })

  it('1. apex CNAME: the bind dialect refuses it, the cloudflare dialect flattens it', async () => {
    const e = ready('apex-cname')
    const result = await runExperiment(page, e, 'accepted')
    expect(result.match).toBe(false)
    expect(result.observed).toContain('a CNAME cannot be at the zone apex')
    expect(result.observed).toMatch(/In the Cloudflare dialect the zone loaded and the client got "A 192\.0\.2\.10": flattened/)
    expect(await page.getByTestId('learn-explanation').textContent()).toContain('RFC 1034 §3.6.2')
    await saveScreenshot(page, 'learn-apex-cname-light')
    await back(page, e)
  })

  it('2. flattening: the client gets only A/AAAA records; a query sent by hand is noticed too', async () => {
    const e = ready('flattening-log')
    await prepare(page, e, 'a-only')
    await runStep(page, 'query-a')
    expect(await page.locator('[data-testid="learn-step"][data-step="query-aaaa"]').getAttribute('data-done')).toBe('false')
    // "do it yourself": the AAAA query comes from outside the app, like a student's dig, and the page sees it in the log
    await page.getByTestId('tab-lab').click()
    const port = Number(/127\.0\.0\.1:(\d+)/.exec((await page.getByTestId('lab-state').textContent())!)?.[1])
    await page.getByTestId('tab-learn').click()
    expect((await probeUdp(port, 'example.test', 'AAAA', 4000)).rcodeCode).toBe(0)
    await page.locator('[data-testid="learn-step"][data-step="query-aaaa"][data-done="true"]').waitFor({ timeout: 15_000 })
    const result = await finish(page, e, 'a-only')
    expect(result.match).toBe(true)
    expect(result.observed).toMatch(/The client got "A 192\.0\.2\.10" and "AAAA 2001:db8::10"; the server itself asked cdn\.example\.test\. \d+ times?\./)
    await back(page, e)
  })

  it('3. staleness: the lag is measured from the log, within the target TTL', async () => {
    const e = ready('staleness')
    const result = await runExperiment(page, e, 'immediate')
    expect(result.observed).toMatch(/answered with 192\.0\.2\.20 \d+\.\d s after the change \(target TTL 8 s\)/)
    expect(result.said).toContain(`the lab showed Within the target's TTL (8 s)`)
    await back(page, e)
  }, 90_000)

  it('4. TTL policies: pass-through hands clients the target TTL', async () => {
    const e = ready('ttl-policies')
    const result = await runExperiment(page, e, 'min')
    expect(result.observed).toMatch(/^min: TTL 60 s, \d+ upstream; fixed: TTL 60 s, \d+ upstream; passthrough: TTL 30\d s|^min: TTL 60 s.*passthrough: TTL 2\d\d s/)
    expect(result.match).toBe(false)
    await back(page, e)
  })

  it('5. providers differ: one change through PowerDNS and DNSimple', async () => {
    const e = ready('providers-differ')
    const result = await runExperiment(page, e, 'same', 60_000)
    expect(result.observed).toMatch(/powerdns: \d+\.\d s, dnsimple: /)
    expect(result.said).toContain('the lab showed No, one lags clearly behind')
    await back(page, e)
  }, 120_000)

  it('6. the target breaks: three profiles, three answers; PowerDNS gives SERVFAIL', async () => {
    const e = ready('target-breaks')
    const result = await runExperiment(page, e, 'servfail')
    expect(result.observed).toMatch(/^draft: the stale 192\.0\.2\.10; powerdns: SERVFAIL; dnsimple: /)
    expect(result.match).toBe(true)
    await saveScreenshotAt(page, 'learn-result', 'learn-target-breaks-light')
    await back(page, e)
    // the lab tab follows what the experiment did: its last step left the DNSimple profile and a SERVFAIL target
    await page.getByTestId('tab-lab').click()
    await page.locator('[data-testid="lab-target-state"][data-state="servfail"]').waitFor()
    expect(await page.getByTestId('lab-profile-picker').inputValue()).toBe('dnsimple')
    await page.getByTestId('tab-learn').click()
  }, 90_000)

  it('7. ALIAS and DNSSEC: the synthesised A signed when built; the powerdns profile serves it unsigned', async () => {
    const e = ready('alias-dnssec')
    const result = await runExperiment(page, e, 'unsigned')
    expect(result.observed).toMatch(/^Signed zone, draft profile: "A 192\.0\.2\.10" with "RRSIG A 13 /)
    expect(result.observed).toContain('PowerDNS profile: "A 192.0.2.10" without an RRSIG.')
    expect(result.match).toBe(false)
    await saveScreenshotAt(page, 'learn-result', 'learn-alias-dnssec-light')
    await back(page, e)
  })

  it('8. CDN locality: the CDN answers by subnet; the apex gives the default node unless ECS is forwarded', async () => {
    const e = ready('cdn-locality')
    const result = await runExperiment(page, e, 'region')
    expect(result.observed).toBe(
      'The CDN gave 203.0.113.0/24 198.51.100.77. Through the draft profile the apex gave 192.0.2.1 (the default node); through powerdns 198.51.100.77 with ECS scope /24.'
    )
    expect(result.match).toBe(false)
    await saveScreenshotAt(page, 'learn-result', 'learn-cdn-locality-light')
    await back(page, e)
  })

  it('9. HTTPS AliasMode: the HTTPS answer names the target; the client resolves it itself', async () => {
    const e = ready('https-aliasmode')
    await prepare(page, e, 'addresses')
    // the option is a "do it yourself" step too: turned on in the lab tab, the page sees it in the lab's status
    await runStep(page, 'alias')
    await page.getByTestId('tab-lab').click()
    await page.getByTestId('lab-https-alias-on').click()
    await page.locator('[data-testid="lab-https-alias"][data-on="true"]').waitFor()
    await page.getByTestId('tab-learn').click()
    await page.locator('[data-testid="learn-step"][data-step="enable"][data-done="true"]').waitFor({ timeout: 15_000 })
    for (const id of ['https', 'follow']) {
      await page.getByTestId(`learn-run-${id}`).click()
      await page.locator(`[data-testid="learn-step"][data-step="${id}"][data-done="true"]`).waitFor()
    }
    const result = await finish(page, e, 'addresses')
    expect(result.observed).toBe(
      'example.test. A gave "A 192.0.2.10" (the server fetched them). example.test. HTTPS gave "HTTPS 0 cdn.example.test."; the client\'s own question for cdn.example.test. A gave "A 192.0.2.10".'
    )
    expect(result.match).toBe(false)
    await saveScreenshot(page, 'learn-https-aliasmode-light')
    await back(page, e)
  })

  it('10. secondaries: a raw AXFR carries the ALIAS record, an expanded one the addresses', async () => {
    const e = ready('secondaries-axfr')
    const result = await runExperiment(page, e, 'alias')
    expect(result.observed).toBe('The raw transfer carried "ALIAS cdn.example.test." for the apex; the expanded one "A 192.0.2.10, AAAA 2001:db8::10".')
    expect(result.match).toBe(true)
    await saveScreenshot(page, 'learn-secondaries-axfr-light')
    await back(page, e)
  })

  it('remembers progress on the main side (learn.json) across a reload', async () => {
    const stored = JSON.parse(await readFile(`${app.dataDir}/learn.json`, 'utf8'))
    expect(stored.experiments['flattening-log']).toMatchObject({ state: 'done', prediction: 'a-only', outcome: 'a-only' })
    await page.reload()
    await page.getByTestId('tab-learn').click()
    await page.locator('[data-testid="learn-item"][data-id="target-breaks"][data-state="done"]').waitFor()
    expect(await page.locator('[data-testid="learn-item"][data-state="done"]').count()).toBe(10)
  })

  it('teacher mode: presentation layout, Markdown and printable worksheets', async () => {
    await page.getByTestId('learn-teacher').check()
    await page.getByTestId('learn-present').click()
    expect(await page.getByTestId('learn-present').getAttribute('aria-pressed')).toBe('true')
    const size = await page.getByTestId('learn-view').evaluate((el) => getComputedStyle(el).fontSize)
    expect(parseFloat(size)).toBeGreaterThanOrEqual(22)
    await page.getByTestId('learn-open-staleness').click()
    await saveScreenshot(page, 'learn-present-light')
    const download = page.waitForEvent('download')
    await page.getByTestId('learn-worksheet-md').click()
    const file = await download
    expect(file.suggestedFilename()).toBe('worksheet-3-staleness.md')
    const text = await readFile((await file.path())!, 'utf8')
    expect(text).toContain('# Experiment 3: Staleness')
    await page.getByTestId('learn-worksheet-open').click()
    expect(await page.getByTestId('learn-worksheet-questions').textContent()).toContain('Predict (before you run anything)')
    expect(await page.getByTestId('learn-worksheet-questions').textContent()).not.toContain('Expected result')
    expect(await page.getByTestId('learn-worksheet-answers').evaluate((el) => getComputedStyle(el).breakBefore)).toBe('auto')
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByTestId('learn-worksheet-answers').evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page')
    expect(await page.locator('.tab-bar').isVisible()).toBe(false)
    await page.emulateMedia({ media: 'screen' })
    await page.getByTestId('learn-present').click()
    await saveScreenshot(page, 'learn-worksheet-light')
    // teacher mode is remembered on the main side: it is still on after a reload
    expect(JSON.parse(await readFile(`${app.dataDir}/learn.json`, 'utf8')).teacher).toBe(true)
    await page.reload()
    await page.locator('[data-app-state="ready"]').waitFor({ timeout: 15_000 })
    await page.getByTestId('tab-learn').click()
    await page.getByTestId('learn-present').waitFor()
    expect(await page.getByTestId('learn-teacher').isChecked()).toBe(true)
    await page.getByTestId('learn-open-staleness').click()
  })

  it('a done experiment after a restart of the page, in the dark theme: prediction, result, explanation', async () => {
    const dark = await openReadyPage(browser, app.url, 'dark')
    try {
      await dark.page.getByTestId('tab-learn').click()
      await dark.page.getByTestId('learn-open-flattening-log').click()
      await dark.page.locator('[data-testid="learn-compare"][data-match="true"]').waitFor()
      expect(await dark.page.getByTestId('learn-observed').textContent()).toContain('The client got "A 192.0.2.10"')
      await saveScreenshotAt(dark.page, 'learn-result', 'learn-result-dark')
    } finally {
      await dark.context.close()
    }
  })

  it('works from the keyboard: Enter opens and runs, Tab reaches reset and the lock, arrows pick the prediction', async () => {
    await page.getByTestId('learn-back').click()
    await page.getByTestId('learn-open-apex-cname').focus()
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="learn-experiment"][data-id="apex-cname"]').waitFor()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('learn-experiment-title')
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('learn-reset')
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="learn-experiment"][data-state="new"]').waitFor()
    await page.getByTestId('learn-prepared').waitFor({ timeout: 20_000 })
    // the radio group: Tab into it, arrows pick, Space selects; then the lock button
    await page.getByTestId('learn-choice-accepted').focus()
    await page.keyboard.press('ArrowDown')
    expect(await focused()).toBe('learn-choice-refused')
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('learn-predict-lock')
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="learn-prediction"][data-choice="refused"]').waitFor()
    for (const step of ['try', 'cloudflare']) {
      await page.getByTestId(`learn-run-${step}`).focus()
      await page.keyboard.press('Enter')
      await page.locator(`[data-testid="learn-step"][data-step="${step}"][data-done="true"]`).waitFor({ timeout: 20_000 })
    }
    await page.locator('[data-testid="learn-experiment"][data-state="done"]').waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('learn-compare').getAttribute('data-match')).toBe('true')
    expect(await page.locator('[role="status"]').filter({ hasText: 'You predicted' }).count()).toBe(1)
  })
})
