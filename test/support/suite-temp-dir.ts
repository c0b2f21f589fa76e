import { afterAll, beforeAll } from 'vitest'
import { tempDir, type TempDir } from '../../scripts/peers/temp-dir'

/** A temporary folder for the surrounding describe (or file): made before its hooks and tests, removed after them. */
export function tempDirForSuite(prefix: string): { readonly path: string } {
  let dir: TempDir | undefined
  beforeAll(async () => {
    dir = await tempDir(prefix)
  })
  afterAll(async () => {
    await dir?.cleanup()
  })
  return {
    get path() {
      if (!dir) throw new Error('the folder is made in beforeAll')
      return dir.path
    }
  }
}
