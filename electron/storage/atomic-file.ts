import { randomBytes } from 'node:crypto'
import { lstat, open, readFile, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { z } from 'zod'
import { describeIssues } from '@shared/errors'

/**
 * Replaces `path` with `data` so that a crash or a failed write leaves either the old file or the new
 * one, never a mix: write a temp file in the same folder, fsync it, rename it over `path`, fsync the folder.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path)
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  let renamed = false
  try {
    const handle = await open(temp, 'wx', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
    renamed = true
    await syncFolder(dir)
  } finally {
    if (!renamed) await unlink(temp).catch(() => {})
  }
}

/** Makes the rename durable. Windows cannot open a folder for fsync; there the rename is as good as it gets. */
async function syncFolder(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
  } catch {
    return
  }
  try {
    await handle.sync()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR' && code !== 'ENOTSUP') throw error
  } finally {
    await handle.close()
  }
}

export type JsonFileResult<T> =
  | { status: 'missing' }
  | { status: 'ok'; value: T }
  /**
   * The file could not be read, parsed or validated; it was renamed to `movedTo` (unless that failed too).
   * `text` is what could be read, for salvaging records (empty when nothing could).
   */
  | { status: 'corrupt'; reason: string; movedTo?: string; text: string }

/**
 * Reads and validates a JSON file. A file that exists but cannot be read, parsed or validated is moved
 * aside to `<path>.corrupt-<timestamp>` so that the next write does not destroy what is left of it.
 */
export async function readJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  now: () => Date = () => new Date()
): Promise<JsonFileResult<z.output<S>>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' }
    return moveAside(path, `it could not be read (${describeError(error)})`, now(), '')
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return moveAside(path, `it is not valid JSON (${clip(describeError(error))})`, now(), text)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    return moveAside(path, `it does not have the expected shape (${clip(describeIssues(parsed.error.issues, 1))})`, now(), text)
  }
  return { status: 'ok', value: parsed.data }
}

const clip = (text: string, max = 200): string => (text.length > max ? `${text.slice(0, max)}…` : text)

async function moveAside(path: string, reason: string, when: Date, text: string): Promise<JsonFileResult<never>> {
  const stamp = when.toISOString().replace(/[:.]/g, '-')
  let target = `${path}.corrupt-${stamp}`
  for (let n = 2; await exists(target); n++) target = `${path}.corrupt-${stamp}-${n}`
  try {
    await rename(path, target)
    return { status: 'corrupt', reason, movedTo: target, text }
  } catch (error) {
    return { status: 'corrupt', reason: `${reason}; moving it aside failed (${describeError(error)})`, text }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT'
  }
}

function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException
  return e?.code ?? (error instanceof Error ? error.message : String(error))
}
