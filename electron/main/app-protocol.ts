import { readFile } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from './renderer-location'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8'
}

/** The same policy as renderer/index.html's meta tag, also sent as a header so it holds before the page parses. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** Must run before the app is ready: `app:` behaves like https (standard, secure), and nothing more. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** The file an `app://renderer/…` URL names inside `root`, or undefined for another host or a path that leaves it. */
function resolveAppFile(url: string, root: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return undefined
  }
  if (path.includes('\0')) return undefined
  const base = resolve(root)
  const file = resolve(join(base, path === '/' ? 'index.html' : path))
  return file.startsWith(base + sep) ? file : undefined
}

/** Answers one request of the app scheme from the built renderer folder. */
async function serveAppRequest(request: Request, root: string): Promise<Response> {
  const notFound = () => new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } })
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405 })
  const file = resolveAppFile(request.url, root)
  if (!file) return notFound()
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return notFound()
  }
  const headers = {
    'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache'
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers })
}

/** Serves the built renderer (`out/renderer`) under `app://renderer/`. */
export function serveAppScheme(root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, root))
}
