import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startWebApp, type RunningWebApp } from '../../../scripts/peers/web-app'

function httpGet(port: number, path: string, host: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Opens a socket and reports either 'open' or the HTTP status the upgrade was refused with. */
function connect(url: string, headers: Record<string, string>): Promise<{ outcome: 'open' | number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers })
    socket.once('open', () => resolve({ outcome: 'open', socket }))
    socket.once('unexpected-response', (_req, res) => resolve({ outcome: res.statusCode ?? 0 }))
    socket.once('error', () => resolve({ outcome: -1 }))
  })
}

function call(socket: WebSocket, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(String(data))))
    socket.send(JSON.stringify(message))
  })
}

describe('browser mode guards', () => {
  let app: RunningWebApp
  let wsUrl: string
  let goodHeaders: Record<string, string>

  beforeAll(async () => {
    app = await startWebApp()
    wsUrl = `ws://127.0.0.1:${app.port}/api?token=${app.token}`
    goodHeaders = { Origin: app.origin }
  })
  afterAll(() => app?.stop())

  it('serves the renderer with a CSP to the right Host', async () => {
    const page = await httpGet(app.port, '/', `127.0.0.1:${app.port}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('<div id="root"')
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'")
  })

  it('refuses HTTP requests whose Host is not the loopback address and port (DNS rebinding)', async () => {
    expect((await httpGet(app.port, '/', `rebind.attacker.test:${app.port}`)).status).toBe(421)
    expect((await httpGet(app.port, '/', `localhost:${app.port}`)).status).toBe(421)
    expect((await httpGet(app.port, '/', '127.0.0.1:1')).status).toBe(421)
  })

  it('does not serve files outside the renderer folder', async () => {
    const host = `127.0.0.1:${app.port}`
    expect((await httpGet(app.port, '/../main/web.js', host)).status).toBe(404)
    expect((await httpGet(app.port, '/%2e%2e/%2e%2e/package.json', host)).status).toBe(404)
  })

  it('refuses a WebSocket with a wrong Host, a wrong Origin, or no or a wrong token', async () => {
    expect((await connect(wsUrl, { Origin: 'http://evil.test' })).outcome).toBe(403)
    expect((await connect(wsUrl, {})).outcome).toBe(403)
    expect((await connect(wsUrl, { ...goodHeaders, Host: `evil.test:${app.port}` })).outcome).toBe(421)
    expect((await connect(`ws://127.0.0.1:${app.port}/api`, goodHeaders)).outcome).toBe(401)
    expect((await connect(`ws://127.0.0.1:${app.port}/api?token=${app.token}x`, goodHeaders)).outcome).toBe(401)
  })

  it('validates requests over the socket exactly like IPC', async () => {
    const { outcome, socket } = await connect(wsUrl, goodHeaders)
    expect(outcome).toBe('open')
    expect(await call(socket!, { id: 1, channel: 'app:info' })).toMatchObject({
      kind: 'result',
      id: 1,
      result: { ok: true, value: { host: 'browser' } }
    })
    expect(await call(socket!, { id: 2, channel: 'app:echo', payload: { text: '' } })).toMatchObject({
      id: 2,
      result: { ok: false, error: { code: 'validation' } }
    })
    expect(await call(socket!, { id: 3, channel: 'nope:nothing', payload: {} })).toMatchObject({
      id: 3,
      result: { ok: false, error: { code: 'unknown-channel' } }
    })
    const closed = new Promise<number>((r) => socket!.once('close', (code) => r(code)))
    socket!.send(JSON.stringify({ channel: 'app:info', evil: true }))
    expect(await closed).toBe(1008)
  })
})
