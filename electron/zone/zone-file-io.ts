/** Loading and atomically saving zone files. */
import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { ZoneParseError } from './errors'
import type { ParseZoneOptions, Zone } from './model'
import { parseZone } from './parser'
import { readRegularFile } from '../storage/bounded-read'

/** The fs calls saveZoneFile makes; injectable so tests can fail any step. */
export type SaveFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'stat'>

export const MAX_ZONE_FILE_BYTES = 16 * 1024 * 1024

/**
 * Writes `text` to a temp file beside `path`, fsyncs it, then renames it over `path`, so a
 * reader sees the old file or the new one, never a torn one. The temp file is removed on failure.
 */
export async function saveZoneFile(path: string, text: string, fs: SaveFs = nodeFs): Promise<void> {
  const dir = dirname(path)
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  let mode = 0o644
  try {
    mode = (await fs.stat(path)).mode & 0o777
  } catch {
    // new file
  }
  let created = false
  try {
    const handle = await fs.open(tmp, 'wx', mode)
    created = true
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(tmp, path)
    created = false
  } catch (err) {
    if (created) await fs.unlink(tmp).catch(() => undefined)
    throw err
  }
  await syncDirectory(dir, fs)
}

/** Makes the rename durable on POSIX; Windows cannot open directories, which is fine there. */
async function syncDirectory(dir: string, fs: SaveFs): Promise<void> {
  if (process.platform === 'win32') return
  try {
    const handle = await fs.open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // best effort: the data itself is already synced
  }
}

export interface LoadedZoneFile {
  text: string
  zone?: Zone
  errors: ZoneParseError[]
}

export async function loadZoneFile(path: string, options: ParseZoneOptions = {}): Promise<LoadedZoneFile> {
  const text = await readRegularFile(path, MAX_ZONE_FILE_BYTES)
  return { text, ...parseZone(text, options) }
}
