import { useEffect, useState } from 'react'
import type { WatchSession } from '@shared/inspector'
import type { ApiError } from '@shared/result'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { useCommands } from '../../context/CommandsContext'
import { useNavigation, type WatchRequest } from '../../context/NavigationContext'
import { useWatch } from '../../hooks/useWatch'
import { useWatchList } from '../../hooks/useWatchList'
import { SessionPicker } from './SessionPicker'
import { WatchForm } from './WatchForm'
import { WatchSessionPanel } from './WatchSessionPanel'
import styles from './WatchView.module.css'

/** Requests already acted on: a request starts one watch, even when the view mounts twice (StrictMode). */
const handled = new WeakSet<WatchRequest>()

export function WatchView() {
  const { watchRequest } = useNavigation()
  const list = useWatchList()
  const { startRequested } = useWatch()
  const [chosen, setChosen] = useState<string | null>(null)
  const [requestError, setRequestError] = useState<ApiError | null>(null)
  // the form starts open only when there is nothing to show yet; after that the person decides
  const [formOpen, setFormOpen] = useState<boolean | null>(null)
  // the session shown: the one picked or started, else the newest
  const selected = chosen ?? list.sessions[0]?.id ?? null
  const { upsert } = list

  useEffect(() => {
    if (!watchRequest || handled.has(watchRequest)) return
    handled.add(watchRequest)
    void startRequested(watchRequest).then((result) => {
      if (result.ok) {
        upsert(result.value)
        setChosen(result.value.id)
        setFormOpen(false)
        setRequestError(null)
      } else setRequestError(result.error)
    })
  }, [watchRequest, upsert, startRequested])

  // a watch export opened from the File menu or dropped on the window
  const { importedSession } = useCommands()
  useEffect(() => {
    if (!importedSession) return
    upsert(importedSession.session)
    setChosen(importedSession.session.id)
    setFormOpen(false)
  }, [importedSession, upsert])

  const started = (session: WatchSession) => {
    list.upsert(session)
    setChosen(session.id)
    setFormOpen(false)
  }
  const initial = watchRequest
    ? { apex: watchRequest.apex, target: watchRequest.target, ...(watchRequest.resolverIds ? { resolverIds: watchRequest.resolverIds } : {}) }
    : undefined
  const removed = (id: string) => {
    list.forget(id)
    setChosen(null)
  }

  return (
    <div className="view-stack" data-testid="watch-view">
      <section className={`panel ${styles.setup}`}>
        <details
          className={styles.form}
          open={formOpen ?? (!list.loading && list.sessions.length === 0)}
          onToggle={(e) => setFormOpen(e.currentTarget.open)}
        >
          <summary data-testid="watch-form-toggle">Start a watch</summary>
          <WatchForm key={watchRequest ? `${watchRequest.apex}|${watchRequest.target}` : 'blank'} initial={initial} onStarted={started} />
        </details>
        <div className={styles.sessions}>
          <SessionPicker sessions={list.sessions} selected={selected} onSelect={setChosen} loading={list.loading} />
          {list.error && <ErrorMessage error={list.error} testId="watch-list-error" />}
        </div>
        {requestError && <ErrorMessage error={requestError} testId="watch-request-error" />}
      </section>
      {selected ? (
        <WatchSessionPanel key={selected} id={selected} onRemoved={removed} />
      ) : (
        !list.loading && (
          <section className={`panel ${styles.emptyState}`} data-testid="watch-empty">
            <h2>Watch how stale an apex gets</h2>
            <p>
              A watch asks the apex and its target again and again and records every answer: the TTL counting down,
              which addresses each side served, and how long the apex took to follow each change of the target.
            </p>
          </section>
        )
      )}
    </div>
  )
}
