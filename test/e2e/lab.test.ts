import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveScreenshot, saveScreenshotAt } from '../../scripts/peers/chromium'
import { probeUdp } from '../../scripts/peers/probe'
import type { RunningWebApp } from '../../scripts/peers/web-app'
import { openAppPage, openReadyPage, type AppPage, pressLab } from '../support/app-page'

/** Everything here stays on 127.0.0.1: the lab server (simulated upstream) and the test's own queries. */
describe('the local ALIAS lab in Chromium (browser mode)', () => {
  let opened: AppPage
  let app: RunningWebApp
  let browser: Browser
  let page: Page
  let port = 0

  beforeAll(async () => {
    opened = await openAppPage()
    ;({ app, browser, page } = opened)
    await page.getByTestId('tab-lab').click()
  })
  afterAll(async () => {
    await opened?.close()
  })

  const addressOf = async (name: string, type: 'A' | 'AAAA' | 'CNAME') => {
    const answer = await probeUdp(port, name, type, 2000)
    return (answer.answers ?? []).map((a) => String((a as { data?: unknown }).data))
  }

  it('shows the demo zone on first launch, ready to serve: apex ALIAS → the simulated target', async () => {
    await page.getByTestId('lab-zone').waitFor()
    expect(await page.getByTestId('zone-demo').isVisible()).toBe(true)
    expect(await page.getByTestId('lab-zone').getAttribute('data-origin')).toBe('example.test.')
    expect(await page.getByTestId('zone-text').inputValue()).toMatch(/^@\s+60\s+IN ALIAS cdn\.example\.test\.$/m)
    expect(await page.getByTestId('lab-state').getAttribute('data-running')).toBe('false')
    expect(await page.getByTestId('lab-watch').isDisabled()).toBe(true)
    expect(await page.getByTestId('explain-cname-alias').textContent()).toMatch(/CNAME .* cannot stand at the apex/)
  })

  it('takes the upstream resolver from the resolver list, or one added beside it', async () => {
    await page.getByTestId('lab-upstream-mode').selectOption('recursive')
    const picker = page.getByTestId('lab-upstream-resolver')
    expect(await picker.inputValue()).toBe('')
    expect(await page.getByTestId('lab-start').isDisabled()).toBe(true)
    await page.locator('[data-testid="lab-upstream-add"] summary').click()
    await page.getByTestId('resolver-add-input').fill('127.0.0.1:5399')
    await page.getByTestId('resolver-add').click()
    await expect.poll(() => picker.inputValue()).toMatch(/^custom-/)
    expect(await picker.locator('option:checked').textContent()).toContain('127.0.0.1:5399')
    expect(await page.getByTestId('lab-start').isEnabled()).toBe(true)
    await saveScreenshot(page, 'lab-upstream-light')
    await page.getByTestId('lab-upstream-mode').selectOption('simulated')
  })

  it('starts the server on a free loopback port, which then answers from the zone', async () => {
    await pressLab(page, 'start')
    const text = (await page.getByTestId('lab-state').textContent())!
    port = Number(/127\.0\.0\.1:(\d+)/.exec(text)?.[1])
    expect(port).toBeGreaterThan(0)
    // the port field shows the port bound (any free one was asked for)
    expect(await page.getByTestId('lab-port').inputValue()).toBe(String(port))
    expect(await page.getByTestId('lab-target-now').textContent()).toContain('192.0.2.10')
    // static data only: asking the apex now would cache the target for its 60 s TTL
    expect(await addressOf('static.example.test', 'A')).toEqual(['192.0.2.80'])
    expect(await page.getByTestId('lab-watch').isEnabled()).toBe(true)
  })

  it('refuses a CNAME at the apex and shows the error inline at its line and column', async () => {
    const editor = page.getByTestId('zone-text')
    const original = await editor.inputValue()
    const lines = original.split('\n')
    const aliasLine = lines.findIndex((l) => /IN ALIAS/.test(l)) + 1
    expect(aliasLine).toBeGreaterThan(1)
    await editor.fill(original.replace(/^@(\s+)60(\s+)IN ALIAS cdn\.example\.test\.$/m, '@$160$2IN CNAME cdn.example.test.'))
    await page.getByTestId('zone-save').click()
    const inline = page.getByTestId('zone-inline-error')
    await inline.waitFor()
    expect(await inline.getAttribute('data-line')).toBe(String(aliasLine))
    expect(await inline.getAttribute('data-column')).toBe('1')
    expect(await inline.textContent()).toMatch(/CNAME cannot be at the zone apex/)
    expect(await page.getByTestId('zone-gutter-error').getAttribute('data-line')).toBe(String(aliasLine))
    const problem = page.getByTestId('zone-problem')
    expect(await problem.count()).toBe(1)
    expect(await problem.textContent()).toContain(`Line ${aliasLine}, column 1`)
    expect(await page.getByTestId('zone-refused').isVisible()).toBe(true)
    expect(await editor.getAttribute('aria-invalid')).toBe('true')
    await saveScreenshotAt(page, 'lab-zone', 'lab-zone-error-light')
    // nothing was saved: the server still serves the zone it had
    expect(await addressOf('www.example.test', 'CNAME')).toEqual(['example.test'])
    // the problem's button puts the caret at line and column
    await problem.getByRole('button').click()
    const caret = await editor.evaluate((el) => (el as unknown as { selectionStart: number }).selectionStart)
    expect(caret).toBe(lines.slice(0, aliasLine - 1).join('\n').length + 1)
    await page.getByTestId('zone-revert').click()
    expect(await editor.inputValue()).toBe(original)
    expect(await page.getByTestId('zone-inline-error').count()).toBe(0)
  })

  it('logs queries with their cache state and follows a change of the simulated target’s addresses', async () => {
    // a TTL edit is served at once, without "Serve now"
    await page.getByTestId('lab-target-ttl').fill('1')
    await page.locator('[data-testid="lab-target-now"]', { hasText: 'TTL 1 s' }).waitFor()
    await page.getByTestId('lab-set-0-a').fill('192.0.2.10')
    await page.getByTestId('lab-set-0-serve').click()
    await expect.poll(() => page.getByTestId('lab-set-0-serve').getAttribute('aria-disabled')).toBe('false')
    // the button is busy while the change is applied, but keeps the focus
    expect(await page.evaluate(`document.activeElement?.getAttribute('data-testid')`)).toBe('lab-set-0-serve')
    await new Promise((r) => setTimeout(r, 1100))
    expect(await addressOf('example.test', 'A')).toEqual(['192.0.2.10'])
    expect(await addressOf('example.test', 'A')).toEqual(['192.0.2.10'])

    await page.getByTestId('lab-set-1-a').fill('192.0.2.50, 192.0.2.51')
    await page.getByTestId('lab-set-1-aaaa').fill('2001:db8::50')
    await page.getByTestId('lab-set-1-serve').click()
    await page.locator('[data-testid="lab-target-now"]', { hasText: '192.0.2.50, 192.0.2.51' }).waitFor()
    await new Promise((r) => setTimeout(r, 1100))
    expect(await addressOf('example.test', 'A')).toEqual(['192.0.2.50', '192.0.2.51'])
    expect(await addressOf('example.test', 'AAAA')).toEqual(['2001:db8::50'])

    // the log, newest first, shows the apex queries with cache states
    const apexRows = page.locator('[data-testid="qlog-row"][data-name="example.test."]')
    await page.locator('[data-testid="qlog-row"][data-name="example.test."][data-type="AAAA"]').first().waitFor()
    const newest = apexRows.first()
    expect(await newest.getAttribute('data-type')).toBe('AAAA')
    expect(await newest.textContent()).toContain('2001:db8::50')
    const states = await apexRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-cache')))
    expect(states).toContain('miss')
    expect(states).toContain('hit')
    expect(await page.getByText('A 192.0.2.50, 192.0.2.51').count()).toBeGreaterThan(0)
    expect(Number(await page.getByTestId('qlog-count').getAttribute('data-count'))).toBeGreaterThanOrEqual(5)

    // picking a row explains what the server did
    await page.locator('[data-testid="qlog-row"][data-name="example.test."][data-cache="miss"]').first().click()
    expect(await page.getByTestId('explain-entry').textContent()).toMatch(/Cache miss: the server had no fresh copy/)

    // counters follow (pushed once a second)
    await expect.poll(async () => Number(await page.getByTestId('counter-queries').getAttribute('data-value'))).toBeGreaterThanOrEqual(5)
    expect(Number(await page.getByTestId('counter-misses').getAttribute('data-value'))).toBeGreaterThan(0)
  })

  it('rotates the target every N seconds', async () => {
    await page.getByTestId('lab-rotate-every').fill('1')
    const before = Number(await page.getByTestId('lab-target-now').getAttribute('data-version'))
    await page.getByTestId('lab-rotate-start').click()
    await page.getByTestId('lab-rotation-state').waitFor()
    // Rotate and Stop rotating swap places: the focus goes with them
    await expect.poll(() => page.evaluate(`document.activeElement?.getAttribute('data-testid')`)).toBe('lab-rotate-stop')
    await expect
      .poll(async () => Number(await page.getByTestId('lab-target-now').getAttribute('data-version')), { timeout: 5000 })
      .toBeGreaterThanOrEqual(before + 2)
    await page.getByTestId('lab-rotate-stop').click()
    await page.getByTestId('lab-rotation-state').waitFor({ state: 'detached' })
    await expect.poll(() => page.evaluate(`document.activeElement?.getAttribute('data-testid')`)).toBe('lab-rotate-start')
  })

  it('looks right in light and dark (1280×800)', async () => {
    await page.getByTestId('lab-set-0-serve').click()
    await page.evaluate('window.scrollTo(0, 0)')
    await saveScreenshot(page, 'lab-light')
    await saveScreenshotAt(page, 'lab-counters', 'lab-log-light')
    const dark = await openReadyPage(browser, app.url, 'dark')
    await dark.page.getByTestId('tab-lab').click()
    await dark.page.locator('[data-testid="lab-state"][data-running="true"]').waitFor()
    for (let i = 0; i < 3; i++) await addressOf('example.test', 'A')
    await dark.page.getByTestId('qlog-row').first().waitFor()
    await saveScreenshot(dark.page, 'lab-dark')
    await saveScreenshotAt(dark.page, 'lab-counters', 'lab-log-dark')
    // the stopped state reads well too
    await pressLab(dark.page, 'stop')
    expect(await dark.page.getByTestId('lab-target-stopped').isVisible()).toBe(true)
    await dark.context.close()
  })
})
