import { useEffect, useRef, useState } from 'react'
import { ttlPolicies, type TtlPolicy, type Viewpoint } from '@shared/inspector'
import { AnswerTimeline } from '../../components/AnswerTimeline/AnswerTimeline'
import { downloadBlob } from '../../components/ChartFrame/download'
import { fileSlug } from '../../model/watch/chart-format'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { LagChart } from '../../components/LagChart/LagChart'
import { TtlChart } from '../../components/TtlChart/TtlChart'
import { useCall } from '../../hooks/useCall'
import { useChartTheme } from '../../hooks/useChartTheme'
import { useWatch } from '../../hooks/useWatch'
import { useWatchSession } from '../../hooks/useWatchSession'
import { StalenessSummary } from './StalenessSummary'
import { formatClock } from '../../format/time'
import styles from './WatchSessionPanel.module.css'

interface WatchSessionPanelProps {
  id: string
  initialPolicy?: TtlPolicy | null | undefined
  onRemoved(id: string): void
}

const stateText = { running: 'running', stopped: 'stopped', finished: 'finished', interrupted: 'interrupted (app closed)' }

/** One session: its figures, three charts and the exports. Key it by id. */
export function WatchSessionPanel({ id, initialPolicy, onRemoved }: WatchSessionPanelProps) {
  const { state, store } = useWatchSession(id, initialPolicy)
  const theme = useChartTheme()
  const watch = useWatch()
  // which series the charts show: 'resolver:N' or 'authoritative:0'
  const [pick, setPick] = useState('resolver:0')
  const { busy: exporting, error: actionError, setError: setActionError, call } = useCall()
  const session = state.session
  // Stop gives way to Delete: the focus goes to the session's title, not onto a destructive button
  const titleRef = useRef<HTMLHeadingElement>(null)
  const stopped = useRef(false)
  const sessionState = session?.state
  useEffect(() => {
    if (!stopped.current || sessionState === 'running') return
    stopped.current = false
    titleRef.current?.focus()
  }, [sessionState])

  if (state.status === 'loading') {
    return (
      <section className="panel" data-testid="watch-session" data-state="loading">
        <p className="muted">Loading the session…</p>
      </section>
    )
  }
  if (!session) {
    return (
      <section className="panel" data-testid="watch-session" data-state="error">
        {state.error && <ErrorMessage error={state.error} testId="watch-session-error" />}
      </section>
    )
  }

  const prefix = `${fileSlug(session.apex)}-watch`
  const exportData = async (format: 'json' | 'csv') => {
    if (exporting) return
    const result = await call(() => watch.exportData(id, format, state.policy))
    if (result.ok) downloadBlob(new Blob([result.value], { type: format === 'json' ? 'application/json' : 'text/csv' }), `${prefix}.${format}`)
  }
  const stop = async () => {
    stopped.current = true
    setActionError(await store.stop())
  }
  const remove = async () => {
    const result = await watch.remove(id)
    if (result.ok) onRemoved(id)
    else setActionError(result.error)
  }
  const hasAuthoritative = state.samples.some((s) => s.viewpoint === 'authoritative')
  const [pickedViewpoint, pickedIndex] = pick.split(':') as [Viewpoint, string]
  const viewpoint: Viewpoint = pickedViewpoint === 'authoritative' && hasAuthoritative ? 'authoritative' : 'resolver'
  const index = viewpoint === 'authoritative' ? 0 : Math.min(Number(pickedIndex) || 0, Math.max(0, session.labels.length - 1))
  const chartSamples = state.samples.filter((s) => s.viewpoint === viewpoint)
  const chartSeries = (state.analysis?.series ?? []).filter((s) => s.viewpoint === viewpoint)
  const auth = session.authoritative

  return (
    <section className="panel" data-testid="watch-session" data-state={session.state} aria-labelledby="watch-session-title">
      <header className={styles.head}>
        <div>
          <h2 id="watch-session-title" ref={titleRef} tabIndex={-1}>
            <code>{session.apex}</code> → <code>{session.target}</code>
          </h2>
          <p className={`muted ${styles.meta}`}>
            <span className={`pill pill--${session.state}`} data-testid="watch-session-state">
              {stateText[session.state]}
            </span>{' '}
            {session.mode === 'interval' ? `every ${session.intervalSeconds} s` : 'at TTL expiry'} ·{' '}
            <span data-testid="watch-sample-count" data-count={state.samples.length}>
              {state.samples.length} samples
            </span>{' '}
            · started {formatClock(session.startedAtWallMs)}
          </p>
        </div>
        <div className={styles.tools}>
          {(session.labels.length > 1 || hasAuthoritative) && (
            <label className="form-field form-field--inline">
              <span className="form-field__label">Charts for</span>
              <select value={`${viewpoint}:${index}`} onChange={(e) => setPick(e.target.value)} data-testid="watch-resolver-select">
                {hasAuthoritative && <option value="authoritative:0">zones' own servers</option>}
                {session.labels.map((label, i) => (
                  <option key={i} value={`resolver:${i}`}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="form-field form-field--inline" title="The ALIAS server's TTL rule sets the theoretical bound">
            <span className="form-field__label">Server TTL rule</span>
            <select value={state.policy ?? ''} onChange={(e) => store.setPolicy((e.target.value || null) as TtlPolicy | null)} data-testid="watch-policy">
              <option value="">as served{!state.policy && state.analysis?.bound ? ` (${state.analysis.bound.policy})` : ''}</option>
              {ttlPolicies.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button--quiet" onClick={() => void exportData('json')} aria-disabled={exporting} data-testid="watch-export-json" aria-label="Export the session's data as JSON">
            JSON
          </button>
          <button type="button" className="button--quiet" onClick={() => void exportData('csv')} aria-disabled={exporting} data-testid="watch-export-csv" aria-label="Export the session's samples as CSV">
            CSV
          </button>
          {session.state === 'running' ? (
            <button type="button" className="button--danger" onClick={() => void stop()} data-testid="watch-stop">
              Stop
            </button>
          ) : (
            <button type="button" className="button--quiet" onClick={() => void remove()} data-testid="watch-remove" aria-label="Delete this session">
              Delete
            </button>
          )}
        </div>
      </header>
      <p className={`muted ${styles.meta}`} data-testid="watch-viewpoint-servers">
        via {session.labels.join(', ')}
        {auth
          ? auth.apexServers.length > 0 && auth.targetServers.length > 0
            ? ` · zones' own servers: apex at ${auth.apexServers.join(', ')}, target at ${auth.targetServers.join(', ')}`
            : ` · zones' own servers not found${auth.problem ? `: ${auth.problem}` : ''}`
          : ''}
        {session.aliasRecord && ` · ALIAS record → ${session.aliasRecord.target} (TTL ${session.aliasRecord.ttl} s, from ${session.aliasRecord.server})`}
      </p>
      {actionError && <ErrorMessage error={actionError} testId="watch-action-error" />}
      {state.error && <ErrorMessage error={state.error} testId="watch-session-error" />}
      {state.samples.length === 0 ? (
        <p className="empty" data-testid="watch-no-samples">
          {session.state === 'running' ? 'Waiting for the first answers…' : 'This session recorded no samples.'}
        </p>
      ) : (
        <>
          {state.analysis && <StalenessSummary analysis={state.analysis} />}
          <div className={styles.charts} data-viewpoint={viewpoint}>
            <TtlChart samples={chartSamples} resolverIndex={index} theme={theme} filePrefix={prefix} live={session.state === 'running'} />
            <AnswerTimeline samples={chartSamples} series={chartSeries} resolverIndex={index} theme={theme} filePrefix={prefix} />
            <LagChart series={chartSeries} resolverIndex={index} bound={state.analysis?.bound} theme={theme} filePrefix={prefix} live={session.state === 'running'} />
          </div>
        </>
      )}
    </section>
  )
}
