import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, openReadyPage, type AppPage } from '../support/app-page'
import { saveScreenshot, saveScreenshotAt } from '../../scripts/peers/chromium'
import { startKnot, type KnotServer } from '../../scripts/peers/knot'
import { startUnbound, type UnboundServer } from '../../scripts/peers/unbound'
import { staticZone, targetZone, zoneHead } from '../../scripts/peers/inspector-zones'
import { stopAll } from '../support/stop-all'

// Loopback only: Knot serves the zones, Unbound resolves them; no preset resolver is ever selected.
const COPY_ZONE = zoneHead('copy.test.') + ['@ 300 IN A 192.0.2.10', '@ 300 IN A 192.0.2.11', '@ 300 IN AAAA 2001:db8::10', 'www 300 IN CNAME cdn.target.test.', ''].join('\n')

const NAMES = ['copy.test', 'static.test cdn.target.test', 'nope.static.test cdn.target.test', 'www.static.test', ...Array.from({ length: 40 }, (_, i) => `h${i}.static.test cdn.target.test`)]

describe('the Audit view in Chromium (browser mode)', () => {
  let appPage: AppPage
  let knot: KnotServer
  let unbound: UnboundServer
  let page: Page

  const download = async (click: () => Promise<void>): Promise<{ name: string; body: string }> => {
    const [file] = (await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), click()])) as [Download, void]
    return { name: file.suggestedFilename(), body: await readFile((await file.path())!, 'utf8') }
  }

  beforeAll(async () => {
    knot = await startKnot({ zones: { 'target.test.': targetZone(), 'static.test.': staticZone(), 'copy.test.': COPY_ZONE } })
    unbound = await startUnbound({
      stubs: [
        { zone: 'target.test.', port: knot.port },
        { zone: 'static.test.', port: knot.port },
        { zone: 'copy.test.', port: knot.port }
      ]
    })
    appPage = await openAppPage()
    page = appPage.page
  })

  afterAll(() => stopAll(appPage, unbound, knot))

  it('says what is missing before it starts', async () => {
    await page.locator('#tab-audit').click()
    await page.getByTestId('audit-view').waitFor()
    await page.getByTestId('audit-start').click()
    await expect(page.getByTestId('audit-problem').textContent()).resolves.toMatch(/Paste names/)
    await page.getByTestId('audit-text').fill(NAMES.join('\n'))
    expect(await page.getByTestId('audit-line-count').textContent()).toContain(`${NAMES.length} lines`)
    await page.getByTestId('audit-start').click()
    await expect(page.getByTestId('audit-problem').textContent()).resolves.toMatch(/Pick at least one resolver/)
  })

  it('audits the names, streams rows into the table and charts them', async () => {
    await page.getByTestId('audit-view').getByTestId('resolver-picker-toggle').click()
    await page.getByTestId('audit-view').getByTestId('resolver-add-input').fill(`127.0.0.1:${unbound.port}`)
    await page.getByTestId('audit-view').getByTestId('resolver-add-input').press('Enter')
    await page.getByTestId('audit-view').locator('[data-testid="selected-resolvers"] li', { hasText: `127.0.0.1:${unbound.port}` }).waitFor()
    await page.keyboard.press('Escape')
    await page.locator('label', { hasText: 'skip the zones’ own servers' }).locator('input').check()
    await page.getByTestId('audit-start').click()
    await page.locator(`[data-testid="audit-progress"][data-status="finished"][data-done="${NAMES.length}"]`).waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('audit-table').getAttribute('data-count')).toBe(String(NAMES.length))
    const verdict = (name: string) => page.locator(`[data-testid="audit-row"][data-name="${name}"]`).getAttribute('data-verdict')
    await expect(verdict('copy.test.')).resolves.toBe('likely')
    await expect(verdict('static.test.')).resolves.toBe('not-aliased')
    expect(await page.getByTestId('audit-verdict-bar').count()).toBeGreaterThanOrEqual(2)
    await saveScreenshot(page, 'audit-results-light')
  })

  it('filters, groups by verdict and sorts', async () => {
    await page.getByTestId('audit-filter').fill('copy')
    await expect(page.getByTestId('audit-table').getAttribute('data-count')).resolves.toBe('1')
    await page.getByTestId('audit-filter').fill('')
    await page.getByTestId('audit-group-by').selectOption('verdict')
    // largest group first; the others are further down the virtualised list
    // the 42 names that do not exist share one verdict (whichever id the inspector gives them)
    await expect(page.getByTestId('audit-group').first().textContent()).resolves.toMatch(/^[a-z-]+ · 42$/)
    await page.getByTestId('audit-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight))
    await page.getByTestId('audit-group').filter({ hasText: /^not-aliased · 1$/ }).waitFor()
    await saveScreenshotAt(page, 'audit-table', 'audit-grouped-light')
    await page.getByTestId('audit-group-by').selectOption('none')
    await page.getByTestId('audit-sort-name').click()
    await page.getByTestId('audit-scroll').evaluate((el) => (el.scrollTop = 0))
    await expect.poll(() => page.getByTestId('audit-row').first().getAttribute('data-name')).toBe('copy.test.')
    await page.getByTestId('audit-sort-name').click()
    await expect.poll(() => page.getByTestId('audit-row').first().getAttribute('data-name')).toBe('www.static.test.')
    await page.getByTestId('audit-sort-name').click()
  })

  it('exports CSV and NDJSON', async () => {
    const csv = await download(() => page.getByTestId('audit-export-csv').click())
    expect(csv.name).toBe('audit.csv')
    const lines = csv.body.trimEnd().split('\r\n')
    expect(lines[0]).toMatch(/^name,verdict,target,/)
    expect(lines).toHaveLength(NAMES.length + 1)
    const json = await download(() => page.getByTestId('audit-export-json').click())
    const rows = json.body.trimEnd().split('\n').map((l) => JSON.parse(l) as { name: string; verdict: string })
    expect(rows).toHaveLength(NAMES.length)
    expect(rows[0]).toMatchObject({ name: 'copy.test.', verdict: 'likely' })
  })

  it('opens the full inspection of a row in the Inspect view', async () => {
    await page.locator('[data-testid="audit-row"][data-name="copy.test."]').click()
    await page.getByTestId('inspect-view').waitFor()
    await page.locator('[data-testid="inspect-results"][aria-busy="false"]').waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('apex-input').inputValue()).toBe('copy.test')
    expect(await page.getByTestId('target-input').inputValue()).toBe('cdn.target.test')
  })

  it('takes its names from an opened file or from the lab’s zone', async () => {
    await page.locator('#tab-audit').click()
    await page.getByTestId('audit-file').setInputFiles({ name: 'apexes.txt', mimeType: 'text/plain', buffer: Buffer.from('one.test\ntwo.test cdn.target.test\n') })
    await expect.poll(() => page.getByTestId('audit-text').inputValue()).toBe('one.test\ntwo.test cdn.target.test\n')
    expect(await page.getByTestId('audit-line-count').textContent()).toBe('2 lines from apexes.txt')
    await page.getByTestId('audit-lab-zone').click()
    await expect.poll(() => page.getByTestId('audit-text').inputValue()).toMatch(/\$ORIGIN example\.test\./)
    expect(await page.getByTestId('audit-line-count').textContent()).toMatch(/from lab zone example\.test/)
  })

  it('offers every saved zone and audits the owner names of the one picked', async () => {
    const zones = join(appPage.app.dataDir, 'zones')
    await mkdir(zones, { recursive: true })
    await writeFile(join(zones, 'alpha.test.zone'), zoneHead('alpha.test.') + 'www 300 IN CNAME cdn.target.test.\n')
    await writeFile(join(zones, 'beta.test.zone'), zoneHead('beta.test.') + 'shop 300 IN A 192.0.2.1\n')
    const picker = page.getByTestId('audit-saved-zone')
    // the list is read again when the picker gets the focus
    await picker.focus()
    await expect.poll(() => picker.locator('option').allTextContents()).toEqual(['pick one of 2…', expect.stringMatching(/^alpha\.test \(/), expect.stringMatching(/^beta\.test \(/)])
    await picker.selectOption('beta.test.zone')
    await expect.poll(() => page.getByTestId('audit-text').inputValue()).toMatch(/\$ORIGIN beta\.test\./)
    expect(await page.getByTestId('audit-line-count').textContent()).toMatch(/from saved zone beta\.test\.$/)
    await saveScreenshotAt(page, 'audit-view', 'audit-saved-zone-light')
  })

  it('looks right in the dark theme', async () => {
    const dark = await openReadyPage(appPage.browser, appPage.app.url, 'dark')
    await dark.page.locator('#tab-audit').click()
    await dark.page.getByTestId('audit-text').fill(NAMES.slice(0, 4).join('\n'))
    await dark.page.getByTestId('audit-view').getByTestId('resolver-picker-toggle').click()
    // over TCP this time: the pool's pipelined connections
    await dark.page.getByTestId('audit-view').getByTestId('resolver-add-input').fill(`tcp://127.0.0.1:${unbound.port}`)
    await dark.page.getByTestId('audit-view').getByTestId('resolver-add-input').press('Enter')
    await dark.page.getByTestId('audit-view').locator('[data-testid="selected-resolvers"] li', { hasText: 'tcp://' }).waitFor()
    await dark.page.keyboard.press('Escape')
    await dark.page.locator('label', { hasText: 'skip the zones’ own servers' }).locator('input').check()
    await dark.page.getByTestId('audit-start').click()
    try {
      await dark.page.locator('[data-testid="audit-progress"][data-status="finished"]').waitFor({ timeout: 20_000 })
    } finally {
      await saveScreenshot(dark.page, 'audit-results-dark')
    }
    await expect(dark.page.getByTestId('audit-table').getAttribute('data-count')).resolves.toBe('4')
    await dark.context.close()
  })
})
