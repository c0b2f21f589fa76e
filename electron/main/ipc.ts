import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { channelNames } from '@shared/channels'
import { fail } from '@shared/result'
import type { Services } from '../services'
import { MAX_IN_FLIGHT } from '../services'
import { isAppUrl } from './renderer-location'
import { appWindows } from './window'

function isTrustedSender(event: IpcMainInvokeEvent, appUrl: string): boolean {
  const window = BrowserWindow.fromWebContents(event.sender)
  if (!window || !appWindows().has(window)) return false
  const frame = event.senderFrame
  return frame !== null && frame !== undefined && isAppUrl(frame.url, appUrl)
}

interface Sender {
  inFlight: number
  abort: AbortController
}

/**
 * One handler per channel; each rejects foreign senders, then hands the raw payload to the validating dispatcher.
 * A window may have MAX_IN_FLIGHT requests running, like a browser-mode socket; what it asked for is cancelled
 * when its page goes away.
 */
export function setupIpc(services: Services, appUrl: () => string): void {
  const senders = new WeakMap<WebContents, Sender>()
  const senderOf = (contents: WebContents): Sender => {
    let state = senders.get(contents)
    if (!state) {
      const created: Sender = { inFlight: 0, abort: new AbortController() }
      senders.set(contents, created)
      contents.once('destroyed', () => created.abort.abort())
      state = created
    }
    return state
  }
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event, appUrl())) return fail('forbidden', `${channel}: the request did not come from the app's window`)
      const sender = senderOf(event.sender)
      if (sender.inFlight >= MAX_IN_FLIGHT) {
        return fail('conflict', `busy: too many requests at once from this window (${MAX_IN_FLIGHT}); wait for their answers`)
      }
      sender.inFlight++
      try {
        return await services.dispatch(channel, payload, sender.abort.signal)
      } finally {
        sender.inFlight--
      }
    })
  }
  services.events.subscribe((event, payload) => {
    for (const window of appWindows()) {
      if (!window.isDestroyed()) window.webContents.send(event, payload)
    }
  })
}
