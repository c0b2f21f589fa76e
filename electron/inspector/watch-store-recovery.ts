/**
 * Opens watch.sqlite, checking it first (`PRAGMA quick_check`). A damaged file is moved aside to
 * `watch.sqlite.corrupt-<time>` (with its -wal and -shm), a fresh store starts, and every session and
 * sample that can still be read from the damaged copy is carried over; the notice names the moved file.
 */
import { existsSync, renameSync } from 'node:fs'
import { basename } from 'node:path'
import Database from 'better-sqlite3'
import { WatchStore } from './watch-store'

export interface OpenedWatchStore {
  store: WatchStore
  /** Set when the file was damaged: what happened and where it went. */
  notice?: string
}

const CORRUPTION = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE'])

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code
  return typeof code === 'string' && CORRUPTION.has(code)
}

function checked(path: string): { store?: WatchStore; problem?: string } {
  let store: WatchStore | undefined
  try {
    store = new WatchStore(path)
    const result = store.quickCheck()
    if (result === 'ok') return { store }
    store.close()
    return { problem: result.slice(0, 300) }
  } catch (error) {
    store?.close()
    if (!isCorruption(error)) throw error
    return { problem: error instanceof Error ? error.message.slice(0, 300) : String(error) }
  }
}

function moveAside(path: string, when: Date): string {
  const stamp = when.toISOString().replace(/[:.]/g, '-')
  let target = `${path}.corrupt-${stamp}`
  for (let n = 2; existsSync(target); n++) target = `${path}.corrupt-${stamp}-${n}`
  renameSync(path, target)
  for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix)
  return target
}

/** Runs `copy` on each row that still reads: a damaged row is skipped, a damaged page ends the scan. */
function eachReadable(rows: () => Iterable<unknown>, copy: (row: Record<string, unknown>) => void): void {
  try {
    for (const row of rows() as Iterable<Record<string, unknown>>) {
      try {
        copy(row)
      } catch {
        // a row with damaged values: skipped
      }
    }
  } catch {
    // the scan hit a damaged page: keep what came before it
  }
}

/** Inserts a row with every column it shares with the fresh table (a file of an older version lacks the later ones: their defaults apply). */
function inserter(db: Database.Database, table: 'sessions' | 'samples'): (row: Record<string, unknown>) => number {
  const known = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name))
  const statements = new Map<string, Database.Statement>()
  return (row) => {
    const columns = Object.keys(row).filter((c) => known.has(c))
    const key = columns.join(', ')
    let statement = statements.get(key)
    if (!statement) {
      statement = db.prepare(`INSERT OR IGNORE INTO ${table} (${key}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`)
      statements.set(key, statement)
    }
    return statement.run(Object.fromEntries(columns.map((c) => [c, row[c]]))).changes
  }
}

/** Copies what still reads, row by row: a damaged page ends one table scan, not the whole recovery. */
function carryOver(from: string, to: string): { sessions: number; samples: number } {
  let sessions = 0
  let samples = 0
  let old: Database.Database | undefined
  const fresh = new Database(to)
  try {
    old = new Database(from, { readonly: true, fileMustExist: true })
    const insertSession = inserter(fresh, 'sessions')
    const insertSample = inserter(fresh, 'samples')
    const ids: string[] = []
    const allSessions = old.prepare('SELECT * FROM sessions')
    eachReadable(
      () => allSessions.iterate(),
      (row) => {
        insertSession(row)
        ids.push(String(row.id))
        sessions++
      }
    )
    const sampleQuery = old.prepare('SELECT * FROM samples WHERE session_id = ?')
    for (const id of ids) {
      fresh.transaction(() => eachReadable(() => sampleQuery.iterate(id), (row) => void (samples += insertSample(row))))()
    }
  } catch {
    // nothing readable at all
  } finally {
    old?.close()
    fresh.close()
  }
  return { sessions, samples }
}

export function openCheckedWatchStore(path: string, now: () => Date = () => new Date()): OpenedWatchStore {
  const first = checked(path)
  if (first.store) return { store: first.store }
  const movedTo = moveAside(path, now())
  new WatchStore(path).close()
  const { sessions, samples } = carryOver(movedTo, path)
  const store = new WatchStore(path)
  const kept =
    sessions > 0
      ? `${sessions} watch session${sessions === 1 ? '' : 's'} with ${samples} sample${samples === 1 ? '' : 's'} could be carried over`
      : 'no watch session could be carried over; the watch history starts empty'
  return {
    store,
    notice: `${basename(path)} was damaged (${first.problem}). It was moved to ${basename(movedTo)}; ${kept}.`
  }
}
