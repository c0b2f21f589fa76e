import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import { ServiceError } from '@shared/errors'

/** Largest file File › Open… reads on the main side (a long watch export). */
const MAX_OPEN_FILE_BYTES = 64 * 1024 * 1024

/**
 * Reads a file the person picked in the main side's dialog: a regular file, at most `maxBytes`, UTF-8. Only its
 * name (never the folder) goes on to the window.
 */
export async function readForOpen(path: string, maxBytes = MAX_OPEN_FILE_BYTES): Promise<{ name: string; text: string }> {
  const name = basename(path)
  let handle
  try {
    // non-blocking: opening a FIFO for reading would otherwise wait for a writer forever
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ServiceError('not-found', `${name} could not be opened${code ? ` (${code})` : ''}`)
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new ServiceError('bad-input', `${name} is not a regular file`)
    if (info.size > maxBytes) throw new ServiceError('bad-input', `${name} is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`)
    // read one byte past the cap: a file that grew after stat must still be refused
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    if (bytesRead > maxBytes) throw new ServiceError('bad-input', `${name} is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`)
    try {
      return { name, text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead)) }
    } catch {
      throw new ServiceError('bad-input', `${name} is not UTF-8 text`)
    }
  } finally {
    await handle.close()
  }
}
