import type { Transport } from '@shared/api'
import type { Channel, EventName } from '@shared/channels'
import type { Result } from '@shared/result'
import { serverMessageSchema, tokenParam, wsPath } from '@shared/wire'

const tokenKey = 'alias-inspector-token'

/** Reads the per-launch token from the URL fragment once, then keeps it for reloads of this tab only. */
function takeToken(): string {
  const params = new URLSearchParams(window.location.hash.slice(1))
  const fromUrl = params.get(tokenParam)
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl)
    history.replaceState(null, '', window.location.pathname + window.location.search)
    return fromUrl
  }
  return sessionStorage.getItem(tokenKey) ?? ''
}

const lostConnection: Result<never> = {
  ok: false,
  error: { code: 'unreachable', message:
    'No connection to the ALIAS Inspector service: it stopped, or this page was opened without the URL printed by `npm run web` (it carries the access token).' }
}

/** Browser mode's transport: one WebSocket to the same origin, requests matched to results by id. */
export function createWebSocketTransport(): Transport {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
  const url = `${scheme}://${window.location.host}${wsPath}?${tokenParam}=${encodeURIComponent(takeToken())}`
  const socket = new WebSocket(url)
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const opened = new Promise<boolean>((resolve) => {
    socket.addEventListener('open', () => resolve(true), { once: true })
    socket.addEventListener('close', () => resolve(false), { once: true })
  })
  let nextId = 1

  socket.addEventListener('message', (event) => {
    const parsed = serverMessageSchema.safeParse(JSON.parse(String(event.data)))
    if (!parsed.success) return
    const message = parsed.data
    if (message.kind === 'result') {
      pending.get(message.id)?.(message.result as Result<unknown>)
      pending.delete(message.id)
    } else {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload)
    }
  })
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) resolve(lostConnection)
    pending.clear()
  })

  return {
    async invoke(channel: Channel, input: unknown) {
      if (!(await opened) || socket.readyState !== WebSocket.OPEN) return lostConnection
      const id = nextId++
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve)
        socket.send(JSON.stringify({ id, channel, payload: input }))
      })
    },
    subscribe(event: EventName, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    }
  }
}
