/** The lab's stored query log: fed by the running server, read in pages, exported, cleared. Opened on first use. */
import { join } from 'node:path'
import type { LabLogExportInput, LabLogPage, QueryLogStats } from '@shared/lab-log'
import { labLogInputSchema, type LabLogInput } from '@shared/lab-log'
import type { EventBus } from '@shared/event-bus'
import type { AliasServer } from '../alias-server'
import { QUERY_LOG_DB_FILE, QueryLogStore } from './query-log-store'
import { csvLine, CSV_COLUMNS } from './query-log-rows'

export interface LabLog {
  /** Logs the server's queries until the returned function is called. */
  attach(server: AliasServer): () => void
  page(input: LabLogInput): LabLogPage
  export(input: LabLogExportInput): string
  clear(): QueryLogStats
  close(): void
}

export function createLabLog(dataDir: string, events: EventBus): LabLog {
  let store: QueryLogStore | undefined
  const open = (): QueryLogStore =>
    (store ??= new QueryLogStore(join(dataDir, QUERY_LOG_DB_FILE), { onWritten: (stats) => events.emit('lab:logged', stats) }))

  return {
    attach(server) {
      const s = open()
      s.setRun(server.counters().startedAt)
      const off = server.onQuery((batch) => s.append(batch))
      return () => {
        off()
        s.setRun(null)
        events.emit('lab:logged', s.stats())
      }
    },
    page(input) {
      const s = open()
      const { filter = {}, offset, limit, atOrBefore, facets } = labLogInputSchema.parse(input)
      const { rows, matched } = s.page(filter, offset, limit, atOrBefore)
      return { rows, matched, stats: s.stats(), ...(facets ? { facets: s.facets() } : {}) }
    },
    export({ filter = {}, format }) {
      const records = open().iterate(filter)
      if (format === 'json') return `${JSON.stringify([...records], null, 1)}\n`
      const lines = [CSV_COLUMNS.join(',')]
      for (const record of records) lines.push(csvLine(record))
      return `${lines.join('\r\n')}\r\n`
    },
    clear() {
      const s = open()
      s.clear()
      const stats = s.stats()
      events.emit('lab:logged', stats)
      return stats
    },
    close() {
      store?.close()
      store = undefined
    }
  }
}
