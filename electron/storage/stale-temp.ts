/**
 * Temp files that an atomic write left behind when the process died between creating and renaming
 * them (`.<name>.<pid>.<hex>.tmp`, see writeFileAtomic and saveZoneFile). Removed at start-up, unless
 * the process that made one is still alive and the file is recent: another instance may be mid-write.
 */
import { readdir, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/
const RECENT_MS = 10 * 60_000

function alive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes stale temp files directly in each folder; returns the names removed. Missing folders are fine. */
export async function removeStaleTempFiles(dirs: readonly string[], now = Date.now()): Promise<string[]> {
  const removed: string[] = []
  for (const dir of dirs) {
    let names: string[]
    try {
      names = await readdir(dir)
    } catch {
      continue
    }
    for (const name of names) {
      const match = TEMP_NAME.exec(name)
      if (!match) continue
      const path = join(dir, name)
      try {
        const info = await stat(path)
        if (!info.isFile()) continue
        if (alive(Number(match[1])) && now - info.mtimeMs < RECENT_MS) continue
        await unlink(path)
        removed.push(path)
      } catch {
        // gone already, or not ours to remove
      }
    }
  }
  return removed
}
