import { useEffect, useRef } from 'react'
import { displayName } from '../../model/inspect/inspect-model'
import type { RawAnswerState } from '../../hooks/useRawAnswer'
import { ErrorMessage } from '../ErrorMessage/ErrorMessage'
import { HexDump } from '../HexDump/HexDump'
import { DigCommand } from './DigCommand'
import { RawEdns } from './RawEdns'
import { RawHeader } from './RawHeader'
import { RawRecords } from './RawRecords'
import styles from './RawAnswerDrawer.module.css'

/** The raw answer as a side drawer: header, sections, EDNS, the bytes, and the dig command. */
export function RawAnswerDrawer({ state, onClose }: { state: Exclude<RawAnswerState, { status: 'closed' }>; onClose(): void }) {
  const closeRef = useRef<HTMLButtonElement>(null)
  const { request } = state

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    closeRef.current?.focus()
    return () => opener?.focus()
  }, [])

  // the drawer covers half the window: Escape closes it wherever the focus went (a field's own Escape,
  // e.g. the target list's, stops the event before it gets here)
  const closeLatest = useRef(onClose)
  closeLatest.current = onClose
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) closeLatest.current()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  const dig = state.status === 'ready' || state.status === 'error' ? state.dig : null

  return (
    <aside
      className={styles.drawer}
      role="dialog"
      aria-modal="false"
      aria-labelledby="raw-title"
      data-testid="raw-drawer"
      data-state={state.status}
    >
      <header className={styles.head}>
        <h2 id="raw-title">
          Raw answer · <code>{displayName(request.name)}</code> {request.type}
        </h2>
        <button type="button" ref={closeRef} className="button-secondary" onClick={onClose} data-testid="raw-close">
          Close
        </button>
      </header>
      <p className={`muted ${styles.sub}`}>
        {request.side === 'apex' ? 'Apex' : 'Target'} answer via {request.resolverLabel}, asked again just now (with NSID and a
        client cookie) so every byte can be shown.
      </p>
      <DigCommand dig={dig} loading={state.status === 'loading'} />
      {state.status === 'loading' && (
        <p className="muted" role="status">
          Asking {request.resolverLabel}…
        </p>
      )}
      {state.status === 'error' && <ErrorMessage error={state.error} testId="raw-error" />}
      {state.status === 'ready' && (
        <div className={styles.body}>
          <RawHeader result={state.result} />
          <section className={styles.section}>
            <h3>Question</h3>
            <p>
              <code>
                {state.result.question.name} {state.result.question.class} {state.result.question.type}
              </code>
            </p>
          </section>
          <RawRecords title="Answer" records={state.result.answer} receivedAtMs={state.result.receivedAtWallMs} />
          <RawRecords title="Authority" records={state.result.authority} receivedAtMs={state.result.receivedAtWallMs} />
          <RawRecords title="Additional" records={state.result.additional} receivedAtMs={state.result.receivedAtWallMs} />
          <RawEdns result={state.result} />
          <section className={styles.section}>
            <h3>Response bytes</h3>
            <HexDump hex={state.result.raw.response} label="Response bytes" />
          </section>
        </div>
      )}
    </aside>
  )
}
