import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { delv, delvAnchors } from '../integration/dnssec/validators'
import { saveScreenshotAt } from '../../scripts/peers/chromium'
import type { RunningWebApp } from '../../scripts/peers/web-app'
import { openAppPage, type AppPage, pressLab } from '../support/app-page'
import { tempDirForSuite } from '../support/suite-temp-dir'

/** The lab signs its zone when asked: the DS is shown and delv validates the synthesised apex (127.0.0.1 only). */
describe('DNSSEC in the lab (browser mode)', () => {
  let opened: AppPage
  let app: RunningWebApp
  let page: Page
  const dir = tempDirForSuite('alias-inspector-e2e-lab-dnssec-')

  beforeAll(async () => {
    opened = await openAppPage()
    ;({ app, page } = opened)
    await page.getByTestId('tab-lab').click()
  }, 60_000)
  afterAll(async () => {
    await opened?.close()
  })

  it('starts signed with Ed25519 and NSEC3, shows the DS, and the apex validates with delv', async () => {
    await page.getByTestId('lab-dnssec-on').check()
    await page.getByTestId('lab-dnssec-algorithm').selectOption('ed25519')
    await page.getByTestId('lab-dnssec-denial').selectOption('nsec3')
    await pressLab(page, 'start')
    const port = Number(/127\.0\.0\.1:(\d+)/.exec((await page.getByTestId('lab-state').textContent())!)?.[1])
    const ds = (await page.getByTestId('lab-ds').textContent())!
    expect(ds).toMatch(/example\.test\. IN DS \d+ 15 2 [0-9A-F]{64}/)
    const keyDir = join(app.dataDir, 'dnssec-keys')
    expect(await readdir(keyDir)).toContain('example.test+15.private.json')
    const anchors = await delvAnchors(join(keyDir, 'example.test+15.key'), dir.path)
    expect(await readFile(anchors, 'utf8')).toContain('static-key 257 3 15')
    const out = await delv(port, anchors, 'example.test.', 'example.test.', 'A')
    expect(out).toMatch(/^; fully validated$/m)
    await saveScreenshotAt(page, 'lab-dnssec', 'lab-dnssec-light')
  }, 60_000)

  it('simulates a secondary: a signed zone is refused; after an expanded transfer it serves the target’s addresses', async () => {
    await page.getByTestId('lab-secondary-transfer').click()
    expect(await page.getByTestId('lab-secondary-view').getAttribute('data-state')).toBe('refused')
    await pressLab(page, 'stop')
    await page.getByTestId('lab-dnssec-on').uncheck()
    await page.getByTestId('lab-axfr').selectOption('expanded')
    await pressLab(page, 'start')
    await page.getByTestId('lab-secondary-transfer').click()
    const view = page.getByTestId('lab-secondary-view')
    expect(await view.getAttribute('data-state')).toBe('current')
    expect(await view.textContent()).toContain('192.0.2.10')
    await saveScreenshotAt(page, 'lab-secondary', 'lab-secondary-light')
  }, 60_000)
})
