import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openPage, saveScreenshot } from '../../scripts/peers/chromium'
import { startTableServer, type TableServer } from '../support/inspector/table-server'
import { tempDir, type TempDir } from '../../scripts/peers/temp-dir'
import { startWebApp, type RunningWebApp } from '../../scripts/peers/web-app'

const zoneText = '$ORIGIN dropped.test.\n$TTL 300\n@ IN SOA ns1 host 1 3600 600 86400 300\n@ IN NS ns1\nns1 IN A 127.0.0.1\n'

describe('opening files and links in browser mode (the same contract as the desktop)', () => {
  let server: TableServer
  let data: TempDir
  let app: RunningWebApp
  let browser: Browser

  beforeAll(async () => {
    server = await startTableServer(
      [
        { name: 'example.test', type: 'A', ttl: 60, data: '192.0.2.10' },
        { name: 'cdn.example.test', type: 'A', ttl: 60, data: '192.0.2.10' }
      ],
      0
    )
    // a saved resolver for the table server, so the inspection a link asks for has somewhere to go
    data = await tempDir('alias-inspector-links-')
    await mkdir(data.path, { recursive: true })
    const target = { transport: 'udp', host: '127.0.0.1', port: server.port }
    await writeFile(
      join(data.path, 'resolvers.json'),
      JSON.stringify({ version: 1, resolvers: [{ id: 'custom-table', label: 'Table server', input: `127.0.0.1:${server.port}`, target, addedAt: new Date().toISOString() }] })
    )
    app = await startWebApp(['--data-dir', data.path, '--open', 'alias-inspector://inspect/example.test?target=cdn.example.test'])
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await server?.stop()
    await data?.cleanup()
  })

  it('a link given at start opens the Inspect view filled in and runs it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' })
    await context.addInitScript(() => localStorage.setItem('alias-inspector-selected-resolvers', JSON.stringify(['custom-table'])))
    const page = await context.newPage()
    await page.goto(app.url)
    await page.locator('[data-app-state="ready"]').waitFor()
    const results = page.getByTestId('inspect-results')
    await results.waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('apex-input').inputValue()).toBe('example.test')
    expect(await page.getByTestId('inspected-at').textContent()).toContain('example.test')
    expect(server.received.some((q) => q.startsWith('example.test A'))).toBe(true)
    expect(server.received.some((q) => q.startsWith('cdn.example.test A'))).toBe(true)
    await saveScreenshot(page, 'desktop-link-inspect-light')
    await context.close()
  })

  it('a zone file dropped on the window lands in the lab editor, unsaved, by name', async () => {
    const { context, page } = await openPage(browser, app.url, 'dark')
    await page.locator('[data-app-state="ready"]').waitFor()
    // the page's own DOM: a drag and a drop as the browser delivers them, with a File in the DataTransfer
    await page.evaluate(`(() => {
      window.__transfer = new DataTransfer()
      window.__transfer.items.add(new File([${JSON.stringify(zoneText)}], 'dropped.test.zone', { type: 'text/dns' }))
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: window.__transfer, cancelable: true }))
    })()`)
    await page.getByTestId('drop-overlay').waitFor()
    await saveScreenshot(page, 'desktop-drop-overlay-dark')
    await page.evaluate(`window.dispatchEvent(new DragEvent('drop', { dataTransfer: window.__transfer, cancelable: true }))`)
    await page.getByTestId('drop-overlay').waitFor({ state: 'detached' })
    await page.locator('#panel-lab:not([hidden])').waitFor()
    await expect.poll(() => page.getByTestId('zone-text').inputValue()).toBe(zoneText)
    expect(await page.getByTestId('zone-saved').textContent()).toContain('Opened dropped.test.zone')
    await saveScreenshot(page, 'desktop-drop-zone-dark')
    await context.close()
  })

  it('Open file… takes a watch export and shows it as a session; a wrong file says why', async () => {
    const { context, page } = await openPage(browser, app.url)
    await page.locator('[data-app-state="ready"]').waitFor()
    const session = {
      id: 'old', apex: 'export.test', target: 'cdn.export.test', resolvers: [{ transport: 'udp', host: '127.0.0.1', port: 5300 }],
      labels: ['lab'], mode: 'interval', intervalSeconds: 1, state: 'stopped', startedAtWallMs: 1_700_000_000_000,
      endedAtWallMs: 1_700_000_060_000, sampleCount: 1
    }
    const sample = {
      sessionId: 'old', seq: 0, resolverIndex: 0, side: 'apex', family: 'A', elapsedMs: 0, receivedAtWallMs: 1_700_000_000_000,
      receivedAtMonoMs: 0, status: 'ok', values: ['192.0.2.1'], ttl: 60
    }
    const exported = JSON.stringify({ format: 'alias-inspector-watch', version: 1, session, samples: [sample] })
    await page.getByTestId('open-file-input').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(exported) })
    await page.locator('#panel-watch:not([hidden])').waitFor()
    await expect.poll(() => page.getByTestId('watch-session').textContent(), { timeout: 10_000 }).toContain('export.test')

    await page.getByTestId('open-file-input').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('session_id,seq,resolver_index,x\r\n') })
    const problem = page.getByTestId('open-problem')
    await problem.waitFor()
    expect(await problem.textContent()).toContain('notes.csv was not opened')
    await saveScreenshot(page, 'desktop-open-problem-light')
    await context.close()
  })

  it('keeps the notifications setting on the main side, and lists the documentation it links to', async () => {
    const { context, page } = await openPage(browser, app.url)
    await page.locator('[data-app-state="ready"]').waitFor()
    await page.getByTestId('tab-about').click()
    const toggle = page.getByTestId('notifications-toggle')
    await expect.poll(() => toggle.isEnabled()).toBe(true)
    expect(await toggle.isChecked()).toBe(true)
    await toggle.uncheck()
    await expect.poll(() => toggle.isChecked()).toBe(false)
    await page.goto(app.url)
    await page.locator('[data-app-state="ready"]').waitFor()
    await page.getByTestId('tab-about').click()
    await expect.poll(() => page.getByTestId('notifications-toggle').isEnabled()).toBe(true)
    expect(await page.getByTestId('notifications-toggle').isChecked()).toBe(false)
    expect(await page.getByTestId('doc-links').locator('a').count()).toBeGreaterThan(3)
    await saveScreenshot(page, 'desktop-about-light')
    await context.close()
  })
})
