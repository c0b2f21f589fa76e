import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAliasServer, type AliasServer } from '../../electron/alias-server'
import { zoneHead, zoneOf } from '../integration/alias-server/support/zones'
import { openAppPage, type AppPage } from '../support/app-page'
import { saveScreenshotAt } from '../../scripts/peers/chromium'
import { startUnbound, type UnboundServer } from '../../scripts/peers/unbound'
import { tempDirForSuite } from '../support/suite-temp-dir'
import { stopAll } from '../support/stop-all'

// A signed ALIAS server (powerdns profile for the second server) behind validating Unbounds, all on 127.0.0.1.
const ZONE = [zoneHead('example.test.', 3600, 60), '@ 60 IN ALIAS cdn.example.test.'].join('\n')

describe('the Inspect view shows DNSSEC per resolver (browser mode)', () => {
  const dir = tempDirForSuite('alias-inspector-e2e-dnssec-')
  let signed: AliasServer
  let unsigned: AliasServer
  let good: UnboundServer
  let bad: UnboundServer
  let anchor: string
  let opened: AppPage | undefined
  let page: Page

  beforeAll(async () => {
    signed = await startAliasServer({ zones: [zoneOf(ZONE)], upstream: { mode: 'simulated' }, logQueries: false, dnssec: { keyDir: dir.path } })
    unsigned = await startAliasServer({ zones: [zoneOf(ZONE)], upstream: { mode: 'simulated' }, logQueries: false, dnssec: { keyDir: dir.path }, settings: { profile: 'powerdns' } })
    anchor = (await readFile(`${dir.path}/example.test+13.key`, 'utf8')).trim()
    good = await startUnbound({ stubs: [{ zone: 'example.test.', port: signed.port }], trustAnchors: [anchor] })
    bad = await startUnbound({ stubs: [{ zone: 'example.test.', port: unsigned.port }], trustAnchors: [anchor] })
    opened = await openAppPage()
    ;({ page } = opened)
  }, 90_000)

  afterAll(() => stopAll(opened, bad, good, unsigned, signed))

  it('lists AD, the apex RRSIGs and the own validation: secure through one, bogus (PowerDNS-like) through the other', async () => {
    await page.getByTestId('inspect-view').waitFor()
    await page.getByTestId('resolver-picker-toggle').click()
    for (const port of [good.port, bad.port]) {
      await page.getByTestId('resolver-add-input').fill(`127.0.0.1:${port}`)
      await page.getByTestId('resolver-add-input').press('Enter')
      await page.locator('[data-testid="selected-resolvers"] li', { hasText: `127.0.0.1:${port}` }).waitFor()
    }
    await page.getByTestId('resolver-picker-toggle').click()
    await page.getByTestId('options-toggle').click()
    await page.getByTestId('skip-authoritative').check()
    await page.getByTestId('dnssec-check').check()
    await page.getByTestId('dnssec-anchor').fill(anchor)
    await page.getByTestId('apex-input').fill('example.test')
    await page.getByTestId('target-input').fill('cdn.example.test')
    await page.getByTestId('apex-input').press('Enter')
    await page.getByTestId('dnssec-panel').waitFor({ timeout: 30_000 })
    const rows = page.getByTestId('dnssec-row')
    await expect(rows.count()).resolves.toBe(2)
    const byValidation = async (v: string) => page.locator(`[data-testid="dnssec-row"][data-validation="${v}"]`)
    const secure = await byValidation('secure')
    expect(await secure.getAttribute('data-ad')).toBe('true')
    expect(await secure.textContent()).toContain(`key ${signed.dnssec()[0]!.keyTag}`)
    const bogus = await byValidation('bogus')
    expect(await bogus.getAttribute('data-ad')).toBe('false')
    expect(await bogus.textContent()).toMatch(/no RRSIG[\s\S]*SERVFAIL|SERVFAIL[\s\S]*no RRSIG/)
    await saveScreenshotAt(page, 'dnssec-panel', 'inspect-dnssec-light')
  }, 90_000)
})
