import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { channelNames } from '@shared/channels'
import { fail } from '@shared/result'
import type { Services } from '../services'
import { isAppUrl } from './renderer-location'
import { appWindows } from './window'

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const window = BrowserWindow.fromWebContents(event.sender)
  if (!window || !appWindows().has(window)) return false
  const frame = event.senderFrame
  return frame !== null && frame !== undefined && isAppUrl(frame.url)
}

/** One handler per channel; each rejects foreign senders, then hands the raw payload to the validating dispatcher. */
export function setupIpc(services: Services): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event)) return fail('forbidden', `${channel}: the request did not come from the app's window`)
      return services.dispatch(channel, payload)
    })
  }
  services.events.subscribe((event, payload) => {
    for (const window of appWindows()) {
      if (!window.isDestroyed()) window.webContents.send(event, payload)
    }
  })
}
