/** Stored query-log rows and their conversion to the records the UI and the exports see. */
import type { CacheStatus } from '@shared/alias-server'
import type { QueryLogRecord } from '@shared/lab-log'
import { csvCell } from '@shared/csv-cell'

export interface EntryRow {
  id: number
  run: number
  time: number
  client: string
  transport: string
  name: string
  type: string
  rcode: string
  answer: string
  ttl: number | null
  cache: string
  rtt: number | null
  ede_code: number | null
  ede_text: string | null
  truncated: number
  rule: string | null
}

export function toRecord(row: EntryRow): QueryLogRecord {
  const record: QueryLogRecord = {
    id: row.id,
    run: row.run,
    time: row.time,
    client: row.client,
    transport: row.transport === 'tcp' ? 'tcp' : 'udp',
    name: row.name,
    type: row.type,
    rcode: row.rcode,
    answer: row.answer,
    ttl: row.ttl,
    cache: row.cache as CacheStatus,
    upstreamRttMs: row.rtt,
    truncated: row.truncated !== 0
  }
  if (row.ede_code !== null) record.ede = { code: row.ede_code, text: row.ede_text ?? '' }
  if (row.rule !== null) record.rule = row.rule
  return record
}

export const CSV_COLUMNS = ['id', 'time', 'iso_time', 'client', 'transport', 'name', 'type', 'rcode', 'answer', 'ttl', 'cache', 'upstream_rtt_ms', 'ede_code', 'ede_text', 'truncated', 'run', 'rule'] as const

export function csvLine(r: QueryLogRecord): string {
  const cells = [r.id, r.time, new Date(r.time).toISOString(), r.client, r.transport, r.name, r.type, r.rcode, r.answer, r.ttl ?? undefined, r.cache, r.upstreamRttMs ?? undefined, r.ede?.code, r.ede?.text, String(r.truncated), r.run, r.rule]
  return cells.map(csvCell).join(',')
}
