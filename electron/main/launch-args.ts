import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEEP_LINK_SCHEME } from '@shared/deep-link'

export interface LaunchRequests {
  links: string[]
  files: string[]
}

/** Files the app opens when the OS hands them over (the .desktop association, a second launch). */
const OPENABLE = /\.(zone|json)$/i

/**
 * What a command line asks the app to open: `alias-inspector://` links and zone files or watch exports (as paths
 * or file:// URLs, relative to the launching folder). Chromium's switches and the app's own entry are ignored.
 */
export function launchRequests(argv: readonly string[], cwd: string): LaunchRequests {
  const links: string[] = []
  const files: string[] = []
  for (const arg of argv) {
    if (arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) {
      links.push(arg)
      continue
    }
    if (arg.startsWith('-') || arg === '.') continue
    let path = arg
    if (arg.startsWith('file://')) {
      try {
        path = fileURLToPath(arg)
      } catch {
        continue
      }
    }
    if (OPENABLE.test(path)) files.push(isAbsolute(path) ? path : resolve(cwd, path))
  }
  return { links, files }
}
