import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { DEEP_LINK_SCHEME } from '@shared/deep-link'
import { createServices, type Services } from '../services'
import { registerAppScheme, serveAppScheme } from './app-protocol'
import { guardClose } from './close-guard'
import { openFromDialog } from './file-dialog'
import { setupIpc } from './ipc'
import { setupMenu } from './menu'
import { setupNavigationGuard } from './navigation-guard'
import { setupNotifications } from './notifications'
import { openLaunchRequests, openLinkForWindow, openPathForWindow } from './open-requests'
import { devServerUrl, rendererUrl } from './renderer-location'
import { createMainWindow, focusWindow, mainWindow } from './window'

const location = () => ({ packaged: app.isPackaged })
const appUrl = () => rendererUrl(location())

// a second launch hands its arguments (links, files) to the first and quits
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  start()
}

function start(): void {
  registerAppScheme()
  setupNavigationGuard(appUrl)
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)

  // macOS hands links and files over as events, possibly before the app is ready
  let services: Services | undefined
  const early: Array<(s: Services) => void> = []
  const withServices = (task: (s: Services) => void) => (services ? task(services) : early.push(task))
  app.on('open-url', (event, url) => {
    event.preventDefault()
    withServices((s) => openLinkForWindow(url, s))
  })
  app.on('open-file', (event, path) => {
    event.preventDefault()
    withServices((s) => void openPathForWindow(path, s))
  })
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const window = mainWindow()
    if (window) focusWindow(window)
    withServices((s) => void openLaunchRequests(argv, workingDirectory, s))
  })

  app.whenReady().then(async () => {
    const dataDir = app.getPath('userData')
    const ready = createServices({ appName: app.getName(), appVersion: app.getVersion(), host: 'electron', dataDir })
    services = ready
    serveAppScheme(join(__dirname, '../renderer'))
    setupIpc(ready, appUrl)
    app.setAboutPanelOptions({
      applicationName: 'ALIAS Inspector',
      applicationVersion: app.getVersion(),
      copyright: 'MIT licence'
    })
    const openWindow = async () => {
      const window = await createMainWindow(appUrl(), dataDir)
      guardClose(window, ready)
      return window
    }
    setupMenu(
      {
        newInspection: () => ready.commands.push({ kind: 'new-inspection' }),
        openZoneFile: () => void openFromDialog(mainWindow(), 'zone', ready),
        openWatchExport: () => void openFromDialog(mainWindow(), 'watch', ready),
        exportData: () => ready.commands.push({ kind: 'export' }),
        showView: (view) => ready.commands.push({ kind: 'show-view', view })
      },
      { isMac: process.platform === 'darwin', development: devServerUrl(location()) !== undefined }
    )
    setupNotifications(ready, () => {
      const window = mainWindow()
      if (window) focusWindow(window)
      ready.commands.push({ kind: 'show-view', view: 'watch' })
    })
    await openWindow()
    for (const task of early.splice(0)) task(ready)
    await openLaunchRequests(process.argv.slice(1), process.cwd(), ready)
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void openWindow()
    })
    // Electron does not wait for a promise: hold the quit until watches, the lab and the stores have stopped
    let disposed = false
    app.on('will-quit', (event) => {
      if (disposed) return
      event.preventDefault()
      void ready.dispose().finally(() => {
        disposed = true
        app.quit()
      })
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
