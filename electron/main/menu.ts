import { Menu, type MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  newInspection(): void
  openZoneFile(): void
  openWatchExport(): void
  exportData(): void
  showView(view: 'inspect' | 'watch' | 'lab'): void
}

export interface MenuOptions {
  isMac: boolean
  /** Unpackaged under `electron-vite dev`: the only case with Toggle Developer Tools. */
  development: boolean
}

/** The application menu: the usual roles, plus the app's own commands with their accelerators. */
export function menuTemplate(actions: MenuActions, { isMac, development }: MenuOptions): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'new-inspection', label: 'New inspection', accelerator: 'CmdOrCtrl+N', click: () => actions.newInspection() },
      { id: 'open-zone', label: 'Open zone file…', accelerator: 'CmdOrCtrl+O', click: () => actions.openZoneFile() },
      { id: 'open-watch', label: 'Open watch export…', click: () => actions.openWatchExport() },
      { type: 'separator' },
      { id: 'export', label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportData() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' }
    ]
  }
  const views: MenuItemConstructorOptions[] = [
    { id: 'view-inspect', label: 'Inspect', accelerator: 'CmdOrCtrl+1', click: () => actions.showView('inspect') },
    { id: 'view-watch', label: 'Watch && staleness', accelerator: 'CmdOrCtrl+2', click: () => actions.showView('watch') },
    { id: 'view-lab', label: 'Local ALIAS lab', accelerator: 'CmdOrCtrl+3', click: () => actions.showView('lab') }
  ]
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...views,
      { type: 'separator' },
      { role: 'reload' },
      ...(development ? [{ role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' }
    ]
  }
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] }
  ]
}

export function setupMenu(actions: MenuActions, options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, options)))
}
