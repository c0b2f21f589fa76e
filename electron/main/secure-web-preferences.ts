import { join } from 'node:path'

/** The only webPreferences the app's windows use; the main-process test asserts these. */
export function secureWebPreferences() {
  return {
    preload: join(__dirname, '../preload/index.cjs'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false
  } as const
}
