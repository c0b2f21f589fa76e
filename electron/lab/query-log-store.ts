/**
 * The lab's query log on disk (`<dataDir>/lab-log.sqlite`, WAL): the newest `cap` entries, with the count of
 * older ones removed to stay under it. Entries are queued in memory and written in batched transactions on a
 * timer, a bounded number per tick, so a burst of queries never stalls the process the DNS server runs in;
 * entries beyond what the store can take are counted (`overflow`), never silently lost.
 */
import type Database from 'better-sqlite3'
import type { QueryLogEntry } from '@shared/alias-server'
import type { QueryLogFilter, QueryLogRecord, QueryLogStats } from '@shared/lab-log'
import { QUERY_LOG_CAP } from '@shared/lab-log'
import { openSqlite } from '../storage/sqlite'
import { filterSql } from './query-log-filter'
import { toRecord, type EntryRow } from './query-log-rows'

export const QUERY_LOG_DB_FILE = 'lab-log.sqlite'

/** '127.0.0.1:5353' → '127.0.0.1', '[::1]:5353' → '::1': one menu entry per client, whatever its source port. */
const clientAddress = (client: string): string => client.replace(/^\[(.*)\]:\d+$/, '$1').replace(/^([^:]*):\d+$/, '$1')
const SCHEMA_VERSION = 1
const WRITE_EVERY_MS = 100
/** Rows per write (and as many removed by the cap): a few milliseconds of work. Top rate 10,000 rows a second. */
const ROWS_PER_WRITE = 1000
/** Queued rows beyond this are counted as overflow (about 5 s of the store's top rate). */
const MAX_QUEUED = 50_000
/** Distinct values kept for the filter menus. */
const MAX_FACETS = 200

export interface QueryLogStoreOptions {
  cap?: number
  /** Called after each write with the new figures (the lab turns it into a `lab:logged` event). */
  onWritten?: (stats: QueryLogStats) => void
}

export class QueryLogStore {
  readonly cap: number
  private readonly db: Database.Database
  private readonly insert: Database.Statement
  private readonly trim: Database.Statement
  private facetSets: { types: Set<string>; rcodes: Set<string>; clients: Set<string> } | null = null
  private queue: Array<{ run: number; entry: QueryLogEntry }> = []
  private timer: NodeJS.Timeout | null = null
  private kept: number
  private dropped: number
  private newestId: number
  private overflow = 0
  private run: number | null = null
  private runLogged = 0
  private closed = false

  constructor(
    path: string,
    private readonly options: QueryLogStoreOptions = {}
  ) {
    this.cap = Math.max(1, options.cap ?? QUERY_LOG_CAP)
    this.db = openSqlite(path)
    if ((this.db.pragma('user_version', { simple: true }) as number) < SCHEMA_VERSION) {
      this.db.exec(`
        CREATE TABLE IF NOT EXISTS entries (
          id INTEGER PRIMARY KEY AUTOINCREMENT, run REAL NOT NULL, time REAL NOT NULL, client TEXT NOT NULL,
          transport TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, rcode TEXT NOT NULL, answer TEXT NOT NULL,
          ttl INTEGER, cache TEXT NOT NULL, rtt REAL, ede_code INTEGER, ede_text TEXT, truncated INTEGER NOT NULL, rule TEXT);
        CREATE INDEX IF NOT EXISTS entries_run ON entries(run);
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
        PRAGMA user_version = ${SCHEMA_VERSION};`)
    }
    this.trim = this.db.prepare('DELETE FROM entries WHERE id <= ?')
    this.insert = this.db.prepare(
      `INSERT INTO entries (run, time, client, transport, name, type, rcode, answer, ttl, cache, rtt, ede_code, ede_text, truncated, rule)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    this.kept = (this.db.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n
    this.dropped = (this.db.prepare(`SELECT value FROM meta WHERE key = 'dropped'`).get() as { value: number } | undefined)?.value ?? 0
    this.newestId = (this.db.prepare('SELECT MAX(id) AS id FROM entries').get() as { id: number | null }).id ?? 0
  }

  /** A server started (its start time is the run id) or stopped (null). */
  setRun(run: number | null): void {
    this.writeAll()
    this.run = run
    this.runLogged = 0
  }

  /** Queues entries of the current run; written within WRITE_EVERY_MS. */
  append(entries: readonly QueryLogEntry[]): void {
    if (this.closed || this.run === null) return
    const room = MAX_QUEUED - this.queue.length
    const taken = entries.length <= room ? entries : entries.slice(entries.length - Math.max(0, room))
    this.overflow += entries.length - taken.length
    for (const entry of taken) this.queue.push({ run: this.run, entry })
    this.runLogged += taken.length
    if (this.timer === null && this.queue.length > 0) {
      this.timer = setTimeout(() => this.tick(), WRITE_EVERY_MS)
      this.timer.unref()
    }
  }

  stats(): QueryLogStats {
    return {
      kept: this.kept + this.queue.length,
      dropped: this.dropped,
      overflow: this.overflow,
      cap: this.cap,
      newestId: this.newestId,
      run: this.run,
      runLogged: this.runLogged
    }
  }

  /** Newest first. Writes what is queued first, so a read sees every entry logged so far. */
  page(filter: QueryLogFilter, offset: number, limit: number, atOrBefore?: number): { rows: QueryLogRecord[]; matched: number } {
    this.writeAll()
    const { where, params } = this.where(filter, atOrBefore)
    const matched = (this.db.prepare(`SELECT COUNT(*) AS n FROM entries ${where}`).get(...params) as { n: number }).n
    const rows = this.db.prepare(`SELECT * FROM entries ${where} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, limit, offset) as EntryRow[]
    return { rows: rows.map(toRecord), matched }
  }

  /** Every match, oldest first (for export). */
  *iterate(filter: QueryLogFilter): Generator<QueryLogRecord> {
    this.writeAll()
    const { where, params } = this.where(filter)
    for (const row of this.db.prepare(`SELECT * FROM entries ${where} ORDER BY id ASC`).iterate(...params) as Iterable<EntryRow>) yield toRecord(row)
  }

  /** Types, RCODEs and client addresses (without port) seen: read from the file once, then kept up as entries arrive. */
  facets(): { types: string[]; rcodes: string[]; clients: string[] } {
    this.writeAll()
    if (!this.facetSets) {
      const distinct = (sql: string) => new Set((this.db.prepare(sql).all() as Array<{ v: string }>).map((r) => r.v))
      this.facetSets = {
        types: distinct(`SELECT DISTINCT type AS v FROM entries WHERE type != '' LIMIT ${MAX_FACETS}`),
        rcodes: distinct(`SELECT DISTINCT rcode AS v FROM entries WHERE rcode != '' LIMIT ${MAX_FACETS}`),
        clients: new Set([...distinct(`SELECT DISTINCT client AS v FROM entries LIMIT 100000`)].map(clientAddress).slice(0, MAX_FACETS))
      }
    }
    const sorted = (set: Set<string>) => [...set].sort()
    return { types: sorted(this.facetSets.types), rcodes: sorted(this.facetSets.rcodes), clients: sorted(this.facetSets.clients) }
  }

  /** Removes every entry (the user's "Clear"); ids keep increasing. */
  clear(): void {
    this.queue = []
    this.db.exec('DELETE FROM entries')
    this.kept = 0
    this.facetSets = null
  }

  close(): void {
    if (this.closed) return
    this.writeAll()
    this.closed = true
    if (this.timer !== null) clearTimeout(this.timer)
    this.db.close()
  }

  private where(filter: QueryLogFilter, atOrBefore?: number) {
    const built = filterSql(filter)
    if (atOrBefore !== undefined) {
      built.clauses.push('id <= ?')
      built.params.push(atOrBefore)
    }
    return { where: built.clauses.length > 0 ? `WHERE ${built.clauses.join(' AND ')}` : '', params: built.params }
  }

  private tick(): void {
    this.timer = null
    if (this.closed) return
    this.write()
    if (this.queue.length > 0) {
      this.timer = setTimeout(() => this.tick(), WRITE_EVERY_MS)
      this.timer.unref()
    }
    this.options.onWritten?.(this.stats())
  }

  private writeAll(): void {
    while (!this.closed && this.queue.length > 0) this.write()
  }

  /** Writes up to ROWS_PER_WRITE queued entries in one transaction, then trims to the cap. */
  private write(): void {
    if (this.closed || this.queue.length === 0) return
    const batch = this.queue.splice(0, ROWS_PER_WRITE)
    this.db.transaction(() => {
      let last = 0
      const f = this.facetSets
      for (const { run, entry: e } of batch) {
        if (f) {
          if (e.type && f.types.size < MAX_FACETS) f.types.add(e.type)
          if (e.rcode && f.rcodes.size < MAX_FACETS) f.rcodes.add(e.rcode)
          if (f.clients.size < MAX_FACETS) f.clients.add(clientAddress(e.client))
        }
        last = Number(
          this.insert.run(run, e.time, e.client, e.transport, e.name, e.type, e.rcode, e.answer, e.ttl, e.cache, e.upstreamRttMs, e.ede?.code ?? null, e.ede?.text ?? null, e.truncated ? 1 : 0, e.rule ?? null)
            .lastInsertRowid
        )
      }
      this.newestId = last
      this.kept += batch.length
      if (this.kept > this.cap) {
        // ids only grow and entries go only from the old end (or all at once), so the kept ids are contiguous
        const removed = this.trim.run(this.newestId - this.cap).changes
        this.kept -= removed
        this.dropped += removed
        this.db.prepare(`INSERT INTO meta (key, value) VALUES ('dropped', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(this.dropped)
      }
    })()
  }
}
