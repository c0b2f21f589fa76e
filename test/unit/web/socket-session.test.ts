import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { LAB_ZONE_MAX_CHARS } from '@shared/lab'
import { EventBus } from '@shared/event-bus'
import type { Dispatch } from '../../../electron/api/dispatch'
import type { Services } from '../../../electron/services'
import { attachSocketSession, MAX_BUFFERED_EVENT_BYTES, MAX_IN_FLIGHT, MAX_UNREAD_RESULT_BYTES } from '../../../electron/web/socket-session'
import { startWebServer, type WebServer } from '../../../electron/web/server'

interface Reply { kind: string; id: number; result: { ok: boolean; error?: { code: string } } }

let server: WebServer | undefined
let rendererDir: string | undefined
afterEach(async () => {
  await server?.close()
  if (rendererDir) await rm(rendererDir, { recursive: true, force: true })
  server = rendererDir = undefined
})

/** Browser mode over a stub dispatcher, so only the socket layer is under test. */
async function start(dispatch: Dispatch): Promise<WebSocket> {
  rendererDir = await mkdtemp(join(tmpdir(), 'alias-inspector-web-unit-'))
  await writeFile(join(rendererDir, 'index.html'), '<div id="root"></div>')
  const services = { dispatch, events: new EventBus() } as unknown as Services
  server = await startWebServer({ services, rendererDir })
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, {
    headers: { Origin: `http://127.0.0.1:${server.port}` }
  })
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  return socket
}

describe('browser mode socket sessions', () => {
  it('refuses requests beyond the in-flight limit of one socket at once, and serves it again afterwards', async () => {
    const release: Array<() => void> = []
    let started = 0
    let hold = true
    const socket = await start(async () => {
      started++
      if (hold) await new Promise<void>((resolve) => release.push(resolve))
      return { ok: true, value: null }
    })
    const replies: Reply[] = []
    socket.on('message', (data) => replies.push(JSON.parse(String(data)) as Reply))
    for (let id = 1; id <= MAX_IN_FLIGHT + 50; id++) socket.send(JSON.stringify({ id, channel: 'app:info' }))
    await expect.poll(() => replies.length).toBe(50)
    expect(started).toBe(MAX_IN_FLIGHT)
    expect(replies.every((r) => r.id > MAX_IN_FLIGHT && r.result.error?.code === 'conflict')).toBe(true)
    hold = false
    for (const done of release.splice(0)) done()
    await expect.poll(() => replies.length).toBe(MAX_IN_FLIGHT + 50)
    socket.send(JSON.stringify({ id: 9999, channel: 'app:info' }))
    await expect.poll(() => replies.at(-1)?.id).toBe(9999)
    expect(replies.at(-1)!.result.ok).toBe(true)
    socket.close()
  })

  it('aborts what a socket asked for when it closes mid-request', async () => {
    let signal: AbortSignal | undefined
    const socket = await start((_channel, _payload, s) => {
      signal = s
      return new Promise(() => {})
    })
    socket.send(JSON.stringify({ id: 1, channel: 'dns:query', payload: {} }))
    await expect.poll(() => signal).toBeDefined()
    socket.close()
    await expect.poll(() => signal!.aborted).toBe(true)
  })

  it('takes a message as large as the largest zone the lab accepts', async () => {
    const socket = await start(async (_channel, payload) => ({ ok: true, value: (payload as { text: string }).text.length }))
    const closed = new Promise<number>((resolve) => socket.once('close', resolve))
    const text = 'é'.repeat(LAB_ZONE_MAX_CHARS)
    const reply = new Promise<Reply>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)) as Reply)))
    socket.send(JSON.stringify({ id: 1, channel: 'lab:saveZone', payload: { text } }))
    expect(await Promise.race([reply, closed])).toMatchObject({ id: 1, result: { ok: true, value: LAB_ZONE_MAX_CHARS } })
    socket.close()
  })
})

/** A socket that keeps what it is sent, unread until the test sets bufferedAmount, attached to a session. */
function fakeSession(dispatch: Dispatch, events = new EventBus()) {
  const sent: string[] = []
  const handlers = new Map<string, (...args: unknown[]) => unknown>()
  const socket = {
    OPEN: 1,
    readyState: 1,
    bufferedAmount: 0,
    send: (text: string) => {
      sent.push(text)
      socket.bufferedAmount += text.length
    },
    on: (name: string, handler: (...args: unknown[]) => unknown) => void handlers.set(name, handler),
    close: () => undefined,
    terminate: () => undefined
  }
  attachSocketSession(socket as unknown as WebSocket, { dispatch, events } as unknown as Services)
  const ask = (id: number) => handlers.get('message')!(Buffer.from(JSON.stringify({ id, channel: 'app:info' })), false) as Promise<void>
  const replies = () => sent.map((text) => JSON.parse(text) as Reply & { result: { error?: { code: string; message: string } } })
  return { socket, ask, replies, sent }
}

describe('events to a socket that stops reading', () => {
  it('are dropped once too much is queued, while results still go out', async () => {
    const events = new EventBus()
    const { socket, ask, sent } = fakeSession(async () => ({ ok: true, value: 'answer' }), events)

    events.emit('app:notice', { level: 'info', message: 'read' })
    socket.bufferedAmount = MAX_BUFFERED_EVENT_BYTES + 1
    events.emit('app:notice', { level: 'info', message: 'dropped' })
    await ask(7)

    expect(sent.map((text) => JSON.parse(text) as { kind: string; id?: number; payload?: { message: string } })).toEqual([
      expect.objectContaining({ kind: 'event', payload: { level: 'info', message: 'read' } }),
      expect.objectContaining({ kind: 'result', id: 7 })
    ])
  })
})

describe('results a socket leaves unread', () => {
  it('are capped: past the budget new requests are answered busy without running, and big results are replaced by busy', async () => {
    let ran = 0
    const big = 'x'.repeat(MAX_UNREAD_RESULT_BYTES / 4)
    const { socket, ask, replies } = fakeSession(async () => {
      ran++
      return { ok: true, value: big }
    })
    for (let id = 1; id <= 5; id++) await ask(id)
    const codes = replies().map((r) => (r.result.ok ? 'ok' : r.result.error!.code))
    // Three quarter-budget results fit; the next ones would pass the budget and are replaced by a short busy.
    expect(codes).toEqual(['ok', 'ok', 'ok', 'busy', 'busy'])
    expect(socket.bufferedAmount).toBeLessThan(MAX_UNREAD_RESULT_BYTES)
    expect(replies()[3]!.result.error!.message).toMatch(/KiB of earlier results on this connection are still unread; this result \(\d+ KiB\) was not sent/)
    // Past the budget (events, say), a request does not even run.
    socket.bufferedAmount = MAX_UNREAD_RESULT_BYTES + 1
    const before = ran
    await ask(6)
    expect(ran).toBe(before)
    expect(replies().at(-1)).toMatchObject({ id: 6, result: { ok: false, error: { code: 'busy' } } })
    // Once the client reads, it is served again.
    socket.bufferedAmount = 0
    await ask(7)
    expect(replies().at(-1)).toMatchObject({ id: 7, result: { ok: true } })
  })
})
