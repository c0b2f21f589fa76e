import { setMaxListeners } from 'node:events'
import { performance } from 'node:perf_hooks'
import type { AuditProgress, AuditRow, TargetFrom } from '@shared/audit'
import type { ResolverTarget } from '@shared/dns'
import { QueryPool } from '../dns/pool/query-pool'
import { inspect } from '../inspector'
import type { QueryFn } from '../inspector/query-port'
import type { AuditEntry } from './audit-input'
import { auditRow, errorRow } from './audit-row'
import { dnssecTap } from './dnssec-tap'

const DEFAULT_AUDIT_CONCURRENCY = 32

export interface AuditOptions {
  resolvers: ResolverTarget[]
  /** Names inspected at once. */
  concurrency?: number
  /** Queries per second per resolver; replaces the politeness default. */
  rate?: number
  targetFrom?: TargetFrom
  authoritativePort?: number
  skipAuthoritative?: boolean
  timeoutMs?: number
  /** A shared pool (the app's); without one the audit opens its own and closes it at the end. */
  pool?: QueryPool
  signal?: AbortSignal
}

export interface AuditHooks {
  onRow(row: AuditRow): void
  /** Called after every row; throttle on the receiving side. */
  onProgress?(progress: AuditProgress): void
}

export interface AuditSummary {
  done: number
  total: number
  errors: number
  cancelled: boolean
  elapsedMs: number
}

/**
 * Inspects every entry on the pooled engine, `concurrency` names at a time, and reports each row as
 * soon as it is done (completion order). Cancelling stops new inspections, cancels the running ones
 * and reports only rows that completed.
 */
export async function runAudit(entries: readonly AuditEntry[], options: AuditOptions, hooks: AuditHooks): Promise<AuditSummary> {
  const pool = options.pool ?? new QueryPool(options.rate ? { limits: { qps: options.rate } } : {})
  const queryFn: QueryFn = (request, ctx) => pool.query(request, ctx)
  const started = performance.now()
  const total = entries.length
  const timeoutMs = options.timeoutMs ?? 3000
  let next = 0
  let done = 0
  let errors = 0
  const signal = options.signal
  // every query in flight listens to the audit's one signal (not 0 = unlimited: getMaxListeners reads 0 as unset and throws)
  if (signal) setMaxListeners(Math.max(1000, (options.concurrency ?? DEFAULT_AUDIT_CONCURRENCY) * 40), signal)

  const progress = (): AuditProgress => {
    const elapsedMs = performance.now() - started
    const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0
    return { done, total, errors, rate, ...(done > 0 && rate > 0 ? { etaSeconds: (total - done) / rate } : {}), elapsedMs }
  }

  const one = async (index: number, entry: AuditEntry): Promise<AuditRow> => {
    const t0 = performance.now()
    try {
      const tap = dnssecTap(queryFn, entry.name, options.resolvers)
      const result = await inspect(
        {
          apex: entry.name,
          ...(entry.target ? { target: entry.target } : {}),
          resolvers: options.resolvers,
          authoritativePort: options.authoritativePort ?? 53,
          skipAuthoritative: options.skipAuthoritative ?? false,
          timeoutMs,
          ...(options.targetFrom ? { targetFrom: options.targetFrom } : {})
        },
        { queryFn: tap.queryFn, ...(signal ? { signal } : {}) }
      )
      return auditRow(index, result, tap.dnssec(), performance.now() - t0)
    } catch (error) {
      return errorRow(index, entry.name, error, performance.now() - t0)
    }
  }

  const worker = async (): Promise<void> => {
    while (next < total && !signal?.aborted) {
      const index = next++
      const row = await one(index, entries[index]!)
      // an inspection cut short by Ctrl-C is not a result
      if (signal?.aborted) return
      done++
      if (row.verdict === 'error') errors++
      hooks.onRow(row)
      hooks.onProgress?.(progress())
    }
  }

  try {
    const workers = Math.max(1, Math.min(options.concurrency ?? DEFAULT_AUDIT_CONCURRENCY, total))
    await Promise.all(Array.from({ length: workers }, worker))
  } finally {
    if (!options.pool) pool.close()
  }
  return { done, total, errors, cancelled: signal?.aborted ?? false, elapsedMs: performance.now() - started }
}
