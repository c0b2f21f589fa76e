import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAliasServer, type AliasServer } from '../../electron/alias-server'
import { saveScreenshotAt } from '../../scripts/peers/chromium'
import { openAppPage, type AppPage } from '../support/app-page'
import { AP6_REGION, AP_REGION, geoApexZone, geoCdn } from '../support/geo-cdn'
import { stopAll } from '../support/stop-all'

// Our ALIAS server on 127.0.0.1 with a geo CDN; its draft profile does not forward ECS.
const GEO = geoCdn(AP_REGION, AP6_REGION)

describe('the locality grid in the Inspect view (browser mode)', () => {
  let server: AliasServer
  let opened: AppPage
  let page: Page

  beforeAll(async () => {
    server = await startAliasServer({
      zones: [geoApexZone()],
      upstream: { mode: 'simulated' },
      geo: GEO,
      logQueries: false
    })
    opened = await openAppPage()
    page = opened.page
  })

  afterAll(() => stopAll(opened, server))

  it('refuses a word that is neither subnet nor preset, then shows the grid and the careful verdict', async () => {
    await page.getByTestId('resolver-picker-toggle').click()
    await page.getByTestId('resolver-add-input').fill(`127.0.0.1:${server.port}`)
    await page.getByTestId('resolver-add-input').press('Enter')
    await page.keyboard.press('Escape')
    await page.getByTestId('options-toggle').click()
    await page.getByTestId('authoritative-port').fill(String(server.port))
    await page.getByTestId('timeout-seconds').fill('1')
    await page.getByTestId('apex-input').fill('example.test')
    await page.getByTestId('target-input').fill('cdn.example.test')
    await page.getByTestId('inspect-subnets').fill('ap mars')
    await page.getByTestId('inspect-button').click()
    await expect(page.getByTestId('inspect-subnets-problem').textContent()).resolves.toMatch(/"mars" is neither a subnet/)

    await page.getByTestId('inspect-subnets').fill('presets')
    await page.getByTestId('inspect-button').click()
    await page.getByTestId('locality-grid').waitFor({ timeout: 20_000 })
    const rows = page.getByTestId('locality-row')
    expect(await rows.count()).toBe(5)
    const ap = rows.filter({ hasText: '203.0.113.0/24' })
    expect(await ap.getAttribute('data-same')).toBe('false')
    expect(await ap.textContent()).toContain('198.51.100.77')
    expect(await page.getByTestId('locality').getAttribute('data-kind')).toBe('default-node')
    const verdict = await page.getByTestId('locality-verdict').textContent()
    expect(verdict).toContain('consistent with an ALIAS server that does not forward ECS')
    expect(verdict).toContain('many CDNs honour ECS only from resolvers they allow')
    await saveScreenshotAt(page, 'locality', 'locality-grid')
  })

  it('the advisor, for a DNS host it cannot recognise and a target that varies, recommends a www redirect and shows every option', async () => {
    await page.getByTestId('advise-button').click()
    const summary = page.getByTestId('advice-summary')
    await summary.waitFor({ timeout: 20_000 })
    expect(await summary.getAttribute('data-recommendation')).toBe('www-redirect')
    expect(await page.locator('[data-testid="advice-options"] tbody tr').count()).toBe(4)
    expect(await page.locator('[data-technique="provider-alias"]').getAttribute('data-usable')).toBe('false')
    expect(await page.getByTestId('advice-reasons').textContent()).toContain('answers differently by client subnet')
    await saveScreenshotAt(page, 'advice', 'advice-panel')
  })
})
