import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Where the window loads the renderer from: the dev server in `npm run dev`, the built file otherwise. */
export function rendererUrl(): string {
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl && !process.env.NODE_ENV?.startsWith('prod')) return devUrl
  return pathToFileURL(join(__dirname, '../renderer/index.html')).href
}

/** True when `url` is the app's own page (same file, or same dev-server origin). */
export function isAppUrl(url: string, appUrl: string = rendererUrl()): boolean {
  let target: URL
  let app: URL
  try {
    target = new URL(url)
    app = new URL(appUrl)
  } catch {
    return false
  }
  if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname
  return target.origin === app.origin
}
