import { z } from 'zod'
import { cacheStatuses, queryLogEntrySchema } from './alias-server'

/**
 * The contract of the lab's stored query log (electron/lab/query-log-store): pages of entries, newest
 * first, filtered; its figures; export; clearing. Entries live in `<dataDir>/lab-log.sqlite`, capped.
 */

export const QUERY_LOG_CAP = 100_000
const LOG_PAGE_MAX = 500

const text = (max: number) => z.string().trim().max(max)

/** Every field optional; all given fields must match. Text matches are case-insensitive. */
export const queryLogFilterSchema = z.strictObject({
  /** The query name or a name below it ('example.test' matches 'www.example.test.'). */
  name: text(1100).optional(),
  /** Exact query type, e.g. 'AAAA'. */
  type: text(16).optional(),
  /** Exact RCODE name, e.g. 'NXDOMAIN'. */
  rcode: text(16).optional(),
  cache: z.enum(cacheStatuses).optional(),
  /** Client address, with or without its port ('127.0.0.1' matches every port). */
  client: text(64).optional(),
  /** Free text found anywhere in the name, type, RCODE, answer or client. */
  search: text(200).optional()
})
export type QueryLogFilter = z.input<typeof queryLogFilterSchema>

export const queryLogRecordSchema = queryLogEntrySchema.extend({
  /** Increasing over the store's life: a stable key. */
  id: z.number().int().min(1),
  /** When the server that answered started (Unix ms): one value per server run. */
  run: z.number()
})
export type QueryLogRecord = z.infer<typeof queryLogRecordSchema>

export const queryLogStatsSchema = z.object({
  /** Entries in the store now. */
  kept: z.number().int().min(0),
  /** Oldest entries removed to keep the store at `cap` (over its whole life). */
  dropped: z.number().int().min(0),
  /** Entries never stored because they came faster than the store writes (since the app started). */
  overflow: z.number().int().min(0),
  cap: z.number().int().min(1),
  /** Id of the newest entry, 0 when none. */
  newestId: z.number().int().min(0),
  /** The running server's start time (its run id); null while stopped. */
  run: z.number().nullable(),
  /** Entries logged by the running server: equals its query counter once the log has caught up. */
  runLogged: z.number().int().min(0)
})
export type QueryLogStats = z.infer<typeof queryLogStatsSchema>

export const labLogInputSchema = z.strictObject({
  filter: queryLogFilterSchema.optional(),
  /** Only entries with id ≤ this (a fixed view while new ones arrive); absent: up to the newest. */
  atOrBefore: z.number().int().min(0).optional(),
  /** Rows to skip, counted from the newest match. */
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(LOG_PAGE_MAX).default(100),
  /** Also answer the types, RCODEs and clients the store holds (for the filter menus). */
  facets: z.boolean().default(false)
})
export type LabLogInput = z.input<typeof labLogInputSchema>

export const labLogPageSchema = z.object({
  rows: z.array(queryLogRecordSchema).max(LOG_PAGE_MAX),
  /** Entries matching the filter (up to `atOrBefore`). */
  matched: z.number().int().min(0),
  stats: queryLogStatsSchema,
  facets: z
    .object({ types: z.array(z.string()).max(200), rcodes: z.array(z.string()).max(200), clients: z.array(z.string()).max(200) })
    .optional()
})
export type LabLogPage = z.infer<typeof labLogPageSchema>

export const labLogExportInputSchema = z.strictObject({
  filter: queryLogFilterSchema.optional(),
  format: z.enum(['json', 'csv'])
})
export type LabLogExportInput = z.input<typeof labLogExportInputSchema>

/** What "Flush ALIAS cache" removed. */
export const labFlushResultSchema = z.object({ targets: z.number().int().min(0) })
export type LabFlushResult = z.infer<typeof labFlushResultSchema>
