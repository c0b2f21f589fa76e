import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { channelNames } from '@shared/channels'
import { createFakeElectron, FakeWebContents, type FakeElectron } from '../../support/fake-electron'
import { requireWithFakeElectron } from '../../support/load-with-fake-electron'

const mainEntry = resolve(__dirname, '../../../out/main/index.js')
const rendererUrl = 'app://renderer/index.html'

describe('built main entry under a fake electron', () => {
  let fake: FakeElectron

  beforeAll(async () => {
    fake = createFakeElectron()
    requireWithFakeElectron(mainEntry, fake.electron)
    await new Promise((r) => setTimeout(r, 50))
  })

  const appWindow = () => fake.windows[0]!
  const ownEvent = () => ({ sender: appWindow().webContents, senderFrame: { url: rendererUrl } })

  it('registers a handler for every channel in the registry, and no other', () => {
    expect([...fake.handlers.keys()].sort()).toEqual([...channelNames].sort())
  })

  it('opens one window with the secure webPreferences and a CommonJS preload that exists', () => {
    expect(fake.windows).toHaveLength(1)
    const prefs = appWindow().options.webPreferences
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/)
    expect(existsSync(String(prefs.preload))).toBe(true)
    expect(appWindow().loadedUrl).toBe(rendererUrl)
  })

  it('answers the app window through the validating dispatcher', async () => {
    const info = await fake.handlers.get('app:info')!(ownEvent(), undefined)
    expect(info).toMatchObject({ ok: true, value: { version: '0.0.0-test', host: 'electron' } })
    const echo = await fake.handlers.get('app:echo')!(ownEvent(), { text: 'hi' })
    expect(echo).toEqual({ ok: true, value: { text: 'hi' } })
  })

  it('refuses a sender that is not the app window', async () => {
    const foreign = { sender: new FakeWebContents(), senderFrame: { url: rendererUrl } }
    const result = await fake.handlers.get('app:echo')!(foreign, { text: 'hi' })
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('refuses the app window when the frame shows another page', async () => {
    const framed = { sender: appWindow().webContents, senderFrame: { url: 'https://evil.test/' } }
    const result = await fake.handlers.get('app:info')!(framed, undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('returns a validation error, without a stack trace, for a bad payload', async () => {
    const result = (await fake.handlers.get('app:echo')!(ownEvent(), { text: '', extra: 1 })) as {
      ok: boolean
      error: { code: string; message: string }
    }
    expect(result.ok).toBe(false)
    expect(result.error.code).toBe('validation')
    expect(result.error.message).toMatch(/text/)
    expect(result.error.message).not.toMatch(/\bat .*\.js:\d+/)
  })

  it('denies new windows and opens outside only the documentation links the app shows', () => {
    const open = appWindow().webContents.windowOpenHandler!
    const doc = 'https://www.rfc-editor.org/rfc/rfc8767'
    expect(open({ url: doc })).toEqual({ action: 'deny' })
    expect(open({ url: 'https://example.test/doc' })).toEqual({ action: 'deny' })
    expect(open({ url: 'https://www.rfc-editor.org/rfc/rfc8767/../../evil' })).toEqual({ action: 'deny' })
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(fake.opened).toEqual([doc])
  })

  it('denies every permission but the clipboard write of its own page', () => {
    const request = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined
      fake.permissions.request!({}, permission, (answer: boolean) => (granted = answer), { requestingUrl })
      return granted
    }
    expect(request('clipboard-sanitized-write', rendererUrl)).toBe(true)
    expect(request('clipboard-sanitized-write', 'https://evil.test/')).toBe(false)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(request(permission, rendererUrl), permission).toBe(false)
    }
    expect(fake.permissions.check!({}, 'clipboard-sanitized-write', 'app://renderer')).toBe(true)
    expect(fake.permissions.check!({}, 'media', 'app://renderer')).toBe(false)
  })

  it('blocks navigation away from the app', () => {
    const contents = appWindow().webContents
    let prevented = 0
    const event = { preventDefault: () => prevented++ }
    contents.emit('will-navigate', event, 'https://evil.test/')
    expect(prevented).toBe(1)
    contents.emit('will-navigate', event, rendererUrl)
    expect(prevented).toBe(1)
    // the file the page used to load from is somewhere else now
    contents.emit('will-navigate', event, 'file:///etc/passwd')
    expect(prevented).toBe(2)
  })
})
