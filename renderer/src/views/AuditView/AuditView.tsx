import { useMemo, useState } from 'react'
import type { AuditRow, AuditStartInput } from '@shared/audit'
import { auditCsv, auditNdjson } from '@shared/audit-format'
import { AuditChart } from '../../components/AuditChart/AuditChart'
import { AuditTable } from '../../components/AuditTable/AuditTable'
import { downloadBlob } from '../../components/ChartFrame/download'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { useNavigation } from '../../context/NavigationContext'
import { useAudit } from '../../hooks/useAudit'
import { useChartTheme } from '../../hooks/useChartTheme'
import { useResolvers } from '../../hooks/useResolvers'
import { AuditInputPanel } from './AuditInputPanel'
import { AuditProgressBar } from './AuditProgressBar'
import { tableItems, type GroupBy, type SortKey, type TableView } from '../../model/audit/audit-table-model'
import styles from './AuditView.module.css'

export function AuditView() {
  const resolvers = useResolvers()
  const { state, start, cancel } = useAudit()
  const theme = useChartTheme()
  const { requestInspect } = useNavigation()
  const [lastInput, setLastInput] = useState<AuditStartInput | null>(null)
  const [view, setView] = useState<TableView>({ sort: 'index', descending: false, filter: '', verdict: '', groupBy: 'none' })
  const items = useMemo(() => tableItems(state.rows, view), [state.rows, view])
  const verdicts = useMemo(() => [...new Set(state.rows.map((r) => r.verdict))].sort(), [state.rows])
  const running = state.status === 'running' || state.status === 'starting'

  const begin = (input: AuditStartInput) => {
    setLastInput(input)
    void start(input)
  }
  const sortBy = (key: SortKey) => setView((v) => ({ ...v, sort: key, descending: v.sort === key ? !v.descending : false }))
  const open = (row: AuditRow) => {
    if (!lastInput) return
    requestInspect({
      apex: row.name,
      ...(row.target ? { target: row.target } : {}),
      resolvers: lastInput.resolvers,
      ...(lastInput.authoritativePort ? { authoritativePort: lastInput.authoritativePort } : {}),
      ...(lastInput.skipAuthoritative ? { skipAuthoritative: true } : {})
    })
  }
  const exportAs = (format: 'csv' | 'json') => {
    const rows = [...state.rows].sort((a, b) => a.index - b.index)
    const blob = format === 'csv' ? new Blob([auditCsv(rows)], { type: 'text/csv' }) : new Blob([auditNdjson(rows)], { type: 'application/x-ndjson' })
    downloadBlob(blob, `audit.${format === 'csv' ? 'csv' : 'ndjson'}`)
  }

  return (
    <div className={styles.view} data-testid="audit-view" data-state={state.status}>
      <AuditInputPanel resolvers={resolvers} running={running} onStart={begin} onCancel={() => void cancel()} />
      {state.error && <ErrorMessage error={state.error} testId="audit-error" />}
      {state.progress && <AuditProgressBar progress={state.progress} status={state.status} message={state.message} />}
      {state.rows.length > 0 && (
        <>
          <AuditChart rows={state.rows} theme={theme} />
          <section className="panel" aria-label="Results">
            <div className={styles.toolbar}>
              <input
                type="search"
                placeholder="Filter names, targets, providers, errors"
                value={view.filter}
                onChange={(e) => setView((v) => ({ ...v, filter: e.target.value }))}
                aria-label="Filter the results"
                data-testid="audit-filter"
              />
              <label className={styles.inline}>
                Verdict
                <select value={view.verdict} onChange={(e) => setView((v) => ({ ...v, verdict: e.target.value }))} data-testid="audit-verdict-filter">
                  <option value="">all</option>
                  {verdicts.map((v) => (
                    <option key={v} value={v}>{v}</option>
                  ))}
                </select>
              </label>
              <label className={styles.inline}>
                Group by
                <select value={view.groupBy} onChange={(e) => setView((v) => ({ ...v, groupBy: e.target.value as GroupBy }))} data-testid="audit-group-by">
                  <option value="none">nothing</option>
                  <option value="verdict">verdict</option>
                  <option value="provider">provider</option>
                </select>
              </label>
              <span className="muted">{items.filter((i) => i.kind === 'row').length.toLocaleString()} shown</span>
              <button type="button" className="button--quiet" onClick={() => exportAs('csv')} data-testid="audit-export-csv">Export CSV</button>
              <button type="button" className="button--quiet" onClick={() => exportAs('json')} data-testid="audit-export-json">Export JSON</button>
            </div>
            <AuditTable items={items} sort={view.sort} descending={view.descending} onSort={sortBy} onOpen={open} />
          </section>
        </>
      )}
    </div>
  )
}
