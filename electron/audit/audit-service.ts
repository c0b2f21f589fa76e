import { randomUUID } from 'node:crypto'
import type { AuditEvent, AuditProgress, AuditRow, auditStartInputSchema } from '@shared/audit'
import type { z } from 'zod'
import { ServiceError } from '@shared/errors'
import type { QueryPool } from '../dns/pool/query-pool'
import { parseAuditInput } from './audit-input'
import { runAudit } from './run-audit'

/** Rows reach the window in batches this often: thousands of one-row events would flood it. */
const FLUSH_MS = 200
const MAX_BATCH = 5000
const MAX_RUNNING = 4

type ParsedStart = z.output<typeof auditStartInputSchema>

/** Audits started from the window: each runs on the shared pool and streams batched events. */
export class AuditService {
  private readonly running = new Map<string, AbortController>()

  constructor(
    private readonly pool: QueryPool,
    private readonly emit: (event: AuditEvent) => void
  ) {}

  /** `request` was checked against the channel's schema by the dispatcher. */
  start(request: ParsedStart): { id: string; total: number; kind: 'list' | 'zone' } {
    if (this.running.size >= MAX_RUNNING) throw new ServiceError('conflict', `${MAX_RUNNING} audits are running already; cancel one first`)
    const { entries, kind } = parseAuditInput(request.text)
    const id = randomUUID()
    const abort = new AbortController()
    this.running.set(id, abort)
    let rows: AuditRow[] = []
    let progress: AuditProgress = { done: 0, total: entries.length, errors: 0, rate: 0, elapsedMs: 0 }
    const flush = (state: AuditEvent['state'], message?: string): void => {
      while (rows.length > 0 || state !== 'running') {
        const batch = rows.slice(0, MAX_BATCH)
        rows = rows.slice(MAX_BATCH)
        const last = rows.length === 0
        this.emit({ id, rows: batch, progress, state: last ? state : 'running', ...(last && message ? { message } : {}) })
        if (last) return
      }
    }
    const timer = setInterval(() => flush('running'), FLUSH_MS)
    void runAudit(
      entries,
      {
        resolvers: request.resolvers,
        ...(request.concurrency ? { concurrency: request.concurrency } : {}),
        ...(request.targetFrom ? { targetFrom: request.targetFrom } : {}),
        authoritativePort: request.authoritativePort,
        skipAuthoritative: request.skipAuthoritative,
        timeoutMs: request.timeoutMs,
        // the window's audits share the app's pool; a --rate from the terminal has its own pool
        pool: this.pool,
        signal: abort.signal
      },
      { onRow: (row) => rows.push(row), onProgress: (p) => (progress = p) }
    ).then(
      (summary) => {
        clearInterval(timer)
        this.running.delete(id)
        flush(summary.cancelled ? 'cancelled' : 'finished')
      },
      (error: unknown) => {
        clearInterval(timer)
        this.running.delete(id)
        flush('failed', error instanceof Error ? error.message : String(error))
      }
    )
    return { id, total: entries.length, kind }
  }

  cancel(id: string): { id: string } {
    const abort = this.running.get(id)
    if (!abort) throw new ServiceError('not-found', 'no audit with that id is running')
    abort.abort()
    return { id }
  }

  dispose(): void {
    for (const abort of this.running.values()) abort.abort()
  }
}
