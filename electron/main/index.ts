import { app, BrowserWindow } from 'electron'
import { createServices } from '../services'
import { setupIpc } from './ipc'
import { setupMenu } from './menu'
import { setupNavigationGuard } from './navigation-guard'
import { createMainWindow } from './window'

setupNavigationGuard()

app.whenReady().then(() => {
  const services = createServices({
    appName: app.getName(),
    appVersion: app.getVersion(),
    host: 'electron',
    dataDir: app.getPath('userData')
  })
  setupIpc(services)
  setupMenu()
  createMainWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow()
  })
  app.on('will-quit', () => void services.dispose())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
