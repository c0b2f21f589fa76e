import { BrowserWindow, screen } from 'electron'
import { secureWebPreferences } from './secure-web-preferences'
import { loadWindowState, placeWindow, windowStateSaver, type WindowState } from './window-state'

const windows = new Set<BrowserWindow>()
const DEFAULT_SIZE = { width: 1280, height: 800 }
const MINIMUM = { width: 1024, height: 700 }
/** Moves and resizes are saved this long after the last one, so a crash loses at most that much. */
const SAVE_DELAY_MS = 500

export function appWindows(): ReadonlySet<BrowserWindow> {
  return windows
}

/** The window to bring forward (a second launch, a notification): the first one still open. */
export function mainWindow(): BrowserWindow | undefined {
  return [...windows].find((window) => !window.isDestroyed())
}

export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}

/** Opens the app's window where it was last time, and remembers its size, position and maximised state. */
export async function createMainWindow(url: string, dataDir: string): Promise<BrowserWindow> {
  const saved = await loadWindowState(dataDir)
  const placement = placeWindow(saved, screen.getAllDisplays().map((d) => d.workArea), DEFAULT_SIZE, MINIMUM)
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MINIMUM.width,
    minHeight: MINIMUM.height,
    show: false,
    title: 'ALIAS Inspector',
    webPreferences: secureWebPreferences()
  })
  windows.add(window)
  const save = windowStateSaver(dataDir)
  const current = (): WindowState => ({ bounds: window.getNormalBounds(), maximized: window.isMaximized() })
  let timer: NodeJS.Timeout | undefined
  const saveSoon = () => {
    clearTimeout(timer)
    timer = setTimeout(() => void save(current()), SAVE_DELAY_MS)
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', saveSoon)
  window.on('close', () => {
    clearTimeout(timer)
    void save(current())
  })
  window.on('closed', () => windows.delete(window))
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize()
    window.show()
  })
  void window.loadURL(url)
  return window
}
