import { app, shell, session, type WebContents } from 'electron'
import { isAllowedDocLink } from '@shared/doc-links'
import { isAppUrl } from './renderer-location'

/** The only links handed to the system browser: the documentation the app itself shows (shared/doc-links). */
export function isOpenableExternally(url: string): boolean {
  return isAllowedDocLink(url)
}

function guard(contents: WebContents, appUrl: () => string): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isOpenableExternally(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl())) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl())) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Every web contents the app creates: no new windows, no navigation away, only listed documentation opened outside. */
export function setupNavigationGuard(appUrl: () => string): void {
  app.on('web-contents-created', (_event, contents) => guard(contents, appUrl))
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
  })
}
