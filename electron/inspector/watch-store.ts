import type Database from 'better-sqlite3'
import { z } from 'zod'
import { resolverTargetSchema } from '@shared/dns'
import { aliasRecordSchema, rrsetStatuses, ttlPolicySchema, watchStates, type WatchSample, type WatchSession } from '@shared/inspector'
import { errorCodes } from '@shared/result'
import { openSqlite } from '../storage/sqlite'

export const WATCH_DB_FILE = 'watch.sqlite'
/** PRAGMA user_version: bump with a new step in MIGRATIONS. */
export const SCHEMA_VERSION = 3

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     apex TEXT NOT NULL,
     target TEXT NOT NULL,
     resolvers TEXT NOT NULL,
     labels TEXT NOT NULL,
     mode TEXT NOT NULL,
     interval_seconds INTEGER NOT NULL,
     duration_seconds INTEGER,
     state TEXT NOT NULL,
     started_wall_ms REAL NOT NULL,
     ended_wall_ms REAL
   );
   CREATE TABLE samples (
     session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     resolver_index INTEGER NOT NULL,
     side TEXT NOT NULL,
     family TEXT NOT NULL,
     elapsed_ms REAL NOT NULL,
     wall_ms REAL NOT NULL,
     mono_ms REAL NOT NULL,
     status TEXT NOT NULL,
     rcode TEXT,
     error_code TEXT,
     error_message TEXT,
     vals TEXT NOT NULL,
     ttl INTEGER,
     chain_end TEXT,
     PRIMARY KEY (session_id, seq)
   ) WITHOUT ROWID;`,
  // 2: the authoritative viewpoint (samples at the zones' own servers) and the ALIAS record read at start
  `ALTER TABLE samples ADD COLUMN viewpoint TEXT NOT NULL DEFAULT 'resolver';
   ALTER TABLE samples ADD COLUMN server TEXT;
   ALTER TABLE sessions ADD COLUMN authoritative TEXT;
   ALTER TABLE sessions ADD COLUMN alias_record TEXT;`,
  // 3: the lab's TTL rule in force when the watch started (the bound uses it)
  `ALTER TABLE sessions ADD COLUMN ttl_rule TEXT;`
]

interface SessionRow {
  id: string
  apex: string
  target: string
  resolvers: string
  labels: string
  mode: string
  interval_seconds: number
  duration_seconds: number | null
  state: string
  started_wall_ms: number
  ended_wall_ms: number | null
  sample_count: number
  authoritative: string | null
  alias_record: string | null
  ttl_rule: string | null
}

interface SampleRow {
  session_id: string
  seq: number
  resolver_index: number
  side: string
  family: string
  elapsed_ms: number
  wall_ms: number
  mono_ms: number
  status: string
  rcode: string | null
  error_code: string | null
  error_message: string | null
  vals: string
  ttl: number | null
  chain_end: string | null
  viewpoint: string
  server: string | null
}

const jsonOr = <T>(schema: z.ZodType<T>, text: string, fallback: T): T => {
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}

const authoritativeSchema = z.object({
  apexServers: z.array(z.string()),
  targetServers: z.array(z.string()),
  problem: z.string().optional()
})

function toSession(row: SessionRow): WatchSession {
  const authoritative = row.authoritative !== null ? jsonOr(authoritativeSchema.optional(), row.authoritative, undefined) : undefined
  const aliasRecord = row.alias_record !== null ? jsonOr(aliasRecordSchema.optional(), row.alias_record, undefined) : undefined
  const ttlRule = row.ttl_rule !== null ? ttlPolicySchema.safeParse(row.ttl_rule).data : undefined
  return {
    id: row.id,
    apex: row.apex,
    target: row.target,
    resolvers: jsonOr(z.array(resolverTargetSchema), row.resolvers, []),
    labels: jsonOr(z.array(z.string()), row.labels, []),
    mode: row.mode === 'expiry' ? 'expiry' : 'interval',
    intervalSeconds: row.interval_seconds,
    ...(row.duration_seconds !== null ? { durationSeconds: row.duration_seconds } : {}),
    state: watchStates.find((s) => s === row.state) ?? 'interrupted',
    startedAtWallMs: row.started_wall_ms,
    ...(row.ended_wall_ms !== null ? { endedAtWallMs: row.ended_wall_ms } : {}),
    sampleCount: row.sample_count,
    ...(authoritative ? { authoritative } : {}),
    ...(aliasRecord ? { aliasRecord } : {}),
    ...(ttlRule ? { ttlRule } : {})
  }
}

function toSample(row: SampleRow): WatchSample {
  const code = errorCodes.find((c) => c === row.error_code)
  return {
    sessionId: row.session_id,
    seq: row.seq,
    viewpoint: row.viewpoint === 'authoritative' ? 'authoritative' : 'resolver',
    resolverIndex: row.resolver_index,
    ...(row.server !== null ? { server: row.server } : {}),
    side: row.side === 'target' ? 'target' : 'apex',
    family: row.family === 'AAAA' ? 'AAAA' : 'A',
    elapsedMs: row.elapsed_ms,
    receivedAtWallMs: row.wall_ms,
    receivedAtMonoMs: row.mono_ms,
    status: rrsetStatuses.find((s) => s === row.status) ?? 'error',
    ...(row.rcode !== null ? { rcode: row.rcode } : {}),
    ...(code ? { error: { code, message: row.error_message ?? '' } } : {}),
    values: jsonOr(z.array(z.string()), row.vals, []),
    ...(row.ttl !== null ? { ttl: row.ttl } : {}),
    ...(row.chain_end !== null ? { chainEnd: row.chain_end } : {})
  }
}

const SESSION_SELECT = `SELECT s.*, (SELECT COUNT(*) FROM samples m WHERE m.session_id = s.id) AS sample_count FROM sessions s`

/** Watch sessions and their timelines in `<dataDir>/watch.sqlite` (WAL, versioned schema). */
export class WatchStore {
  private readonly db: Database.Database
  private readonly stmts

  constructor(path: string) {
    this.db = openSqlite(path, { foreignKeys: true })
    this.migrate()
    this.stmts = {
      insertSession: this.db.prepare(
        `INSERT INTO sessions (id, apex, target, resolvers, labels, mode, interval_seconds, duration_seconds, state, started_wall_ms, ended_wall_ms, authoritative, alias_record, ttl_rule)
         VALUES (@id, @apex, @target, @resolvers, @labels, @mode, @interval_seconds, @duration_seconds, @state, @started_wall_ms, NULL, @authoritative, @alias_record, @ttl_rule)`
      ),
      setState: this.db.prepare(`UPDATE sessions SET state = ?, ended_wall_ms = ? WHERE id = ?`),
      setAuthoritative: this.db.prepare(`UPDATE sessions SET authoritative = ?, alias_record = ? WHERE id = ?`),
      interruptRunning: this.db.prepare(`UPDATE sessions SET state = 'interrupted', ended_wall_ms = ? WHERE state = 'running'`),
      list: this.db.prepare<[], SessionRow>(`${SESSION_SELECT} ORDER BY s.started_wall_ms DESC`),
      get: this.db.prepare<[string], SessionRow>(`${SESSION_SELECT} WHERE s.id = ?`),
      remove: this.db.prepare(`DELETE FROM sessions WHERE id = ?`),
      insertSample: this.db.prepare(
        `INSERT INTO samples (session_id, seq, resolver_index, side, family, elapsed_ms, wall_ms, mono_ms, status, rcode, error_code, error_message, vals, ttl, chain_end, viewpoint, server)
         VALUES (@session_id, @seq, @resolver_index, @side, @family, @elapsed_ms, @wall_ms, @mono_ms, @status, @rcode, @error_code, @error_message, @vals, @ttl, @chain_end, @viewpoint, @server)`
      ),
      samples: this.db.prepare<[string], SampleRow>(`SELECT * FROM samples WHERE session_id = ? ORDER BY seq`),
      maxSeq: this.db.prepare<[string], { seq: number | null }>(`SELECT MAX(seq) AS seq FROM samples WHERE session_id = ?`)
    }
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number
    if (version > SCHEMA_VERSION) {
      throw new Error(`watch.sqlite has schema version ${version}, newer than this app's ${SCHEMA_VERSION}`)
    }
    const step = this.db.transaction(() => {
      for (let v = version; v < SCHEMA_VERSION; v++) this.db.exec(MIGRATIONS[v]!)
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`)
    })
    if (version < SCHEMA_VERSION) step()
  }

  /** `PRAGMA quick_check`: 'ok', or the first problems SQLite found. */
  quickCheck(): string {
    const rows = this.db.pragma('quick_check(5)') as { quick_check: string }[]
    return rows.map((r) => r.quick_check).join('; ')
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number
  }

  /** After a restart nothing is running any more: sessions left 'running' were cut short. */
  markInterrupted(nowWallMs = Date.now()): number {
    return this.stmts.interruptRunning.run(nowWallMs).changes
  }

  createSession(session: Omit<WatchSession, 'sampleCount' | 'endedAtWallMs'>): void {
    this.stmts.insertSession.run({
      id: session.id,
      apex: session.apex,
      target: session.target,
      resolvers: JSON.stringify(session.resolvers),
      labels: JSON.stringify(session.labels),
      mode: session.mode,
      interval_seconds: session.intervalSeconds,
      duration_seconds: session.durationSeconds ?? null,
      state: session.state,
      started_wall_ms: session.startedAtWallMs,
      authoritative: session.authoritative ? JSON.stringify(session.authoritative) : null,
      alias_record: session.aliasRecord ? JSON.stringify(session.aliasRecord) : null,
      ttl_rule: session.ttlRule ?? null
    })
  }

  /** The zones' own servers and the ALIAS record, learnt after the session started. */
  setAuthoritative(id: string, authoritative: WatchSession['authoritative'], aliasRecord: WatchSession['aliasRecord']): void {
    this.stmts.setAuthoritative.run(authoritative ? JSON.stringify(authoritative) : null, aliasRecord ? JSON.stringify(aliasRecord) : null, id)
  }

  setState(id: string, state: WatchSession['state'], endedAtWallMs: number | null): void {
    this.stmts.setState.run(state, endedAtWallMs, id)
  }

  addSample(sample: WatchSample): void {
    this.stmts.insertSample.run({
      session_id: sample.sessionId,
      seq: sample.seq,
      resolver_index: sample.resolverIndex,
      side: sample.side,
      family: sample.family,
      elapsed_ms: sample.elapsedMs,
      wall_ms: sample.receivedAtWallMs,
      mono_ms: sample.receivedAtMonoMs,
      status: sample.status,
      rcode: sample.rcode ?? null,
      error_code: sample.error?.code ?? null,
      error_message: sample.error?.message ?? null,
      vals: JSON.stringify(sample.values),
      ttl: sample.ttl ?? null,
      chain_end: sample.chainEnd ?? null,
      viewpoint: sample.viewpoint,
      server: sample.server ?? null
    })
  }

  listSessions(): WatchSession[] {
    return this.stmts.list.all().map(toSession)
  }

  getSession(id: string): WatchSession | undefined {
    const row = this.stmts.get.get(id)
    return row ? toSession(row) : undefined
  }

  samples(id: string): WatchSample[] {
    return this.stmts.samples.all(id).map(toSample)
  }

  nextSeq(id: string): number {
    const row = this.stmts.maxSeq.get(id)
    return row?.seq === null || row?.seq === undefined ? 0 : row.seq + 1
  }

  /** Adds a whole session with its samples in one transaction (an imported export): all of it or nothing. */
  importSession(session: Omit<WatchSession, 'sampleCount'>, samples: readonly WatchSample[]): void {
    this.db.transaction(() => {
      this.createSession(session)
      this.setState(session.id, session.state, session.endedAtWallMs ?? null)
      for (const sample of samples) this.addSample(sample)
    })()
  }

  removeSession(id: string): boolean {
    return this.stmts.remove.run(id).changes > 0
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
