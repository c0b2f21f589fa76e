import { mkfifo } from './mkfifo'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readForOpen } from '../../../electron/files/read-for-open'
import { launchRequests } from '../../../electron/main/launch-args'
import { devServerUrl, isAppUrl, rendererUrl } from '../../../electron/main/renderer-location'
import { placeWindow } from '../../../electron/main/window-state'
import { tempDir, type TempDir } from '../../../scripts/peers/temp-dir'

describe('where the window loads from', () => {
  const dev = { ELECTRON_RENDERER_URL: 'http://localhost:5173', NODE_ENV_ELECTRON_VITE: 'development' }
  it('uses the dev server only unpackaged, under electron-vite dev, on loopback http', () => {
    expect(rendererUrl({ packaged: false, env: dev })).toBe('http://localhost:5173')
    expect(rendererUrl({ packaged: true, env: dev })).toBe('app://renderer/index.html')
    expect(rendererUrl({ packaged: false, env: { ...dev, NODE_ENV_ELECTRON_VITE: 'production' } })).toBe('app://renderer/index.html')
    expect(rendererUrl({ packaged: false, env: { ELECTRON_RENDERER_URL: dev.ELECTRON_RENDERER_URL } })).toBe('app://renderer/index.html')
    expect(devServerUrl({ packaged: false, env: { ...dev, ELECTRON_RENDERER_URL: 'https://evil.test/' } })).toBeUndefined()
    expect(devServerUrl({ packaged: false, env: { ...dev, ELECTRON_RENDERER_URL: 'file:///tmp/x.html' } })).toBeUndefined()
  })
  it('knows its own pages', () => {
    expect(isAppUrl('app://renderer/index.html#x', 'app://renderer/index.html')).toBe(true)
    expect(isAppUrl('app://other/index.html', 'app://renderer/index.html')).toBe(false)
    expect(isAppUrl('file:///work/out/renderer/index.html', 'app://renderer/index.html')).toBe(false)
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false)
  })
})

describe('window placement', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }]
  const defaults = { width: 1280, height: 800 }
  const min = { width: 1024, height: 700 }
  it('opens where it was, at the minimum size at least', () => {
    expect(placeWindow({ bounds: { x: 10, y: 20, width: 1200, height: 600 }, maximized: true }, screen, defaults, min)).toEqual({
      bounds: { x: 10, y: 20, width: 1200, height: 700 },
      maximized: true
    })
    expect(placeWindow(undefined, screen, defaults, min)).toEqual({ bounds: defaults, maximized: false })
  })
  it('drops a position on a display that is gone, or barely on screen', () => {
    expect(placeWindow({ bounds: { x: 2500, y: 0, width: 1200, height: 800 }, maximized: false }, screen, defaults, min).bounds).toEqual({ width: 1200, height: 800 })
    expect(placeWindow({ bounds: { x: 1900, y: 1000, width: 1200, height: 800 }, maximized: false }, screen, defaults, min).bounds).toEqual({ width: 1200, height: 800 })
  })
})

describe('launch arguments', () => {
  it('finds links and zone files or exports, and ignores switches and the app entry', () => {
    const argv = ['/opt/ALIAS Inspector/alias-inspector', '.', '--no-sandbox', 'alias-inspector://inspect/example.com', 'zones/example.zone', 'file:///tmp/w%20x.json', 'notes.db', '/etc/passwd']
    expect(launchRequests(argv, '/home/someone')).toEqual({
      links: ['alias-inspector://inspect/example.com'],
      files: ['/home/someone/zones/example.zone', '/tmp/w x.json']
    })
  })
})

describe('reading a file picked in the dialog', () => {
  let dir: TempDir
  beforeAll(async () => {
    dir = await tempDir()
  })
  afterAll(() => dir.cleanup())

  it('reads a regular UTF-8 file and gives only its name', async () => {
    await writeFile(join(dir.path, 'a.zone'), 'ns1 IN A 127.0.0.1\n')
    expect(await readForOpen(join(dir.path, 'a.zone'))).toEqual({ name: 'a.zone', text: 'ns1 IN A 127.0.0.1\n' })
  })
  it('refuses folders, FIFOs, files over the cap and binary files, saying which', async () => {
    await mkdir(join(dir.path, 'folder.zone'))
    await expect(readForOpen(join(dir.path, 'folder.zone'))).rejects.toThrow(/folder.zone is not a regular file/)
    const fifo = join(dir.path, 'pipe.zone')
    await mkfifo(fifo)
    await expect(readForOpen(fifo)).rejects.toThrow(/pipe.zone (is not a regular file|could not be opened)/)
    await writeFile(join(dir.path, 'big.zone'), 'x'.repeat(2048))
    await expect(readForOpen(join(dir.path, 'big.zone'), 1024)).rejects.toThrow(/big.zone is larger than/)
    await writeFile(join(dir.path, 'bin.zone'), Buffer.from([0xff, 0xfe, 0x00, 0xc3]))
    await expect(readForOpen(join(dir.path, 'bin.zone'))).rejects.toThrow(/bin.zone is not UTF-8 text/)
    await expect(readForOpen(join(dir.path, 'missing.zone'))).rejects.toThrow(/missing.zone could not be opened \(ENOENT\)/)
  })
})
