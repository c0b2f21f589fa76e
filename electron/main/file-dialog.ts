import { dialog, type BrowserWindow } from 'electron'
import type { Services } from '../services'
import { openPathForWindow } from './open-requests'

const ZONE = { name: 'Zone files', extensions: ['zone', 'txt'] }
const WATCH = { name: 'Watch exports (JSON)', extensions: ['json'] }
const ALL = { name: 'All files', extensions: ['*'] }

/** File › Open…: the main side shows the dialog and reads the file; the window only learns its name and contents. */
export async function openFromDialog(window: BrowserWindow | undefined, kind: 'zone' | 'watch', services: Services): Promise<void> {
  const options = {
    title: kind === 'zone' ? 'Open zone file' : 'Open watch export',
    properties: ['openFile' as const],
    filters: kind === 'zone' ? [ZONE, WATCH, ALL] : [WATCH, ZONE, ALL]
  }
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  const path = result.filePaths[0]
  if (result.canceled || !path) return
  await openPathForWindow(path, services)
}
