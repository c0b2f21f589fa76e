#!/usr/bin/env node
// Installs the Debian packages the tests need when they are missing (as root, with apt-get), or fails naming them.
import { execFileSync } from 'node:child_process'
import { accessSync, constants, existsSync, readdirSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { systemDeps } from './system-deps.mjs'

const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin']
const hasCommand = (command) =>
  dirs.some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK)
      return true
    } catch {
      return false
    }
  })
const bindBackendInstalled = () =>
  ['/usr/lib/x86_64-linux-gnu/pdns', '/usr/lib/aarch64-linux-gnu/pdns', '/usr/lib/pdns'].some(
    (dir) => existsSync(dir) && readdirSync(dir).some((name) => name.startsWith('libbindbackend'))
  )
const present = (dep) => (dep.pkg === 'pdns-backend-bind' ? bindBackendInstalled() : hasCommand(dep.command))

const missing = systemDeps.filter((dep) => !present(dep))
if (missing.length === 0) process.exit(0)

const names = missing.map((dep) => dep.pkg)
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
if (!isRoot || !hasCommand('apt-get')) {
  console.error('The test suite needs these Debian packages, which are missing:')
  for (const dep of missing) console.error(`  ${dep.pkg.padEnd(18)} (${dep.command}): ${dep.why}`)
  console.error(`Install them with: sudo apt-get install -y ${names.join(' ')}`)
  process.exit(1)
}

console.log(`Installing Debian packages for the tests: ${names.join(' ')}`)
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { stdio: 'inherit', env })

// Debian starts the daemons it installs; the tests start their own on free ports, so stop the system ones.
for (const service of ['knot', 'nsd', 'unbound', 'pdns']) {
  try {
    execFileSync('service', [service, 'stop'], { stdio: 'ignore' })
  } catch {
    // not running, or no service manager: nothing to stop
  }
}

const still = systemDeps.filter((dep) => !present(dep))
if (still.length > 0) {
  console.error(`Still missing after apt-get: ${still.map((dep) => `${dep.pkg} (${dep.command})`).join(', ')}`)
  process.exit(1)
}
