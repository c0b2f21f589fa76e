import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveScreenshot, saveScreenshotAt } from '../../scripts/peers/chromium'
import { probeUdp } from '../../scripts/peers/probe'
import { openAppPage, type AppPage, pressLab } from '../support/app-page'

/** The lab's dialect picker: a Cloudflare zone (apex CNAME) saved, served flattened, and kept across a reload. */
describe('lab zone dialects in Chromium (browser mode)', () => {
  let opened: AppPage
  let page: Page

  const CLOUDFLARE = [
    '$ORIGIN example.test.',
    '$TTL 300',
    '@ 3600 IN SOA ns1 hostmaster 2 3600 600 86400 60',
    '@ 3600 IN NS ns1',
    'ns1 A 127.0.0.1',
    '@ 60 IN CNAME cdn.example.test.',
    '@ 300 IN MX 10 mail',
    'mail A 192.0.2.25',
    ''
  ].join('\n')

  beforeAll(async () => {
    opened = await openAppPage()
    page = opened.page
    await page.getByTestId('tab-lab').click()
    await page.getByTestId('lab-zone').waitFor()
  })
  afterAll(async () => {
    await opened?.close()
  })

  it('starts as bind; an apex CNAME is refused there with a pointer to the cloudflare dialect', async () => {
    expect(await page.getByTestId('zone-dialect').inputValue()).toBe('bind')
    await page.getByTestId('zone-text').fill(CLOUDFLARE)
    await page.getByTestId('zone-save').click()
    const inline = page.getByTestId('zone-inline-error')
    await inline.waitFor()
    expect(await inline.getAttribute('data-line')).toBe('6')
    expect(await inline.textContent()).toMatch(/the cloudflare format reads an apex CNAME as a flattened alias/)
  })

  it('saves it as cloudflare, serves the apex flattened, and keeps the choice after a reload', async () => {
    await page.getByTestId('zone-dialect').selectOption('cloudflare')
    await page.getByTestId('zone-save').click()
    await page.getByTestId('zone-saved').waitFor()
    await pressLab(page, 'start')
    const port = Number(/127\.0\.0\.1:(\d+)/.exec((await page.getByTestId('lab-state').textContent())!)?.[1])
    const answer = await probeUdp(port, 'example.test', 'A', 2000)
    expect((answer.answers ?? []).map((a) => (a as { type?: string }).type)).toEqual(expect.arrayContaining(['A']))
    expect((answer.answers ?? []).some((a) => (a as { type?: string }).type === 'CNAME')).toBe(false)
    await saveScreenshotAt(page, 'lab-zone', 'lab-dialect-cloudflare')
    // the server's own record of that answer: it waited for the target, so it paid the lookup
    const cost = page.getByTestId('lab-lookup-cost')
    await page.locator('[data-testid="lab-lookup-cost"][data-paid="1"]').waitFor({ timeout: 10_000 })
    expect(await cost.textContent()).toMatch(/^ALIAS adds about [\d.]+ ms when the target is not cached; 100% of answers in this watch paid it$/)
    await cost.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'lab-lookup-cost')
    await page.reload()
    await page.locator('[data-app-state="ready"]').waitFor({ timeout: 15_000 })
    await page.getByTestId('tab-lab').click()
    await page.getByTestId('lab-zone').waitFor()
    expect(await page.getByTestId('zone-dialect').inputValue()).toBe('cloudflare')
    expect(await page.getByTestId('zone-text').inputValue()).toBe(CLOUDFLARE)
  })

  it('the Inspect view shows what the extra lookup costs at the lab server, timed beside the apex SOA', async () => {
    const port = Number(/127\.0\.0\.1:(\d+)/.exec((await page.getByTestId('lab-state').textContent())!)?.[1])
    await page.getByTestId('tab-inspect').click()
    await page.getByTestId('resolver-picker-toggle').click()
    await page.getByTestId('resolver-picker').waitFor()
    await page.getByTestId('resolver-add-input').fill(`127.0.0.1:${port}`)
    await page.getByTestId('resolver-add-input').press('Enter')
    await page.locator('[data-testid="selected-resolvers"] li', { hasText: `127.0.0.1:${port}` }).waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('apex-input').fill('example.test')
    await page.getByTestId('target-input').fill('cdn.example.test')
    await page.getByTestId('inspect-button').click()
    const cost = page.getByTestId('lookup-cost')
    await cost.waitFor({ timeout: 20_000 })
    expect(await cost.textContent()).toMatch(/(ALIAS adds about [\d.]+ ms when the target is not cached|ALIAS lookup cost not measured).*of answers in this inspection paid it|example\.test\. SOA/)
    await cost.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'inspect-lookup-cost')
  })
})
