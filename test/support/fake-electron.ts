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

interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface FakeElectronOptions {
  /** app.getPath('userData'). */
  userData?: string
  /** What app.requestSingleInstanceLock() answers: false for a second launch. */
  singleInstanceLock?: boolean
  /** The displays' work areas. */
  workAreas?: Rect[]
  isPackaged?: boolean
}

export function createFakeElectron(options: FakeElectronOptions = {}) {
  const handlers = new Map<string, Listener>()
  const windows: FakeBrowserWindow[] = []
  const opened: string[] = []
  const exposed = new Map<string, unknown>()
  const invoked: Array<{ channel: string; input: unknown }> = []
  const calls: string[] = []
  const schemes: { privileged: unknown[]; handlers: Map<string, (request: Request) => Promise<Response> | Response>; clients: string[] } = {
    privileged: [],
    handlers: new Map(),
    clients: []
  }
  const notifications: Array<{ title: string; body: string; shown: boolean; emitter: FakeEmitter }> = []
  const dialogs = {
    /** What the next showOpenDialog answers. */
    openResult: { canceled: true, filePaths: [] as string[] },
    /** What showMessageBox answers (the button's index). */
    messageResponse: 1,
    opened: [] as unknown[],
    messages: [] as Array<{ message: string; buttons: string[] }>
  }
  const menu: { template: unknown[] | null } = { template: null }
  const permissions: { request?: Listener; check?: Listener } = {}
  const app = new (class extends FakeEmitter {
    isPackaged = options.isPackaged ?? false
    whenReady = () => Promise.resolve()
    getName = () => 'ALIAS Inspector'
    getVersion = () => '0.0.0-test'
    getPath = () => options.userData ?? '/tmp/alias-inspector-fake-user-data'
    quit = () => void calls.push('app.quit')
    requestSingleInstanceLock = () => options.singleInstanceLock ?? true
    setAsDefaultProtocolClient = (scheme: string) => schemes.clients.push(scheme) > 0
    setAboutPanelOptions = () => undefined
  })()

  class FakeBrowserWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents()
    loadedUrl = ''
    bounds: Rect
    maximized = false
    minimized = false
    destroyed = false
    focused = 0
    constructor(readonly options: { webPreferences: Record<string, unknown> } & Partial<Rect>) {
      super()
      this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 }
      windows.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
    loadURL(url: string) {
      this.loadedUrl = url
      return Promise.resolve()
    }
    show() {}
    focus() {
      this.focused++
    }
    isMinimized() {
      return this.minimized
    }
    restore() {
      this.minimized = false
    }
    maximize() {
      this.maximized = true
      this.emit('maximize')
    }
    isMaximized() {
      return this.maximized
    }
    getNormalBounds() {
      return { ...this.bounds }
    }
    /** A person moving or resizing the window. */
    moveTo(bounds: Rect) {
      this.bounds = bounds
      this.emit('resize')
    }
    close() {
      let prevented = false
      this.emit('close', { preventDefault: () => (prevented = true) })
      if (prevented) return
      this.destroyed = true
      this.emit('closed')
    }
    isDestroyed() {
      return this.destroyed
    }
    static fromWebContents(contents: unknown) {
      return windows.find((window) => window.webContents === contents) ?? null
    }
    static getAllWindows() {
      return windows.filter((window) => !window.destroyed)
    }
  }

  class FakeNotification extends FakeEmitter {
    readonly record
    constructor({ title, body }: { title: string; body: string }) {
      super()
      this.record = { title, body, shown: false, emitter: this as FakeEmitter }
      notifications.push(this.record)
    }
    show() {
      this.record.shown = true
    }
    static isSupported() {
      return true
    }
  }

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
        handlers.set(channel, listener)
      }
    },
    shell: { openExternal: async (url: string) => void opened.push(url) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => void (permissions.request = handler),
        setPermissionCheckHandler: (handler: Listener) => void (permissions.check = handler)
      }
    },
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => void schemes.privileged.push(...list),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void schemes.handlers.set(scheme, handler)
    },
    screen: { getAllDisplays: () => (options.workAreas ?? [{ x: 0, y: 0, width: 1920, height: 1080 }]).map((workArea) => ({ workArea })) },
    dialog: {
      showOpenDialog: async (...args: unknown[]) => {
        dialogs.opened.push(args.at(-1))
        return dialogs.openResult
      },
      showMessageBox: async (...args: unknown[]) => {
        dialogs.messages.push(args.at(-1) as { message: string; buttons: string[] })
        return { response: dialogs.messageResponse, checkboxChecked: false }
      }
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => template,
      setApplicationMenu: (template: unknown[]) => void (menu.template = template)
    },
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
  return { electron, app, handlers, windows, opened, exposed, invoked, calls, schemes, notifications, dialogs, menu, permissions }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>
