import { useState } from 'react'
import type { StoredQueryLog } from '../../hooks/useStoredQueryLog'
import { downloadBlob } from '../ChartFrame/download'
import styles from './QueryLog.module.css'

const n = (value: number) => value.toLocaleString('en-US')

/** The log's figures (shown, kept, dropped by the cap, this run's), pause, export and clear. */
export function QueryLogSummary({ log, onCleared }: { log: StoredQueryLog; onCleared(): void }) {
  const [exporting, setExporting] = useState(false)
  const stats = log.stats
  const waiting = log.paused && log.latest && stats ? Math.max(0, log.latest.newestId - stats.newestId) : 0
  const filtered = Object.keys(log.filter).length > 0

  const exportAs = async (format: 'csv' | 'json') => {
    if (exporting) return
    setExporting(true)
    const result = await log.exportAs(format)
    setExporting(false)
    if (result.ok) downloadBlob(new Blob([result.value], { type: format === 'csv' ? 'text/csv' : 'application/json' }), `query-log.${format}`)
  }

  return (
    <div className={styles.toolbar}>
      <span
        className="muted"
        data-testid="qlog-count"
        data-count={log.matched}
        data-kept={stats?.kept ?? 0}
        data-dropped={stats?.dropped ?? 0}
        data-run-logged={stats?.runLogged ?? 0}
      >
        {filtered ? `${n(log.matched)} of ${n(stats?.kept ?? 0)} kept match` : `${n(log.matched)} ${log.matched === 1 ? 'query' : 'queries'} kept`}
        {stats && stats.dropped > 0 && ` · ${n(stats.dropped)} older ones dropped (keeps the newest ${n(stats.cap)})`}
        {stats && stats.overflow > 0 && ` · ${n(stats.overflow)} not stored: they came faster than the log writes`}
        {stats?.run != null && ` · ${n(stats.runLogged)} logged since the server started`}
        {waiting > 0 && ` · ${n(waiting)} new, paused`}
      </span>
      <button type="button" className="button--quiet" onClick={() => log.setPaused(!log.paused)} aria-pressed={log.paused} data-testid="qlog-pause">
        {log.paused ? 'Resume' : 'Pause'}
      </button>
      <button type="button" className="button--quiet" onClick={() => void exportAs('csv')} aria-disabled={exporting || undefined} data-testid="qlog-export-csv">
        Export CSV
      </button>
      <button type="button" className="button--quiet" onClick={() => void exportAs('json')} aria-disabled={exporting || undefined} data-testid="qlog-export-json">
        Export JSON
      </button>
      <button
        type="button"
        className="button--quiet"
        onClick={() => {
          onCleared()
          void log.clear()
        }}
        data-testid="qlog-clear"
      >
        Clear
      </button>
    </div>
  )
}
