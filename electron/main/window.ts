import { BrowserWindow } from 'electron'
import { rendererUrl } from './renderer-location'
import { secureWebPreferences } from './secure-web-preferences'

const windows = new Set<BrowserWindow>()

export function appWindows(): ReadonlySet<BrowserWindow> {
  return windows
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'ALIAS Inspector',
    webPreferences: secureWebPreferences()
  })
  windows.add(window)
  window.on('closed', () => windows.delete(window))
  window.once('ready-to-show', () => window.show())
  void window.loadURL(rendererUrl())
  return window
}
