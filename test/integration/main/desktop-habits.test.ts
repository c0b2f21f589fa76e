import { createSocket } from 'node:dgram'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AppCommand } from '@shared/desktop'
import { createFakeElectron, type FakeElectron, type FakeElectronOptions } from '../../support/fake-electron'
import { requireWithFakeElectron } from '../../support/load-with-fake-electron'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'
import { sample } from '../../support/watch-sample'

const mainEntry = resolve(__dirname, '../../../out/main/index.js')
const appUrl = 'app://renderer/index.html'
const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms))
// generous: the lead runs everything at once on two busy cores
const patiently = { timeout: 15_000, interval: 20 }

interface Launched {
  fake: FakeElectron
  dir: TempDir
  call(channel: string, payload?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>
  takeCommands(): Promise<AppCommand[]>
  /** Takes commands until `count` have come. */
  commandsUntil(count: number): Promise<AppCommand[]>
}

const launched: Launched[] = []
afterEach(async () => {
  for (const l of launched.splice(0)) {
    for (const window of l.fake.windows) window.destroyed = true
    await quitAndWait(l)
    await l.dir.cleanup()
  }
})

/** The lab server let go of its UDP port: it can be bound again. */
async function expectPortFree(port: number): Promise<void> {
  const socket = createSocket('udp4')
  await new Promise<void>((bound, failed) => {
    socket.once('error', failed)
    socket.bind(port, '127.0.0.1', () => bound())
  })
  socket.close()
}

/** Quits as Electron does: 'will-quit' may hold the quit, and the app calls quit() again once it has stopped. */
async function quitAndWait(l: Launched): Promise<{ held: boolean }> {
  let held = false
  const quits = l.fake.calls.filter((c) => c === 'app.quit').length
  l.fake.app.emit('will-quit', { preventDefault: () => (held = true) })
  if (held) await vi.waitFor(() => expect(l.fake.calls.filter((c) => c === 'app.quit').length).toBe(quits + 1), patiently)
  await settle()
  return { held }
}

/** Loads the built main entry as a fresh app with its own user-data folder, launched with `argv`. */
async function launch(options: FakeElectronOptions = {}, argv: string[] = [], dir?: TempDir): Promise<Launched> {
  const data = dir ?? (await tempDir('alias-inspector-desktop-'))
  const fake = createFakeElectron({ userData: data.path, ...options })
  const savedArgv = process.argv
  process.argv = [process.execPath, mainEntry, ...argv]
  try {
    requireWithFakeElectron(mainEntry, fake.electron)
    // 'activate' is the last thing the app sets up, after the window and the launch's links and files
    await vi.waitFor(() => expect(fake.app.listeners.has('activate')).toBe(true), patiently)
  } finally {
    process.argv = savedArgv
  }
  const call = async (channel: string, payload?: unknown) => {
    const window = fake.windows[0]!
    return (await fake.handlers.get(channel)!({ sender: window.webContents, senderFrame: { url: appUrl } }, payload)) as Awaited<
      ReturnType<Launched['call']>
    >
  }
  const takeCommands = async () => (await call('app:takeCommands')).value as AppCommand[]
  const commandsUntil = async (count: number) => {
    const got: AppCommand[] = []
    await vi.waitFor(async () => {
      got.push(...(await takeCommands()))
      expect(got.length).toBeGreaterThanOrEqual(count)
    }, patiently)
    return got
  }
  const result = { fake, dir: data, call, takeCommands, commandsUntil }
  launched.push(result)
  return result
}

type MenuItem = { id?: string; label?: string; role?: string; accelerator?: string; click?: () => void; submenu?: MenuItem[] }
const menuItems = (fake: FakeElectron): MenuItem[] =>
  (fake.menu.template as MenuItem[]).flatMap((top) => [top, ...(top.submenu ?? [])])
const menuItem = (fake: FakeElectron, id: string) => menuItems(fake).find((item) => item.id === id)!

describe('the desktop shell under a fake electron', () => {
  it('serves the app from app://renderer, with its CSP, and nothing outside the built renderer', async () => {
    const { fake } = await launch()
    expect(fake.windows[0]!.loadedUrl).toBe(appUrl)
    expect(fake.schemes.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
    const handle = fake.schemes.handlers.get('app')!
    const page = await handle(new Request(appUrl))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await page.text()).toContain('<div id="root"')
    const script = (await readFile(resolve(__dirname, '../../../out/renderer/index.html'), 'utf8')).match(/src="\.\/(assets\/[^"]+\.js)"/)![1]!
    const js = await handle(new Request(`app://renderer/${script}`))
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toMatch(/javascript/)
    for (const url of ['app://renderer/../../../../etc/passwd', 'app://renderer/%2e%2e/%2e%2e/main/index.js', 'app://other/index.html', 'app://renderer/missing.js']) {
      expect((await handle(new Request(url))).status, url).toBe(404)
    }
    expect((await handle(new Request(appUrl, { method: 'POST', body: 'x' }))).status).toBe(405)
  })

  it('a second launch quits at once; the first focuses its window and takes over the link', async () => {
    const second = createFakeElectron({ singleInstanceLock: false })
    requireWithFakeElectron(mainEntry, second.electron)
    expect(second.calls).toContain('app.quit')
    expect(second.windows).toHaveLength(0)

    const first = await launch()
    const window = first.fake.windows[0]!
    window.minimized = true
    await first.takeCommands()
    first.fake.app.emit('second-instance', {}, ['/opt/alias-inspector/alias-inspector', 'alias-inspector://inspect/example.com?target=cdn.example.net'], '/home/someone')
    expect(window.minimized).toBe(false)
    expect(window.focused).toBeGreaterThan(0)
    expect(await first.commandsUntil(1)).toEqual([{ kind: 'inspect', apex: 'example.com', target: 'cdn.example.net' }])
    // the window is told that something waits
    expect(window.webContents.sent.some((m) => m.channel === 'app:commands')).toBe(true)
  })

  it('a link given at launch opens the Inspect view filled in; a bad one says why, and is not run', async () => {
    const { commandsUntil } = await launch({}, ['alias-inspector://inspect/example.com?target=cdn.example.net', 'alias-inspector://inspect/exa mple.com?x=1'])
    const commands = await commandsUntil(2)
    expect(commands[0]).toEqual({ kind: 'inspect', apex: 'example.com', target: 'cdn.example.net' })
    expect(commands[1]).toMatchObject({ kind: 'problem' })
    expect((commands[1] as { message: string }).message).toMatch(/The link was not opened: .*not a domain name/)
    expect(commands).toHaveLength(2)
  })

  it('remembers the window\'s size, position and maximised state, atomically, and restores them', async () => {
    const first = await launch()
    const window = first.fake.windows[0]!
    window.moveTo({ x: 120, y: 80, width: 1300, height: 900 })
    window.maximize()
    window.close()
    await vi.waitFor(async () => {
      const saved = JSON.parse(await readFile(join(first.dir.path, 'window-state.json'), 'utf8'))
      expect(saved).toEqual({ version: 1, bounds: { x: 120, y: 80, width: 1300, height: 900 }, maximized: true })
    }, patiently)

    const again = await launch({}, [], first.dir)
    launched.splice(launched.indexOf(first), 1)
    const reopened = again.fake.windows[0]!
    expect(reopened.bounds).toEqual({ x: 120, y: 80, width: 1300, height: 900 })
    reopened.emit('ready-to-show')
    expect(reopened.maximized).toBe(true)
  })

  it('forgets a position no display shows any more, but keeps the size', async () => {
    const dir = await tempDir('alias-inspector-desktop-')
    await writeFile(join(dir.path, 'window-state.json'), JSON.stringify({ version: 1, bounds: { x: 5000, y: 3000, width: 1100, height: 750 }, maximized: false }))
    const { fake } = await launch({ workAreas: [{ x: 0, y: 0, width: 1920, height: 1080 }] }, [], dir)
    expect(fake.windows[0]!.options).toMatchObject({ width: 1100, height: 750 })
    expect(fake.windows[0]!.options.x).toBeUndefined()
  })

  it('has an application menu with the usual roles and the app\'s accelerators; DevTools only in development', async () => {
    const { fake, takeCommands } = await launch()
    const items = menuItems(fake)
    const accelerators = Object.fromEntries(items.filter((i) => i.id).map((i) => [i.id, i.accelerator]))
    expect(accelerators).toMatchObject({
      'new-inspection': 'CmdOrCtrl+N',
      'open-zone': 'CmdOrCtrl+O',
      'view-inspect': 'CmdOrCtrl+1',
      'view-watch': 'CmdOrCtrl+2',
      'view-lab': 'CmdOrCtrl+3'
    })
    expect(items.find((i) => i.id === 'export')!.label).toBe('Export…')
    const roles = items.map((i) => i.role).filter(Boolean)
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'reload', 'about']))
    expect(roles).not.toContain('toggleDevTools')
    await takeCommands()
    menuItem(fake, 'new-inspection').click!()
    menuItem(fake, 'view-lab').click!()
    menuItem(fake, 'export').click!()
    expect(await takeCommands()).toEqual([{ kind: 'new-inspection' }, { kind: 'show-view', view: 'lab' }, { kind: 'export' }])
  })

  it('opens a zone file from File › Open…: read on the main side, only its name and text reach the window', async () => {
    const { fake, dir, takeCommands, commandsUntil } = await launch()
    const zone = join(dir.path, 'secret-folder', 'example.test.zone')
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir.path, 'secret-folder')))
    const text = '$ORIGIN example.test.\n$TTL 300\n@ IN SOA ns1 host 1 3600 600 86400 300\n@ IN NS ns1\nns1 IN A 127.0.0.1\n'
    await writeFile(zone, text)
    fake.dialogs.openResult = { canceled: false, filePaths: [zone] }
    await takeCommands()
    menuItem(fake, 'open-zone').click!()
    const commands = await commandsUntil(1)
    expect(commands).toEqual([{ kind: 'opened-file', file: { kind: 'zone', name: 'example.test.zone', text } }])
    expect(JSON.stringify(commands)).not.toContain('secret-folder')
    expect(fake.dialogs.opened[0]).toMatchObject({ properties: ['openFile'] })
  })

  it('opens a watch export as a new session, and says why a file is refused', async () => {
    const { fake, dir, call, takeCommands, commandsUntil } = await launch()
    const session = {
      id: 'exported', apex: 'example.test', target: 'cdn.example.test', resolvers: [{ transport: 'udp', host: '127.0.0.1', port: 5300 }],
      labels: ['lab'], mode: 'interval', intervalSeconds: 1, state: 'finished', startedAtWallMs: 1_700_000_000_000,
      endedAtWallMs: 1_700_000_010_000, sampleCount: 2
    }
    const exported = JSON.stringify({
      format: 'alias-inspector-watch', version: 1, session,
      samples: [sample(0, 0, 'apex', ['192.0.2.1'], 60, { sessionId: 'exported' }), sample(1, 5, 'target', ['192.0.2.1'], 60, { sessionId: 'exported' })]
    })
    const file = join(dir.path, 'watch.json')
    await writeFile(file, exported)
    fake.dialogs.openResult = { canceled: false, filePaths: [file] }
    await takeCommands()
    menuItem(fake, 'open-watch').click!()
    const [opened] = await commandsUntil(1)
    expect(opened).toMatchObject({ kind: 'opened-file', file: { kind: 'watch', name: 'watch.json', session: { apex: 'example.test', state: 'finished', sampleCount: 2 } } })
    const id = (opened as { file: { session: { id: string } } }).file.session.id
    expect(id).not.toBe('exported')
    const detail = await call('watch:get', { id })
    expect(detail).toMatchObject({ ok: true, value: { samples: [{ seq: 0, sessionId: id }, { seq: 1, sessionId: id }] } })

    await writeFile(file, '{"format":"something-else"}')
    menuItem(fake, 'open-watch').click!()
    expect(await commandsUntil(1)).toEqual([{ kind: 'problem', message: expect.stringMatching(/watch.json is JSON but not an ALIAS Inspector watch export/) }])
  })

  it('a file dropped on the window goes through files:open by name and text, never a path', async () => {
    const { call } = await launch()
    const zone = await call('files:open', { name: 'dropped.zone', text: '@ IN SOA ns host 1 2 3 4 5\n' })
    expect(zone).toEqual({ ok: true, value: { kind: 'zone', name: 'dropped.zone', text: '@ IN SOA ns host 1 2 3 4 5\n' } })
    const withFolder = await call('files:open', { name: '/etc/passwd', text: 'x' })
    expect(withFolder).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('without a folder') } })
    const csv = await call('files:open', { name: 'w.csv', text: 'session_id,seq,resolver_index,resolver\r\n' })
    expect(csv).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringContaining('open the JSON export') } })
  })

  it('asks before closing while a watch and the lab server run; Cancel keeps them, "Stop and close" stops them cleanly', async () => {
    const { fake, call } = await launch()
    const window = fake.windows[0]!
    const started = await call('lab:start', { upstreamMode: 'simulated', port: 0 })
    expect(started).toMatchObject({ ok: true, value: { running: true } })
    const port = (started.value as { port: number }).port
    const watch = await call('watch:start', {
      apex: 'example.test', target: 'cdn.example.test', resolvers: [{ transport: 'udp', host: '127.0.0.1', port }], mode: 'interval', intervalSeconds: 1
    })
    expect(watch).toMatchObject({ ok: true, value: { state: 'running' } })
    const watchId = (watch.value as { id: string }).id
    fake.dialogs.messageResponse = 1
    window.close()
    await vi.waitFor(() => expect(fake.dialogs.messages).toHaveLength(1), patiently)
    // the answer (Cancel) is handled in microtasks; then the window may ask again
    await settle()
    expect(fake.dialogs.messages[0]).toMatchObject({ message: 'A watch is running and the lab server is running.', buttons: ['Stop and close', 'Cancel'] })
    expect(window.isDestroyed()).toBe(false)
    expect(await call('lab:status')).toMatchObject({ value: { running: true } })

    fake.dialogs.messageResponse = 0
    window.close()
    await vi.waitFor(() => expect(window.isDestroyed()).toBe(true), patiently)
    const states = window.webContents.sent.filter((m) => m.channel === 'watch:state').map((m) => (m.payload as { session: { id: string; state: string } }).session)
    expect(states.at(-1)).toMatchObject({ id: watchId, state: 'stopped' })
    await expectPortFree(port)
  })

  it('holds the quit until the lab server has stopped, then quits', async () => {
    const launched = await launch()
    const started = await launched.call('lab:start', { upstreamMode: 'simulated', port: 0 })
    expect(started).toMatchObject({ ok: true, value: { running: true } })
    const port = (started.value as { port: number }).port
    expect(await quitAndWait(launched)).toEqual({ held: true })
    await expectPortFree(port)
  })

  it('closes without asking when nothing runs', async () => {
    const { fake } = await launch()
    fake.windows[0]!.close()
    expect(fake.dialogs.messages).toEqual([])
    expect(fake.windows[0]!.isDestroyed()).toBe(true)
  })

  it('registers the alias-inspector:// scheme only when packaged', async () => {
    const unpackaged = await launch()
    expect(unpackaged.fake.schemes.clients).toEqual([])
    const packaged = await launch({ isPackaged: true })
    expect(packaged.fake.schemes.clients).toEqual(['alias-inspector'])
  })
})
