import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

const extraDirs = ['/usr/sbin', '/sbin', '/usr/bin']

/**
 * Absolute path of a command the test needs. Throws, naming the tool and its Debian package,
 * when it is missing: a test never passes silently without its peer.
 */
export function requireTool(command: string, debianPackage: string): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extraDirs]
  for (const dir of dirs) {
    const candidate = join(dir, command)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // keep looking
    }
  }
  throw new Error(
    `This test needs '${command}' (Debian package '${debianPackage}'), which is not installed. ` +
      `Run 'npm test' as root to install it, or 'apt-get install ${debianPackage}'.`
  )
}
