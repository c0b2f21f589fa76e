import { dialog, type BrowserWindow } from 'electron'
import type { Services } from '../services'

/** What is running, in words, or undefined when nothing is. */
function runningActivity(activity: { watches: number; lab: boolean }): string | undefined {
  const parts = [
    ...(activity.watches > 0 ? [activity.watches === 1 ? 'a watch is running' : `${activity.watches} watches are running`] : []),
    ...(activity.lab ? ['the lab server is running'] : [])
  ]
  return parts.length ? parts.join(' and ') : undefined
}

/**
 * Closing the window while a watch or the lab server runs asks first; "Stop and close" stops them cleanly
 * (watches end as stopped, the server closes its sockets), then closes.
 */
export function guardClose(window: BrowserWindow, services: Services): void {
  let confirmed = false
  let asking = false
  window.on('close', (event) => {
    if (confirmed) return
    const running = runningActivity(services.activity())
    if (!running) return
    event.preventDefault()
    if (asking) return
    asking = true
    void dialog
      .showMessageBox(window, {
        type: 'question',
        buttons: ['Stop and close', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        title: 'Close ALIAS Inspector?',
        message: `${running.charAt(0).toUpperCase()}${running.slice(1)}.`,
        detail: 'Closing stops it. A stopped watch keeps what it recorded.'
      })
      .then(async ({ response }) => {
        if (response !== 0) return
        await services.stopActivity()
        confirmed = true
        window.close()
      })
      .finally(() => {
        asking = false
      })
  })
}
