/**
 * A small hand-written stand-in for the `electron` module, enough to load the built main and preload
 * bundles under plain Node and observe what they register.
 */
type Listener = (...args: unknown[]) => unknown

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()
  on(name: string, listener: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
    return this
  }
  once(name: string, listener: Listener) {
    return this.on(name, listener)
  }
  emit(name: string, ...args: unknown[]) {
    return (this.listeners.get(name) ?? []).map((listener) => listener(...args))
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string }
  readonly sent: Array<{ channel: string; payload: unknown }> = []
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload })
  }
}

export function createFakeElectron() {
  const handlers = new Map<string, Listener>()
  const windows: FakeBrowserWindow[] = []
  const opened: string[] = []
  const exposed = new Map<string, unknown>()
  const invoked: Array<{ channel: string; input: unknown }> = []
  const app = new (class extends FakeEmitter {
    isPackaged = false
    whenReady = () => Promise.resolve()
    getName = () => 'ALIAS Inspector'
    getVersion = () => '0.0.0-test'
    getPath = () => '/tmp/alias-inspector-fake-user-data'
    quit = () => undefined
  })()

  class FakeBrowserWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents()
    loadedUrl = ''
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super()
      windows.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
    loadURL(url: string) {
      this.loadedUrl = url
      return Promise.resolve()
    }
    show() {}
    isDestroyed() {
      return false
    }
    static fromWebContents(contents: unknown) {
      return windows.find((window) => window.webContents === contents) ?? null
    }
    static getAllWindows() {
      return windows
    }
  }

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
        handlers.set(channel, listener)
      }
    },
    shell: { openExternal: async (url: string) => void opened.push(url) },
    session: { defaultSession: { setPermissionRequestHandler: () => undefined } },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push({ channel, input })
        return { ok: true, value: null }
      },
      on: () => undefined,
      removeListener: () => undefined
    }
  }
  return { electron, handlers, windows, opened, exposed, invoked }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>
