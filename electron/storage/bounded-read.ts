/**
 * Reads a user-named file only when it is a regular file, and never more than a cap. A FIFO would
 * block the read forever and /dev/zero would fill memory, so both are refused before any read.
 */
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'

function kindOf(stats: import('node:fs').Stats): string {
  if (stats.isDirectory()) return 'a folder'
  if (stats.isFIFO()) return 'a FIFO (named pipe)'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isSocket()) return 'a socket'
  return 'not a regular file'
}

export class FileRefusedError extends Error {
  override readonly name = 'FileRefusedError'
}

/** The file's text (UTF-8); throws FileRefusedError for anything but a regular file of at most `maxBytes`. */
export async function readRegularFile(path: string, maxBytes: number): Promise<string> {
  return (await readRegularFileBytes(path, maxBytes)).toString('utf8')
}

/** readRegularFile's octets, undecoded (the zone loader's byte path reads them as they are). */
export async function readRegularFileBytes(path: string, maxBytes: number): Promise<Buffer> {
  // O_NONBLOCK: opening a FIFO without a writer must not wait; regular files ignore the flag.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) throw new FileRefusedError(`${path} is ${kindOf(stats)}; only regular files can be read as zones`)
    if (stats.size > maxBytes) throw new FileRefusedError(`${path} is ${stats.size} bytes; files over ${maxBytes} bytes are refused`)
    // The size can change under us: read at most one octet past the cap to notice.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, stats.size + 1))
    let filled = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled)
      if (bytesRead === 0) break
      filled += bytesRead
      if (filled === buffer.length) {
        if (filled > maxBytes) throw new FileRefusedError(`${path} grew past ${maxBytes} bytes while being read; refused`)
        break
      }
    }
    return buffer.subarray(0, filled)
  } finally {
    await handle.close()
  }
}
