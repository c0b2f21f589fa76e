#!/usr/bin/env node
// `npm start`: rebuild native modules (better-sqlite3) for Electron's ABI, then build and start the desktop app.
// Plain Node (tests, browser mode) needs them built for Node instead; `npm test` switches them back when needed.
import { spawnSync } from 'node:child_process'

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const run = (args) => spawnSync(npx, args, { stdio: 'inherit' }).status ?? 1

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') {
  console.error('ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set, so Electron was installed without its runtime: the desktop app cannot start. Use `npm run web` for browser mode.')
  process.exit(1)
}
if (run(['electron-builder', 'install-app-deps']) !== 0) {
  console.error('Could not rebuild better-sqlite3 for Electron (electron-builder install-app-deps). Watch history will be unavailable.')
  process.exit(1)
}
process.exit(run(['electron-vite', 'preview', ...process.argv.slice(2)]))
