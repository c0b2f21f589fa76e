// Where the Electron runtime is, found the way Electron's own index.js finds it, but without downloading.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The electron package's folder, resolved from the project the script starts. */
export function electronPackageDir(projectRoot) {
  return dirname(createRequire(join(projectRoot, 'package.json')).resolve('electron/package.json'))
}

/**
 * The runtime executable, or undefined when it has not been fetched yet. `ELECTRON_EXEC_PATH` (what
 * electron-vite reads) wins; then `ELECTRON_OVERRIDE_DIST_PATH` and `path.txt`, as in Electron's index.js.
 */
export function findRuntime(packageDir, env = process.env) {
  if (env.ELECTRON_EXEC_PATH) return existsSync(env.ELECTRON_EXEC_PATH) ? env.ELECTRON_EXEC_PATH : undefined
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || (process.platform === 'win32' ? 'electron.exe' : 'electron'))
    : relative && join(packageDir, 'dist', relative)
  return candidate && existsSync(candidate) ? candidate : undefined
}
