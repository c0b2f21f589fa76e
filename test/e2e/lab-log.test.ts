import type { Browser, Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveScreenshot, saveScreenshotAt } from '../../scripts/peers/chromium'
import { openAppPage, openReadyPage, startLabServer, type AppPage } from '../support/app-page'
import { probeUdp } from '../../scripts/peers/probe'
import type { RunningWebApp } from '../../scripts/peers/web-app'

/**
 * The lab's stored query log after a reload, its filters, pause and export; "Flush ALIAS cache"; the theme
 * switch; the TTL chart legend. Everything stays on 127.0.0.1.
 */
describe('lab log, flush and theme in Chromium (browser mode)', () => {
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  let port = 0
  let opened: AppPage | undefined

  beforeAll(async () => {
    opened = await openAppPage()
    ;({ app, browser, page } = opened)
    port = await startLabServer(page)
  })
  afterAll(async () => {
    await opened?.close()
  })

  const ask = async (name: string, type: 'A' | 'AAAA' | 'TXT' = 'A') => {
    const answer = await probeUdp(port, name, type, 2000)
    return (answer.answers ?? []).filter((a) => a.type === type).map((a) => String((a as { data?: unknown }).data))
  }
  const count = async (attribute = 'data-count') => Number(await page.getByTestId('qlog-count').getAttribute(attribute))
  const counterQueries = async () => Number(await page.getByTestId('counter-queries').getAttribute('data-value'))

  it('after a reload the log shows every query the counters count', async () => {
    for (let i = 0; i < 12; i++) await ask('static.example.test')
    for (let i = 0; i < 3; i++) await ask('nothing-here.example.test')
    await ask('static.example.test', 'AAAA')
    await expect.poll(count, { timeout: 10_000 }).toBe(16)
    await page.reload()
    await page.locator('[data-app-state="ready"]').waitFor()
    await page.getByTestId('tab-lab').click()
    await page.getByTestId('qlog-row').first().waitFor()
    await expect.poll(counterQueries, { timeout: 5000 }).toBe(16)
    expect(await count()).toBe(16)
    expect(await count('data-run-logged')).toBe(16)
    expect(await page.getByTestId('qlog-count').textContent()).toMatch(/16 queries kept · 16 logged since the server started/)
    expect(await page.getByTestId('qlog-row').count()).toBe(16)
  })

  it('filters by type, RCODE, cache state, name, client and free text', async () => {
    await page.getByTestId('qlog-filter-type').selectOption('AAAA')
    await expect.poll(count).toBe(1)
    expect(await page.getByTestId('qlog-row').first().getAttribute('data-type')).toBe('AAAA')
    await page.getByTestId('qlog-filter-type').selectOption('')
    await page.getByTestId('qlog-filter-rcode').selectOption('NXDOMAIN')
    await expect.poll(count).toBe(3)
    const rcodes = await page.getByTestId('qlog-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rcode')))
    expect(new Set(rcodes)).toEqual(new Set(['NXDOMAIN']))
    await page.getByTestId('qlog-filter-rcode').selectOption('')
    await page.getByTestId('qlog-filter-cache').selectOption('hit')
    await expect.poll(count).toBe(0)
    expect(await page.getByTestId('qlog-empty').textContent()).toMatch(/No query matches/)
    await page.getByTestId('qlog-filter-cache').selectOption('')
    await page.getByTestId('qlog-filter-name').fill('static.example.test')
    await expect.poll(count).toBe(13)
    await page.getByTestId('qlog-filter-client').fill('127.0.0.1')
    await expect.poll(count).toBe(13)
    await page.getByTestId('qlog-filter-client').fill('127.0.0.2')
    await expect.poll(count).toBe(0)
    await page.getByTestId('qlog-filter-client').fill('')
    await page.getByTestId('qlog-filter-name').fill('')
    await page.getByTestId('qlog-filter-search').fill('nothing-here')
    await expect.poll(count).toBe(3)
    expect(await page.getByTestId('qlog-count').textContent()).toMatch(/3 of 16 kept match/)
    await saveScreenshotAt(page, 'qlog', 'lab-log-filtered-light')
    await page.getByTestId('qlog-filter-search').fill('')
    await expect.poll(count).toBe(16)
  })

  it('pauses (new entries wait), resumes, and exports what the filter shows as CSV and JSON', async () => {
    await page.getByTestId('qlog-pause').click()
    for (let i = 0; i < 4; i++) await ask('static.example.test', 'TXT')
    await expect.poll(async () => (await page.getByTestId('qlog-count').textContent()) ?? '', { timeout: 5000 }).toMatch(/4 new, paused/)
    expect(await count()).toBe(16)
    await page.getByTestId('qlog-pause').click()
    await expect.poll(count).toBe(20)

    await page.getByTestId('qlog-filter-type').selectOption('TXT')
    await expect.poll(count).toBe(4)
    const download = async (testId: string) => {
      const [file] = (await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.getByTestId(testId).click()])) as [Download, void]
      const stream = await file.createReadStream()
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(chunk as Buffer)
      return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') }
    }
    const csv = await download('qlog-export-csv')
    expect(csv.name).toBe('query-log.csv')
    const lines = csv.text.trim().split('\r\n')
    expect(lines).toHaveLength(5)
    expect(lines.slice(1).every((l) => l.includes(',static.example.test.,TXT,'))).toBe(true)
    const json = await download('qlog-export-json')
    expect((JSON.parse(json.text) as Array<{ type: string }>).map((r) => r.type)).toEqual(['TXT', 'TXT', 'TXT', 'TXT'])
    await page.getByTestId('qlog-filter-type').selectOption('')
  })

  it('“Flush ALIAS cache” makes the apex follow a changed target at once', async () => {
    await page.getByTestId('lab-target-ttl').fill('300')
    await page.locator('[data-testid="lab-target-now"]', { hasText: 'TTL 300 s' }).waitFor()
    await page.getByTestId('lab-set-0-serve').click()
    const first = await page.getByTestId('lab-set-0-a').inputValue()
    expect(await ask('example.test')).toEqual([first])
    await page.getByTestId('lab-set-1-serve').click()
    const second = (await page.getByTestId('lab-set-1-a').inputValue()).split(/[\s,]+/)
    await page.locator('[data-testid="lab-target-now"]', { hasText: second[0] }).waitFor()
    // the server still holds the old target for its 300 s
    expect(await ask('example.test')).toEqual([first])
    await page.getByTestId('lab-flush').click()
    await page.getByTestId('lab-flush-result').waitFor()
    expect(Number(await page.getByTestId('lab-flush-result').getAttribute('data-targets'))).toBeGreaterThanOrEqual(1)
    expect(await ask('example.test')).toEqual(second)
    await saveScreenshotAt(page, 'lab-flush', 'lab-flush-light')
  })

  it('edits of the serving set are served at once and survive a reload', async () => {
    await page.getByTestId('lab-set-1-a').fill('192.0.2.123')
    await page.locator('[data-testid="lab-target-now"]', { hasText: '192.0.2.123' }).waitFor()
    expect(await ask('cdn.example.test')).toEqual(['192.0.2.123'])
    await page.reload()
    await page.locator('[data-app-state="ready"]').waitFor()
    await page.getByTestId('tab-lab').click()
    expect(await page.getByTestId('lab-set-1-a').inputValue()).toBe('192.0.2.123')
    expect(await page.getByTestId('lab-set-1').getAttribute('class')).toContain('is-serving')
  })

  it('switches the theme, and remembers it across a new page', async () => {
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('light')
    await page.getByTestId('theme-select').selectOption('dark')
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('dark')
    const background = await page.evaluate('getComputedStyle(document.body).backgroundColor')
    expect(background).toBe('rgb(20, 23, 28)')
    await saveScreenshot(page, 'lab-theme-dark')
    const other = await openReadyPage(browser, app.url, 'light')
    await expect.poll(() => other.page.evaluate('document.documentElement.dataset.theme')).toBe('dark')
    expect(await other.page.getByTestId('theme-select').inputValue()).toBe('dark')
    await saveScreenshot(other.page, 'shell-theme-dark')
    await other.page.getByTestId('theme-select').selectOption('system')
    expect(await other.page.evaluate('document.documentElement.dataset.theme')).toBe('light')
    await other.context.close()
    const dark = await openReadyPage(browser, app.url, 'dark')
    // "system" follows the scheme the system asks for
    await expect.poll(() => dark.page.evaluate('document.documentElement.dataset.themeChoice')).toBe('system')
    expect(await dark.page.evaluate('document.documentElement.dataset.theme')).toBe('dark')
    await dark.context.close()
    await page.getByTestId('theme-select').selectOption('light')
  })

  it('the TTL chart legend shows and hides each series', async () => {
    await page.getByTestId('lab-target-ttl').fill('2')
    await page.locator('[data-testid="lab-target-now"]', { hasText: 'TTL 2 s' }).waitFor()
    await page.getByTestId('lab-watch').click()
    await page.locator('[data-testid="watch-session"][data-state="running"]').waitFor()
    const lines = page.getByTestId('chart-ttl').locator('.recharts-line')
    await expect.poll(() => lines.count(), { timeout: 15_000 }).toBe(4)
    const toggle = page.getByTestId('chart-ttl-legend-apex-AAAA')
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    await toggle.click()
    expect(await toggle.getAttribute('aria-pressed')).toBe('false')
    await expect.poll(() => lines.count()).toBe(3)
    await page.getByTestId('chart-ttl-legend-target-AAAA').click()
    await expect.poll(() => lines.count()).toBe(2)
    await saveScreenshotAt(page, 'chart-ttl', 'watch-ttl-legend-light')
    await toggle.click()
    await expect.poll(() => lines.count()).toBe(3)
    await page.getByTestId('watch-stop').click().catch(() => undefined)
  })
})
