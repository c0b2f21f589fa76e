import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { QueryLogRecord } from '@shared/lab-log'
import { Explain } from '../../context/TeachingContext'
import { formatClock, formatDuration } from '../../format/time'
import { useStoredQueryLog } from '../../hooks/useStoredQueryLog'
import { ErrorMessage } from '../ErrorMessage/ErrorMessage'
import { explainEntry } from '../../model/lab/explain-entry'
import { QueryLogFilters } from './QueryLogFilters'
import { QueryLogSummary } from './QueryLogSummary'
import { cx } from '../../class-names'
import vt from '../../styles/virtual-table.module.css'
import styles from './QueryLog.module.css'

const ROW_HEIGHT = 26

const columns = ['Time', 'Client', 'Name', 'Type', 'RCODE', 'Answer', 'TTL', 'Cache', 'Upstream'] as const

function Cells({ entry }: { entry: QueryLogRecord }) {
  return (
    <>
      <span role="cell">{formatClock(entry.time, { millis: true })}</span>
      <span role="cell" title={`${entry.client} over ${entry.transport.toUpperCase()}`}>
        {entry.client}
        <span className={styles.transport}>{entry.transport}</span>
      </span>
      <span role="cell" title={entry.name}>{entry.name}</span>
      <span role="cell">{entry.type}</span>
      <span role="cell" className={entry.rcode === 'NOERROR' ? undefined : styles.bad}>{entry.rcode}</span>
      <span role="cell" title={entry.rule ? `${entry.answer || '(empty)'} — ${entry.rule}` : entry.answer} data-rule={entry.rule}>{entry.answer || '—'}</span>
      <span role="cell" className={styles.num}>{entry.ttl ?? '—'}</span>
      <span role="cell">
        <span className={cx(styles.cache, styles[entry.cache])} data-testid="qlog-cache">{entry.cache === 'none' ? 'zone' : entry.cache}</span>
      </span>
      <span role="cell" className={styles.num}>{entry.upstreamRttMs === null ? '—' : formatDuration(entry.upstreamRttMs)}</span>
    </>
  )
}

/**
 * The lab server's query log as stored on the main side: newest first, filtered, virtualised (only the rows
 * on screen are fetched and drawn). `port`: the running server's, for the dig example; null while stopped.
 */
export function QueryLog({ port = null, apex = 'example.test' }: { port?: number | null; apex?: string }) {
  const log = useStoredQueryLog()
  const { pages, matched } = log
  const scroller = useRef<HTMLDivElement>(null)
  const [selected, setSelected] = useState<QueryLogRecord | null>(null)
  const virtualizer = useVirtualizer({
    count: matched,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? -1
  const { ensure } = log
  useEffect(() => ensure(first, Math.max(last, first)), [ensure, first, last, pages])

  // keep the rows being read in place while new ones arrive above them
  const newest = log.stats?.newestId ?? 0
  const previous = useRef({ newest, matched, filter: log.filter })
  useLayoutEffect(() => {
    const element = scroller.current
    const before = previous.current
    previous.current = { newest, matched, filter: log.filter }
    const added = before.filter === log.filter && newest > before.newest ? matched - before.matched : 0
    if (element && added > 0 && element.scrollTop > 0) element.scrollTop += added * ROW_HEIGHT
  }, [newest, matched, log.filter])

  const selectedIndex = (() => {
    if (!selected) return -1
    for (const item of items) if (pages.at(item.index)?.id === selected.id) return item.index
    return -1
  })()
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : event.key === 'PageDown' ? 10 : event.key === 'PageUp' ? -10 : 0
    if (event.key === 'Home' || event.key === 'End' || step !== 0) {
      event.preventDefault()
      const from = selectedIndex < 0 ? first - step : selectedIndex
      const next = event.key === 'Home' ? 0 : event.key === 'End' ? matched - 1 : Math.min(matched - 1, Math.max(0, from + step))
      virtualizer.scrollToIndex(next, { align: 'auto' })
      const row = pages.at(next)
      if (row) setSelected(row)
    } else if (event.key === 'Escape') setSelected(null)
  }

  return (
    <div>
      <QueryLogFilters filter={log.filter} facets={log.facets} onChange={log.setFilter} />
      <QueryLogSummary log={log} onCleared={() => setSelected(null)} />
      {log.error && <ErrorMessage error={log.error} testId="qlog-error" />}
      <div className={vt.frame} role="table" aria-label="Query log, newest first" aria-rowcount={matched + 1} data-testid="qlog">
        <div className={cx(vt.row, styles.row, vt.head, styles.head)} role="row" aria-rowindex={1}>
          {columns.map((c) => (
            <span key={c} role="columnheader">{c}</span>
          ))}
        </div>
        <div ref={scroller} className={cx(vt.scroll, styles.scroll)} tabIndex={0} onKeyDown={move} aria-label="Query log rows: arrow keys select a row" role="rowgroup">
          {matched === 0 ? (
            <p className={cx(vt.empty, styles.empty)} data-testid="qlog-empty">
              {Object.keys(log.filter).length > 0 ? (
                <>No query matches these filters.</>
              ) : port === null ? (
                <>No queries yet: the server is stopped. Press “Start server” above; queries then appear here as they arrive.</>
              ) : (
                <>
                  No queries yet. Queries to the lab server appear here as they arrive — try “Watch this apex”, or{' '}
                  <code>
                    dig @127.0.0.1 -p {port} {apex.replace(/\.$/, '')} A
                  </code>
                  .
                </>
              )}
            </p>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = pages.at(item.index)
                const style = { transform: `translateY(${item.start}px)` }
                if (!row) {
                  return (
                    <div key={`pending-${item.index}`} role="row" aria-rowindex={item.index + 2} className={cx(vt.row, styles.row, styles.pending)} style={style}>
                      <span role="cell">…</span>
                    </div>
                  )
                }
                const isSelected = selected?.id === row.id
                return (
                  <div
                    key={row.id}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={isSelected}
                    className={cx(vt.row, styles.row, isSelected && styles.selected)}
                    style={style}
                    onClick={() => setSelected(isSelected ? null : row)}
                    data-testid="qlog-row"
                    data-cache={row.cache}
                    data-name={row.name}
                    data-type={row.type}
                    data-rcode={row.rcode}
                  >
                    <Cells entry={row} />
                  </div>
                )
              })}
            </div>
          )}
        </div>
      </div>
      {selected ? (
        <Explain testId="explain-entry">
          <strong>
            {formatClock(selected.time, { millis: true })} {selected.name} {selected.type}:
          </strong>{' '}
          {explainEntry(selected)}
        </Explain>
      ) : (
        matched > 0 && (
          <Explain testId="explain-entry-hint">
            Pick a row (click, or focus the log and use the arrow keys) to see what the server did to produce that
            answer. “hit”, “miss”, “refresh” and “stale” are ALIAS answers; “zone” is static data.
          </Explain>
        )
      )}
    </div>
  )
}
