import { useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { AuditRow } from '@shared/audit'
import { dnssecByResolver, dnssecWord } from '@shared/audit-format'
import type { SortKey, TableItem } from '../../model/audit/audit-table-model'
import vt from '../../styles/virtual-table.module.css'
import styles from './AuditTable.module.css'

const ROW_HEIGHT = 28

const COLUMNS: Array<{ key: SortKey; label: string; title?: string }> = [
  { key: 'name', label: 'Name' },
  { key: 'verdict', label: 'Verdict' },
  { key: 'target', label: 'Target' },
  { key: 'providers', label: 'Provider', title: 'The DNS host, from the NS names' },
  { key: 'profiles', label: 'Fits profiles', title: 'Provider profiles whose behaviour fits what was observed' },
  { key: 'apexTtl', label: 'Apex TTL', title: 'Apex A TTL in seconds' },
  { key: 'targetTtl', label: 'Target TTL', title: 'Target A TTL in seconds' },
  { key: 'stalenessBound', label: 'Stale ≤', title: 'Worst staleness the TTLs allow, in seconds' },
  { key: 'errors', label: 'DNSSEC / errors', title: 'Sort by the number of errors' }
]

const bare = (name: string | undefined): string => (name ? name.replace(/\.$/, '') : '—')

const VERDICT_CLASS: Record<string, string | undefined> = { likely: styles.likely, inconclusive: styles.inconclusive, error: styles.error }

/** The DNSSEC word of every resolver together; "≠" and each resolver's word when they disagree. */
function Dnssec({ dnssec }: { dnssec: AuditRow['dnssec'] }) {
  if (!dnssec) return <>—</>
  const each = dnssecByResolver(dnssec)
  return (
    <span className={dnssec.disagree ? styles.disagree : undefined} title={each ? `DNSSEC per resolver: ${each}` : undefined} data-testid="audit-dnssec" data-disagree={dnssec.disagree ? 'true' : 'false'}>
      {dnssec.disagree ? `≠ ${(dnssec.resolvers ?? []).filter((r) => !r.failed).map(dnssecWord).join(' / ')}` : dnssecWord(dnssec)}
    </span>
  )
}

function Cells({ row }: { row: AuditRow }) {
  const profiles = row.profiles ?? []
  return (
    <>
      <span role="cell" className={styles.name} title={row.name}>{bare(row.name)}</span>
      <span role="cell"><span className={`${styles.verdict} ${VERDICT_CLASS[row.verdict] ?? ''}`}>{row.verdict}</span></span>
      <span role="cell" className={styles.name} title={row.target}>{bare(row.target)}</span>
      <span role="cell" title={row.providers.join(', ')}>{row.providers.join(', ') || '—'}</span>
      <span role="cell" title={profiles.join(', ')}>{profiles.join(', ') || '—'}</span>
      <span role="cell" className={styles.num}>{row.apexTtl ?? '—'}</span>
      <span role="cell" className={styles.num}>{row.targetTtl ?? '—'}</span>
      <span role="cell" className={styles.num} title={row.stalenessFormula}>{row.stalenessBound ?? '—'}</span>
      <span role="cell" className={row.errors.length ? styles.errors : undefined} title={row.errors.join('\n')}>
        <Dnssec dnssec={row.dnssec} />
        {row.errors.length > 0 && ` · ${row.errors.length} error${row.errors.length === 1 ? '' : 's'}`}
      </span>
    </>
  )
}

interface Props {
  items: TableItem[]
  sort: SortKey
  descending: boolean
  onSort(key: SortKey): void
  onOpen(row: AuditRow): void
}

/** The audit's results: only the visible rows are in the DOM, so tens of thousands scroll smoothly. */
export function AuditTable({ items, sort, descending, onSort, onOpen }: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12
  })
  return (
    <div className={vt.frame} role="table" aria-label="Audit results" aria-rowcount={items.length + 1} data-testid="audit-table" data-count={items.length}>
      <div className={`${vt.row} ${styles.row} ${vt.head}`} role="row">
        {COLUMNS.map((c) => (
          <span key={c.key} role="columnheader" aria-sort={sort === c.key ? (descending ? 'descending' : 'ascending') : 'none'}>
            <button type="button" className={styles.sort} title={c.title ?? `Sort by ${c.label}`} onClick={() => onSort(c.key)} data-testid={`audit-sort-${c.key}`}>
              {c.label}
              {sort === c.key ? (descending ? ' ▼' : ' ▲') : ''}
            </button>
          </span>
        ))}
      </div>
      <div ref={scroller} className={`${vt.scroll} ${styles.scroll}`} role="rowgroup" tabIndex={0} data-testid="audit-scroll" aria-label="Results: click a row to open its full inspection">
        {items.length === 0 ? (
          <p className={vt.empty} data-testid="audit-empty">No results yet.</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const item = items[v.index]!
              const style = { transform: `translateY(${v.start}px)` }
              if (item.kind === 'group') {
                return (
                  <div key={`g-${item.key}`} role="row" className={`${vt.row} ${styles.row} ${styles.group}`} style={style} data-testid="audit-group">
                    <span role="cell">{item.key} · {item.count.toLocaleString()}</span>
                  </div>
                )
              }
              const { row } = item
              return (
                <div
                  key={`r-${row.index}`}
                  role="row"
                  tabIndex={-1}
                  className={`${vt.row} ${styles.row}`}
                  style={style}
                  onClick={() => onOpen(row)}
                  onKeyDown={(e) => e.key === 'Enter' && onOpen(row)}
                  title="Open the full inspection"
                  data-testid="audit-row"
                  data-name={row.name}
                  data-verdict={row.verdict}
                >
                  <Cells row={row} />
                </div>
              )
            })}
          </div>
        )}
      </div>
    </div>
  )
}
