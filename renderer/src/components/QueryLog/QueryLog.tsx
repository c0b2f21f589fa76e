import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { QueryLogEntry } from '@shared/alias-server'
import { Explain } from '../../context/TeachingContext'
import { useQueryLog } from '../../hooks/useQueryLog'
import { explainEntry } from './explain-entry'
import type { LogRow } from './log-buffer'

const ROW_HEIGHT = 26

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
export function formatLogTime(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

const columns = ['Time', 'Client', 'Name', 'Type', 'RCODE', 'Answer', 'TTL', 'Cache', 'Upstream'] as const

function Cells({ entry }: { entry: QueryLogEntry }) {
  return (
    <>
      <span role="cell" className="qlog__time">{formatLogTime(entry.time)}</span>
      <span role="cell" className="qlog__client" title={`${entry.client} over ${entry.transport.toUpperCase()}`}>
        {entry.client}
        <span className="qlog__transport">{entry.transport}</span>
      </span>
      <span role="cell" className="qlog__name" title={entry.name}>{entry.name}</span>
      <span role="cell">{entry.type}</span>
      <span role="cell" className={entry.rcode === 'NOERROR' ? undefined : 'qlog__rcode--bad'}>{entry.rcode}</span>
      <span role="cell" className="qlog__answer" title={entry.rule ? `${entry.answer || '(empty)'} — ${entry.rule}` : entry.answer} data-rule={entry.rule}>{entry.answer || '—'}</span>
      <span role="cell" className="qlog__num">{entry.ttl ?? '—'}</span>
      <span role="cell">
        <span className={`qlog__cache qlog__cache--${entry.cache}`} data-testid="qlog-cache">{entry.cache === 'none' ? 'zone' : entry.cache}</span>
      </span>
      <span role="cell" className="qlog__num">{entry.upstreamRttMs === null ? '—' : `${entry.upstreamRttMs.toFixed(1)} ms`}</span>
    </>
  )
}

/** The live query log of the lab server: newest first, virtualised (only the visible rows are in the DOM). */
/** `port`: the running server's, for the dig example; null while it is stopped. */
export function QueryLog({ port = null, apex = 'example.test' }: { port?: number | null; apex?: string }) {
  const { log } = useQueryLog()
  const buffer = log.buffer
  const count = buffer.size
  const scroller = useRef<HTMLDivElement>(null)
  const [selected, setSelected] = useState<LogRow | null>(null)
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => buffer.at(index)?.id ?? index
  })

  // keep the rows being read in place while new ones arrive above them
  const newest = buffer.at(0)?.id ?? -1
  const previousNewest = useRef(newest)
  useLayoutEffect(() => {
    const element = scroller.current
    const added = newest - previousNewest.current
    previousNewest.current = newest
    if (element && added > 0 && element.scrollTop > 0) element.scrollTop += added * ROW_HEIGHT
  }, [newest])

  const selectedIndex = selected ? buffer.at(0)!.id - selected.id : -1
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : event.key === 'PageDown' ? 10 : event.key === 'PageUp' ? -10 : 0
    if (event.key === 'Home' || event.key === 'End' || step !== 0) {
      event.preventDefault()
      const next = event.key === 'Home' ? 0 : event.key === 'End' ? count - 1 : Math.min(count - 1, Math.max(0, selectedIndex + step))
      const row = buffer.at(next)
      if (row) {
        setSelected(row)
        virtualizer.scrollToIndex(next, { align: 'auto' })
      }
    } else if (event.key === 'Escape') setSelected(null)
  }

  return (
    <div className="qlog-wrap">
      <div className="qlog__toolbar">
        <span className="muted" data-testid="qlog-count" data-count={count} data-total={buffer.total}>
          {count.toLocaleString()} {count === 1 ? 'query' : 'queries'} shown
          {buffer.dropped > 0 && ` · ${buffer.dropped.toLocaleString()} older ones dropped (keeps ${buffer.capacity.toLocaleString()})`}
          {log.paused && log.heldCount > 0 && ` · ${log.heldCount} waiting`}
        </span>
        <button type="button" className="button--quiet" onClick={() => log.setPaused(!log.paused)} aria-pressed={log.paused} data-testid="qlog-pause">
          {log.paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" className="button--quiet" onClick={() => { log.clear(); setSelected(null) }} data-testid="qlog-clear">
          Clear
        </button>
      </div>
      <div className="qlog" role="table" aria-label="Query log, newest first" aria-rowcount={count + 1} data-testid="qlog">
        <div className="qlog__row qlog__row--head" role="row" aria-rowindex={1}>
          {columns.map((c) => (
            <span key={c} role="columnheader">{c}</span>
          ))}
        </div>
        <div
          ref={scroller}
          className="qlog__scroll"
          tabIndex={0}
          onKeyDown={move}
          aria-label="Query log rows: arrow keys select a row"
          role="rowgroup"
        >
          {count === 0 ? (
            <p className="qlog__empty" data-testid="qlog-empty">
              {port === null ? (
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
              {virtualizer.getVirtualItems().map((item) => {
                const row = buffer.at(item.index)
                if (!row) return null
                const isSelected = selected?.id === row.id
                return (
                  <div
                    key={row.id}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={isSelected}
                    className={`qlog__row${isSelected ? ' is-selected' : ''}`}
                    style={{ transform: `translateY(${item.start}px)` }}
                    onClick={() => setSelected(isSelected ? null : row)}
                    data-testid="qlog-row"
                    data-cache={row.entry.cache}
                    data-name={row.entry.name}
                    data-type={row.entry.type}
                  >
                    <Cells entry={row.entry} />
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
            {formatLogTime(selected.entry.time)} {selected.entry.name} {selected.entry.type}:
          </strong>{' '}
          {explainEntry(selected.entry)}
        </Explain>
      ) : (
        count > 0 && (
          <Explain testId="explain-entry-hint">
            Pick a row (click, or focus the log and use the arrow keys) to see what the server did to produce that
            answer. “hit”, “miss”, “refresh” and “stale” are ALIAS answers; “zone” is static data.
          </Explain>
        )
      )}
    </div>
  )
}
