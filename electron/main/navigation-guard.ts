import { app, shell, session, type WebContents } from 'electron'
import { isAllowedDocLink } from '@shared/doc-links'
import { isAppUrl } from './renderer-location'

function guard(contents: WebContents, appUrl: () => string): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedDocLink(url)) void shell.openExternal(url)
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

/** The one permission the app uses ("Copy as dig command" writes to the clipboard), for its own page only. */
function isAllowedPermission(permission: string, requestingUrl: string, appUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl, appUrl)
}

/**
 * Every web contents the app creates: no new windows, no navigation away, only listed documentation opened
 * outside, every permission denied but the clipboard write of its own page.
 */
export function setupNavigationGuard(appUrl: () => string): void {
  app.on('web-contents-created', (_event, contents) => guard(contents, appUrl))
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
      callback(isAllowedPermission(permission, details.requestingUrl, appUrl()))
    )
    session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
      isAllowedPermission(permission, requestingOrigin, appUrl())
    )
  })
}
