import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { tempDir, type TempDir } from '../../scripts/peers/temp-dir'

/** A temporary folder for the surrounding describe (or file): made before its hooks and tests, removed after them. */
export function tempDirForSuite(prefix: string): { readonly path: string } {
  return tempDirAround(prefix, beforeAll, afterAll, 'beforeAll')
}

/** A new temporary folder for each test of the surrounding describe (or file), removed after it. */
export function tempDirForEach(prefix: string): { readonly path: string } {
  return tempDirAround(prefix, beforeEach, afterEach, 'beforeEach')
}

function tempDirAround(
  prefix: string,
  before: (hook: () => Promise<void>) => void,
  after: (hook: () => Promise<void>) => void,
  when: string
): { readonly path: string } {
  let dir: TempDir | undefined
  before(async () => {
    dir = await tempDir(prefix)
  })
  after(async () => {
    await dir?.cleanup()
    dir = undefined
  })
  return {
    get path() {
      if (!dir) throw new Error(`the folder is made in ${when}`)
      return dir.path
    }
  }
}
