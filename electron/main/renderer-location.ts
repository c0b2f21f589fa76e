/** The app's own scheme: the window loads `app://renderer/index.html`, served from the built renderer folder. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'renderer'
const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

export interface RendererLocationOptions {
  /** `app.isPackaged`: a packaged app never loads a dev server, whatever its environment says. */
  packaged: boolean
  env?: NodeJS.ProcessEnv
}

/** The dev server's URL, honoured only unpackaged, under `electron-vite dev`, and on loopback http. */
export function devServerUrl({ packaged, env = process.env }: RendererLocationOptions): string | undefined {
  const url = env.ELECTRON_RENDERER_URL
  if (packaged || !url || env.NODE_ENV_ELECTRON_VITE !== 'development') return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname) ? url : undefined
  } catch {
    return undefined
  }
}

/** Where the window loads the renderer from: the dev server in `npm run dev`, the app's own scheme otherwise. */
export function rendererUrl(options: RendererLocationOptions): string {
  return devServerUrl(options) ?? APP_URL
}

/** True when `url` is the app's own page (the app scheme's host, or the dev server's origin). */
export function isAppUrl(url: string, appUrl: string): boolean {
  let target: URL
  let app: URL
  try {
    target = new URL(url)
    app = new URL(appUrl)
  } catch {
    return false
  }
  // a non-special scheme has an opaque origin ("null"), so compare scheme and host
  if (app.protocol === `${APP_SCHEME}:`) return target.protocol === app.protocol && target.host === app.host
  return target.origin === app.origin
}
