/**
 * The zones saved under `<dataDir>/zones/` (the lab's editor saves them there), offered as audit
 * input: a list to pick from and the text of one. Only names that the listing itself returns are
 * read, so a request cannot reach outside the folder.
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { SavedZone } from '@shared/audit'
import { ServiceError } from '@shared/errors'
import { FileRefusedError, readRegularFile } from '../storage/bounded-read'
import { MAX_ZONE_FILE_BYTES } from '../zone'

const ORIGIN_LINE = /^\$ORIGIN\s+(\S+)/im

async function zoneFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.zone') && !n.startsWith('.')).sort()
  } catch {
    return []
  }
}

/** The origin a file states, else the one its name stands for (lab-zones' zoneFileName, reversed). */
function originOf(file: string, head: string): string {
  const stated = ORIGIN_LINE.exec(head)?.[1]
  if (stated) return stated.toLowerCase()
  const stem = file.replace(/\.zone$/, '')
  try {
    return `${decodeURIComponent(stem)}.`
  } catch {
    return `${stem}.`
  }
}

export async function listSavedZones(dataDir: string): Promise<SavedZone[]> {
  const dir = join(dataDir, 'zones')
  const out: SavedZone[] = []
  for (const file of await zoneFiles(dir)) {
    try {
      const info = await stat(join(dir, file))
      if (!info.isFile()) continue
      const text = await readRegularFile(join(dir, file), MAX_ZONE_FILE_BYTES)
      out.push({ file, origin: originOf(file, text.slice(0, 4096)), bytes: info.size, modifiedMs: info.mtimeMs })
    } catch {
      // unreadable or refused (not a regular file, too large): not offered
    }
  }
  return out
}

export async function readSavedZone(dataDir: string, file: string): Promise<{ file: string; origin: string; text: string }> {
  const dir = join(dataDir, 'zones')
  if (!(await zoneFiles(dir)).includes(file)) throw new ServiceError('not-found', `no saved zone named ${file}`)
  try {
    const text = await readRegularFile(join(dir, file), MAX_ZONE_FILE_BYTES)
    return { file, origin: originOf(file, text.slice(0, 4096)), text }
  } catch (error) {
    if (error instanceof FileRefusedError) throw new ServiceError('bad-input', error.message)
    throw error
  }
}
