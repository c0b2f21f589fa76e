#!/usr/bin/env node
// `npm start`: make sure the Electron runtime is there (fetching it through Electron's own installer when it is
// not), rebuild native modules (better-sqlite3) for Electron's ABI, then build and start the desktop app.
// Plain Node (tests, browser mode) needs them built for Node instead; `npm test` switches them back when needed.
import { spawnSync } from 'node:child_process'
import { delimiter, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { firstErrorLine, nodeVersionLine, runtimeMissingParagraph } from './desktop/messages.mjs'
import { electronPackageDir, findRuntime } from './desktop/runtime.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const windows = process.platform === 'win32'
// Commands come from PATH first (npm puts the project's own bin folder there), then from the project's bin folder.
const env = { ...process.env, PATH: [process.env.PATH, join(root, 'node_modules', '.bin')].filter(Boolean).join(delimiter) }
const run = (command, args, options = {}) =>
  spawnSync(windows ? `${command}.cmd` : command, args, { cwd: root, env, stdio: 'inherit', shell: windows, ...options })

const oldNode = nodeVersionLine()
if (oldNode) console.error(oldNode)

let packageDir
try {
  packageDir = electronPackageDir(root)
} catch {
  console.error('The desktop app cannot start: the electron package is not installed (a production-only install leaves it out). Run `npm install`, then `npm start` again; `npm run web` gives the same app in your browser.')
  process.exit(1)
}
let runtime = findRuntime(packageDir, env)
if (!runtime) {
  const skipped = env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1'
  let reason
  if (!skipped) {
    console.log('The Electron runtime is not there yet; fetching it with Electron\'s own installer (once, about 100 MB)…')
    const install = spawnSync(process.execPath, [join(packageDir, 'install.js')], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] })
    runtime = install.status === 0 ? findRuntime(packageDir, env) : undefined
    reason = install.error ? install.error.message : firstErrorLine(install.stderr)
  }
  if (!runtime) {
    console.error(runtimeMissingParagraph({ skipped, reason }))
    process.exit(1)
  }
}
env.ELECTRON_EXEC_PATH = runtime

const rebuild = run('electron-builder', ['install-app-deps'])
if (rebuild.status !== 0) {
  console.error('Could not rebuild better-sqlite3 for Electron (`electron-builder install-app-deps`, which needs internet access the first time to fetch Electron\'s headers). `npm run web` gives the same app in your browser.')
  process.exit(1)
}
const app = run('electron-vite', ['preview', ...process.argv.slice(2)])
process.exit(app.status ?? 1)
