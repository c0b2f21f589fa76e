#!/usr/bin/env node
// `npm start` rebuilds better-sqlite3 for Electron's ABI; tests and browser mode run on plain Node.
// When the module no longer loads under this Node, rebuild it for Node, saying so.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const loads = () => {
  try {
    const Database = createRequire(import.meta.url)('better-sqlite3')
    new Database(':memory:').close()
    return true
  } catch (error) {
    return String(error?.message ?? error)
  }
}

const first = loads()
if (first === true) process.exit(0)
console.log(`better-sqlite3 does not load under Node ${process.version} (${first.split('\n')[0]}); rebuilding it for Node.`)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
spawnSync(npm, ['rebuild', 'better-sqlite3'], { stdio: 'inherit' })
const second = loads()
if (second !== true) {
  console.error(`better-sqlite3 still does not load: ${second}`)
  process.exit(1)
}
