import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { walkWireFields } from '../../renderer/src/model/inspect/wire-fields'
import { openAppPage, openReadyPage, type AppPage } from '../support/app-page'
import { addResolver, inspectAndWait, openPicker, setAuthoritativePort } from '../support/inspect-form'
import { saveScreenshot } from '../../scripts/peers/chromium'
import { startKnot, type KnotServer } from '../../scripts/peers/knot'
import { startUnbound, type UnboundServer } from '../../scripts/peers/unbound'
import { freePort } from '../../scripts/peers/ports'
import type { RunningWebApp } from '../../scripts/peers/web-app'
import { stopAll } from '../support/stop-all'

// Everything below talks to 127.0.0.1 only: Knot (authoritative), Unbound (recursive, stubbed to Knot) and
// a port nobody listens on. No preset resolver is ever selected.
const EXAMPLE_ZONE = `$ORIGIN example.test.
$TTL 300
@         3600 IN SOA   ns1.example.test. hostmaster.example.test. 1 7200 900 1209600 300
@         3600 IN NS    ns1.example.test.
ns1       3600 IN A     127.0.0.1
@           60 IN A     192.0.2.10
@           60 IN A     192.0.2.11
@           60 IN AAAA  2001:db8::10
@           60 IN AAAA  2001:db8::99
www        300 IN CNAME cdn.example.test.
cdn        300 IN CNAME edge.cdn.example.test.
edge.cdn   120 IN A     192.0.2.10
edge.cdn   120 IN A     192.0.2.11
edge.cdn   120 IN A     192.0.2.12
edge.cdn   120 IN AAAA  2001:db8::10
`

// Short TTLs, for expiry and auto-refresh.
const FAST_ZONE = `$ORIGIN fast.test.
@         3600 IN SOA   ns1.fast.test. hostmaster.fast.test. 1 7200 900 1209600 3
@         3600 IN NS    ns1.fast.test.
ns1       3600 IN A     127.0.0.1
@            3 IN A     192.0.2.20
cdn          3 IN A     192.0.2.20
`

describe('the Inspect view in Chromium (browser mode)', () => {
  let opened: AppPage | undefined
  let app: RunningWebApp
  let browser: Browser
  let knot: KnotServer
  let unbound: UnboundServer
  let deadPort: number
  let context: BrowserContext
  let page: Page

  const knotLabel = () => `127.0.0.1:${knot.port}`
  const unboundLabel = () => `127.0.0.1:${unbound.port}`
  const deadLabel = () => `127.0.0.1:${deadPort}`
  const group = (label: string) => page.locator(`[data-testid="resolver-group"][data-resolver="${label}"]`)

  beforeAll(async () => {
    knot = await startKnot({ zones: { 'example.test.': EXAMPLE_ZONE, 'fast.test.': FAST_ZONE } })
    unbound = await startUnbound({
      stubs: [
        { zone: 'example.test.', port: knot.port },
        { zone: 'fast.test.', port: knot.port }
      ]
    })
    deadPort = await freePort()
    opened = await openAppPage()
    ;({ app, browser, context, page } = opened)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin })
  })

  afterAll(() => stopAll(opened, unbound, knot))

  it('explains what is missing instead of inspecting with nothing', async () => {
    await page.getByTestId('inspect-view').waitFor()
    await expect(page.getByTestId('inspect-empty').textContent()).resolves.toMatch(/RFC 1034/)
    expect(await page.getByTestId('resolver-picker-toggle').textContent()).toContain('none')
    await page.getByTestId('inspect-button').click()
    await expect(page.getByTestId('apex-error').textContent()).resolves.toMatch(/Type the apex/)
    await expect(page.getByTestId('resolvers-error').textContent()).resolves.toMatch(/Pick at least one resolver/)
  })

  it('adds loopback resolvers through the picker and shows a bad one inline', async () => {
    await openPicker(page)
    // the public presets are collapsed and never selected here
    expect(await page.getByTestId('resolver-group-public').getAttribute('open')).toBeNull()
    await page.getByTestId('resolver-add-input').fill('not a resolver!')
    await page.getByTestId('resolver-add').click()
    const error = page.getByTestId('resolver-add-error')
    await error.waitFor()
    expect((await error.textContent())!.length).toBeGreaterThan(5)
    expect(await page.getByTestId('resolver-add-input').getAttribute('aria-invalid')).toBe('true')

    await addResolver(page, knotLabel())
    await addResolver(page, unboundLabel())
    await addResolver(page, deadLabel())
    expect(await page.getByTestId('resolver-add-error').count()).toBe(0)
    expect(await page.locator('[data-testid="selected-resolvers"] li').count()).toBe(3)
    await page.keyboard.press('Escape')
    await page.getByTestId('resolver-picker').waitFor({ state: 'detached' })
    await expect(page.getByTestId('resolver-picker-toggle').textContent()).resolves.toContain('3 selected')
  })

  it('suggests the target and lets the keyboard pick it', async () => {
    await setAuthoritativePort(page, knot.port)
    await page.getByTestId('apex-input').fill('example.test')
    await page.getByTestId('target-input').focus()
    const option = page.getByTestId('target-suggestion').first()
    await option.waitFor({ timeout: 15_000 })
    await expect(option.textContent()).resolves.toMatch(/cdn\.example\.test.*www CNAME.*www\.example\.test is a CNAME/)
    await page.getByTestId('target-input').press('ArrowDown')
    expect(await option.getAttribute('aria-selected')).toBe('true')
    await page.getByTestId('target-input').press('Enter')
    expect(await page.getByTestId('target-input').inputValue()).toBe('cdn.example.test')
    expect(await page.getByTestId('target-suggestions').isHidden()).toBe(true)
  })

  it('inspects example.test against cdn.example.test: verdict, aligned rows, chain, failed resolver', async () => {
    await inspectAndWait(page)
    const banner = page.getByTestId('verdict-banner')
    expect(await banner.getAttribute('data-verdict')).toBe('likely')
    await expect(banner.textContent()).resolves.toContain('example.test follows cdn.example.test')
    await expect(page.getByTestId('verdict-evidence').textContent()).resolves.toMatch(/no CNAME at the apex/)
    // which provider profiles the behaviour fits, in words
    await expect(page.getByTestId('behaviour-evidence').textContent()).resolves.toMatch(/NS names .*no known provider/)
    await expect(page.getByTestId('behaviour-consistent').textContent()).resolves.toMatch(/draft|powerdns|technitium/)

    for (const label of [knotLabel(), unboundLabel()]) {
      const g = group(label)
      const matches = g.locator('[data-testid="aligned-row"][data-kind="match"]')
      expect(await matches.count()).toBe(3) // 192.0.2.10, .11 and 2001:db8::10
      // a match is one row holding the same address on both sides
      const first = matches.first()
      expect(await first.getAttribute('data-address')).toBe('192.0.2.10')
      await expect(first.getByTestId('apex-cell').textContent()).resolves.toContain('192.0.2.10')
      await expect(first.getByTestId('target-cell').textContent()).resolves.toContain('192.0.2.10')
      const onlyTarget = g.locator('[data-testid="aligned-row"][data-kind="only-target"]')
      expect(await onlyTarget.getAttribute('data-address')).toBe('192.0.2.12')
      await expect(onlyTarget.getByTestId('apex-cell').textContent()).resolves.toContain('not in the apex answer')
      const onlyApex = g.locator('[data-testid="aligned-row"][data-kind="only-apex"]')
      expect(await onlyApex.getAttribute('data-address')).toBe('2001:db8::99')
      // the target's path: apex ⇢ cdn → edge.cdn
      expect(await g.getByTestId('chain-node').allTextContents()).toEqual(['example.test', 'cdn.example.test', 'edge.cdn.example.test'])
      await expect(g.getByTestId('resolver-rtt').textContent()).resolves.toMatch(/^RTT \d+(\.\d)? ms$/)
      expect(await g.getByTestId('authoritative-ttl').first().textContent()).toMatch(/Auth TTL\s*60 s/)
    }

    // the dead resolver fails in its own group; the others are still there
    const dead = group(deadLabel())
    const error = dead.getByTestId('resolver-error')
    await error.waitFor()
    expect(['refused', 'timeout', 'unreachable']).toContain(await error.getAttribute('data-error-code'))
    expect(await dead.locator('[data-testid="aligned-row"]').count()).toBe(0)
    expect(await page.getByTestId('resolver-group').count()).toBe(3)
    await page.getByTestId('options-toggle').click()
    await page.getByTestId('inspect-options').waitFor({ state: 'detached' })
    await saveScreenshot(page, 'inspect-light')
    await page.evaluate(`document.querySelector('[data-testid="side-by-side"]').scrollIntoView()`)
    await saveScreenshot(page, 'inspect-side-by-side-light')
    await page.evaluate('window.scrollTo(0, 0)')
  })

  it('counts TTLs down, and shows the recursive resolver\'s cache age against the authoritative TTL', async () => {
    const ttl = group(knotLabel()).getByTestId('apex-ttl').first()
    const first = Number(await ttl.getAttribute('data-remaining'))
    expect(first).toBeGreaterThan(50)
    expect(first).toBeLessThanOrEqual(60)
    await expect(ttl.textContent()).resolves.toMatch(/^TTL(\d+s|1m00s)/)
    await page.waitForTimeout(2200)
    const later = Number(await ttl.getAttribute('data-remaining'))
    expect(later).toBeLessThan(first)
    expect(later).toBeGreaterThanOrEqual(first - 4)

    // asked again, Unbound answers from its cache: its TTL is below the zone's 60 s
    await inspectAndWait(page)
    const cache = group(unboundLabel()).getByTestId('cache-age').first()
    await expect(cache.textContent()).resolves.toMatch(/^cached for [1-9]\d* s of 60 s$/)
    // Knot is authoritative (AA): nothing is cached there
    expect(await group(knotLabel()).getByTestId('cache-age').count()).toBe(0)
  })

  it('opens the raw answer: flags, sections, EDNS, a hex dump that names the field under the pointer, dig', async () => {
    await group(knotLabel()).getByTestId('raw-apex-A').click()
    const drawer = page.getByTestId('raw-drawer')
    await page.locator('[data-testid="raw-drawer"][data-state="ready"]').waitFor({ timeout: 10_000 })
    expect(await drawer.getByTestId('flag-aa').getAttribute('data-set')).toBe('true')
    expect(await drawer.getByTestId('flag-qr').getAttribute('data-set')).toBe('true')
    await expect(drawer.getByTestId('raw-section-answer').textContent()).resolves.toMatch(/192\.0\.2\.10/)
    await expect(drawer.getByTestId('raw-edns').textContent()).resolves.toMatch(/Cookie/)
    await expect(drawer.getByTestId('raw-rtt').textContent()).resolves.toMatch(/exchange/)

    // the same walker as the component's tells the test where the first answer's TTL sits
    const hexBytes = drawer.getByTestId('hex-byte')
    const bytes = Uint8Array.from((await hexBytes.allTextContents()).map((h) => parseInt(h, 16)))
    const ttlField = walkWireFields(bytes).fields.find((f) => f.label === 'Answer 1 · TTL')!
    expect(ttlField.end - ttlField.start).toBe(4)
    await hexBytes.nth(ttlField.start + 1).hover()
    await expect.poll(() => drawer.getByTestId('hex-legend').textContent()).toMatch(/Answer 1 · TTL: 60 s/)
    const highlighted = await Promise.all(
      [ttlField.start - 1, ttlField.start, ttlField.end - 1, ttlField.end].map((i) => hexBytes.nth(i).getAttribute('data-active'))
    )
    expect(highlighted).toEqual([null, 'true', 'true', null])
    await hexBytes.nth(0).hover()
    await expect.poll(() => drawer.getByTestId('hex-legend').textContent()).toMatch(/^Header · ID/)
    await saveScreenshot(page, 'inspect-raw-light')

    const dig = (await drawer.getByTestId('dig-command').textContent())!
    expect(dig).toMatch(new RegExp(`^dig @127\\.0\\.0\\.1 -p ${knot.port} example\\.test\\.? A `))
    expect(dig).toContain('+nsid')
    await drawer.getByTestId('copy-dig').click()
    await expect.poll(() => drawer.getByTestId('copy-status').textContent()).toBe('Copied.')
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(dig)

    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
  })

  it('shows "expired" at 0 and auto-refreshes once per expiry wave', async () => {
    await page.getByTestId('apex-input').fill('fast.test')
    await page.getByTestId('target-input').fill('cdn.fast.test')
    await inspectAndWait(page)
    const results = page.getByTestId('inspect-results')
    const runs = Number(await results.getAttribute('data-runs'))
    const startedAt = await results.getAttribute('data-started-at')
    const ttl = group(knotLabel()).getByTestId('apex-ttl').first()
    await expect.poll(() => ttl.textContent(), { timeout: 8000 }).toContain('expired')
    expect(await ttl.getAttribute('data-remaining')).toBe('0')
    // every row of every resolver has expired by now: switching auto-refresh on re-runs once
    await page.getByTestId('auto-refresh').check()
    await page.locator(`[data-testid="inspect-results"][data-runs="${runs + 1}"]`).waitFor({ timeout: 8000 })
    expect(await results.getAttribute('data-started-at')).not.toBe(startedAt)
    await page.waitForTimeout(1500)
    expect(Number(await results.getAttribute('data-runs'))).toBe(runs + 1)
    await expect(ttl.textContent()).resolves.not.toContain('expired')
    await page.getByTestId('auto-refresh').uncheck()
  })

  it('keeps recent domains on the main side across a reload', async () => {
    const saved = JSON.parse(await readFile(join(app.dataDir, 'preferences.json'), 'utf8')) as {
      recent: { apex: string; target?: string }[]
    }
    expect(saved.recent.map((r) => r.apex)).toEqual(['fast.test', 'example.test'])
    await page.reload()
    await page.locator('[data-app-state="ready"]').waitFor()
    const recent = page.getByTestId('recent-domain')
    await recent.first().waitFor()
    expect(await recent.allTextContents()).toEqual(['fast.test → cdn.fast.test', 'example.test → cdn.example.test'])
    await recent.nth(1).click()
    expect(await page.getByTestId('apex-input').inputValue()).toBe('example.test')
    expect(await page.getByTestId('target-input').inputValue()).toBe('cdn.example.test')
  })

  it('looks right in dark mode and at 1024×700', async () => {
    const dark = await openReadyPage(browser, app.url, 'dark')
    try {
      page = dark.page
      // the custom resolvers are saved on the main side; this window selects them again
      await openPicker(page)
      for (const label of [knotLabel(), unboundLabel(), deadLabel()]) {
        await page.getByTestId('resolver-group-custom').getByRole('checkbox', { name: `${label} UDP`, exact: true }).check()
      }
      await page.keyboard.press('Escape')
      await page.getByTestId('recent-domain').filter({ hasText: 'example.test' }).first().click()
      await setAuthoritativePort(page, knot.port)
      await page.getByTestId('options-toggle').click()
      await inspectAndWait(page)
      expect(await page.getByTestId('verdict-banner').getAttribute('data-verdict')).toBe('likely')
      await saveScreenshot(page, 'inspect-dark')
      await page.setViewportSize({ width: 1024, height: 700 })
      const width = Number(await page.evaluate('document.documentElement.scrollWidth'))
      expect(width).toBeLessThanOrEqual(1024)
      await saveScreenshot(page, 'inspect-1024x700')
      await page.evaluate(`document.querySelector('[data-testid="side-by-side"]').scrollIntoView()`)
      await saveScreenshot(page, 'inspect-side-by-side-dark-1024x700')
      await group(knotLabel()).getByTestId('raw-apex-A').click()
      await page.locator('[data-testid="raw-drawer"][data-state="ready"]').waitFor({ timeout: 10_000 })
      await saveScreenshot(page, 'inspect-raw-dark-1024x700')
    } finally {
      await dark.context.close()
    }
  })
})
