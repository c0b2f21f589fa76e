/**
 * The lab's geo regions and HTTPS AliasMode option in the window (browser mode, Chromium), checked with a real
 * `dig` against the lab server on 127.0.0.1; the DNSSEC/AXFR choice is still there after a reload.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, startLabServer, type AppPage, pressLab } from '../support/app-page'
import { saveScreenshotAt } from '../../scripts/peers/chromium'
import { requireTool } from '../../scripts/peers/require-tool'

const run = promisify(execFile)
const dig = requireTool('dig', 'bind9-dnsutils')
const digShort = async (port: number, name: string, type: string, ...extra: string[]) =>
  (await run(dig, ['@127.0.0.1', '-p', String(port), name, type, '+short', '+tries=1', '+time=2', ...extra], { timeout: 10_000 })).stdout.trim().split('\n').filter(Boolean).sort()

describe('geo regions and HTTPS AliasMode in the lab (browser mode)', () => {
  let app: AppPage
  let port: number

  beforeAll(async () => {
    app = await openAppPage()
    port = await startLabServer(app.page)
  }, 60_000)
  afterAll(async () => {
    await app?.close()
  })

  it('edits the regions, serves them at once, and shows each region’s addresses', async () => {
    const { page } = app
    await page.getByTestId('lab-geo-on').click()
    await page.locator('[data-testid="lab-geo"][data-on="true"]').waitFor()
    expect(await page.getByTestId('lab-geo-regions').locator('tbody tr').count()).toBe(5)
    expect(await digShort(port, 'cdn.example.test', 'A', '+subnet=203.0.113.0/24')).toEqual(['198.51.100.77'])
    await page.getByTestId('lab-geo-a-2').fill('198.51.100.99')
    await page.getByTestId('lab-geo-save').click()
    await page.getByTestId('lab-geo-saved').waitFor()
    expect(await digShort(port, 'cdn.example.test', 'A', '+subnet=203.0.113.0/24')).toEqual(['198.51.100.99'])
    // a mistake is named and cannot be saved
    await page.getByTestId('lab-geo-a-2').fill('198.51.100.999')
    await expect.poll(() => page.getByTestId('lab-geo-problems').textContent()).toMatch(/region ap A.*IPv4/)
    expect(await page.getByTestId('lab-geo-save').isDisabled()).toBe(true)
    await page.getByTestId('lab-geo-a-2').fill('198.51.100.99')
    await saveScreenshotAt(page, 'lab-geo', 'lab-geo-light')
  }, 60_000)

  it('serves @ HTTPS 0 target. beside the ALIAS when the option is on', async () => {
    const { page } = app
    // the box shows the lab's state: it turns on once the lab answers
    await page.getByTestId('lab-https-alias-on').click()
    await page.locator('[data-testid="lab-https-alias"][data-on="true"]').waitFor()
    await expect.poll(() => page.getByTestId('lab-https-alias-record').textContent()).toBe('example.test. 60 IN HTTPS 0 cdn.example.test.')
    expect(await digShort(port, 'example.test', 'HTTPS')).toEqual(['0 cdn.example.test.'])
    await saveScreenshotAt(page, 'lab-https-alias', 'lab-https-alias-light')
  }, 60_000)

  it('puts CNAME, ALIAS and AliasMode side by side from real questions to the lab', async () => {
    const { page } = app
    await page.getByTestId('lab-techniques-run').click()
    await page.locator('[data-testid="lab-techniques"][data-state="asked"]').waitFor()
    expect(await page.getByTestId('lab-technique-cname').textContent()).toMatch(/client → lab: www\.example\.test\. A.*CNAME example\.test\./)
    const alias = (await page.getByTestId('lab-technique-alias').textContent())!
    expect(alias).toMatch(/client → lab: example\.test\. A\s*lab → client: A 192\.0\.2\.\d+/)
    expect(alias).not.toContain('cdn.example.test')
    // AliasMode: the client gets the name and asks for it itself
    const aliasMode = (await page.getByTestId('lab-technique-aliasMode').textContent())!
    expect(aliasMode).toContain('lab → client: HTTPS 0 cdn.example.test.')
    expect(aliasMode).toContain('client → lab: cdn.example.test. A')
    await saveScreenshotAt(page, 'lab-techniques', 'lab-techniques-light')
  }, 60_000)

  it('keeps the DNSSEC and AXFR choice, the regions and the option across a reload', async () => {
    const { page } = app
    await pressLab(page, 'stop')
    await page.getByTestId('lab-dnssec-on').check()
    await page.getByTestId('lab-axfr').selectOption('expanded')
    await pressLab(page, 'start')
    await page.reload()
    await page.locator('[data-app-state="ready"]').waitFor({ timeout: 15_000 })
    await page.getByTestId('tab-lab').click()
    await page.locator('[data-testid="lab-state"][data-running="true"]').waitFor()
    expect(await page.getByTestId('lab-dnssec-on').isChecked()).toBe(true)
    expect(await page.getByTestId('lab-axfr').inputValue()).toBe('expanded')
    expect(await page.getByTestId('lab-https-alias-on').isChecked()).toBe(true)
    expect(await page.getByTestId('lab-geo-a-2').inputValue()).toBe('198.51.100.99')
  }, 60_000)
})
