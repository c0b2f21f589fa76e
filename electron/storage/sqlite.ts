import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'

/** Opens (creating its folder) a SQLite file for one writer: WAL, normal sync, a 2 s busy wait; `:memory:` too. */
export function openSqlite(path: string, options: { foreignKeys?: boolean } = {}): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  if (options.foreignKeys) db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 2000')
  return db
}
