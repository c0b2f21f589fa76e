import { join } from 'node:path'
import type Database from 'better-sqlite3'
import type { Family } from '@shared/inspector'
import { addressListSchema } from '@shared/inspector/common'
import { openSqlite } from '../storage/sqlite'

export const OBSERVATIONS_DB_FILE = 'observations.sqlite'
/** Older observations are of no use to a verdict: TTLs are seconds to hours. */
const KEEP_MS = 2 * 86_400_000
const MAX_ROWS_PER_NAME = 5000

export interface Observation {
  name: string
  side: 'apex' | 'target'
  family: Family
  /** Sorted canonical addresses. */
  values: string[]
  ttl?: number
  seenAtWallMs: number
  /** Where it was seen: a resolver's label, or 'authoritative'. */
  source: string
}

export interface TargetSetSighting {
  values: string[]
  firstSeenAtWallMs: number
  lastSeenAtWallMs: number
  /** The largest TTL it was seen with. */
  ttl?: number
  /** The first sight of another set after this one was last seen: when it was replaced. */
  nextSeenAtWallMs?: number
}

interface Row {
  vals: string
  seen_wall_ms: number
  ttl: number | null
}

/**
 * Recent answer sets per name and family (`<dataDir>/observations.sqlite`, WAL): what lets a verdict
 * say that the apex still serves a target set seen a moment ago. Every write is one transaction.
 */
export class ObservationStore {
  private readonly db: Database.Database
  private readonly insert
  private readonly sightings
  private readonly prune
  private writes = 0

  constructor(path: string) {
    this.db = openSqlite(path)
    this.db.exec(`CREATE TABLE IF NOT EXISTS observations (
      name TEXT NOT NULL, side TEXT NOT NULL, family TEXT NOT NULL, vals TEXT NOT NULL,
      ttl INTEGER, seen_wall_ms REAL NOT NULL, source TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS observations_by_name ON observations (name, side, family, seen_wall_ms);`)
    this.insert = this.db.prepare(
      `INSERT INTO observations (name, side, family, vals, ttl, seen_wall_ms, source) VALUES (?, ?, ?, ?, ?, ?, ?)`
    )
    this.sightings = this.db.prepare<[string, string, string, number], Row>(
      `SELECT vals, seen_wall_ms, ttl FROM observations
       WHERE name = ? AND side = ? AND family = ? AND seen_wall_ms >= ? ORDER BY seen_wall_ms`
    )
    this.prune = this.db.prepare(
      `DELETE FROM observations WHERE seen_wall_ms < ? OR rowid IN (
         SELECT rowid FROM observations WHERE name = ? ORDER BY seen_wall_ms DESC LIMIT -1 OFFSET ${MAX_ROWS_PER_NAME})`
    )
  }

  record(observations: readonly Observation[]): void {
    if (observations.length === 0 || !this.db.open) return
    const now = Date.now()
    this.db.transaction(() => {
      for (const o of observations) {
        this.insert.run(o.name, o.side, o.family, JSON.stringify(o.values), o.ttl ?? null, o.seenAtWallMs, o.source)
      }
      if (++this.writes % 50 === 1) for (const name of new Set(observations.map((o) => o.name))) this.prune.run(now - KEEP_MS, name)
    })()
  }

  /** The distinct sets seen for `name` since `sinceWallMs`, the latest first. */
  sets(name: string, side: Observation['side'], family: Family, sinceWallMs: number): TargetSetSighting[] {
    if (!this.db.open) return []
    return sightingsOf(this.sightings.all(name, side, family, sinceWallMs))
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}

/** Rows in time order → one sighting per distinct set, with when another set replaced it. Pure. */
export function sightingsOf(rows: readonly Row[]): TargetSetSighting[] {
  const byVals = new Map<string, TargetSetSighting>()
  let previous: string | undefined
  for (const row of rows) {
    if (previous !== undefined && previous !== row.vals) {
      const left = byVals.get(previous)
      if (left && left.nextSeenAtWallMs === undefined) left.nextSeenAtWallMs = row.seen_wall_ms
    }
    previous = row.vals
    const known = byVals.get(row.vals)
    if (known) {
      known.lastSeenAtWallMs = row.seen_wall_ms
      delete known.nextSeenAtWallMs
      if (row.ttl !== null) known.ttl = Math.max(known.ttl ?? 0, row.ttl)
      continue
    }
    let values: string[]
    try {
      values = addressListSchema.parse(JSON.parse(row.vals))
    } catch {
      continue
    }
    byVals.set(row.vals, { values, firstSeenAtWallMs: row.seen_wall_ms, lastSeenAtWallMs: row.seen_wall_ms, ...(row.ttl !== null ? { ttl: row.ttl } : {}) })
  }
  return [...byVals.values()].sort((a, b) => b.lastSeenAtWallMs - a.lastSeenAtWallMs)
}

/**
 * Opens the store under the data dir; when the file cannot be opened (damaged, locked) the verdict
 * still works, only without history, and `problem` says why.
 */
export function openObservationStore(dataDir: string): { store: ObservationStore; problem?: string } {
  try {
    return { store: new ObservationStore(join(dataDir, OBSERVATIONS_DB_FILE)) }
  } catch (error) {
    return { store: new ObservationStore(':memory:'), problem: `${OBSERVATIONS_DB_FILE} could not be opened (${error instanceof Error ? error.message : String(error)}); recent observations are kept in memory only` }
  }
}
