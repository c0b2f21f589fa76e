import type { WatchSession } from '@shared/inspector'
import { formatDateTime } from '../../format/time'
import styles from './WatchView.module.css'

interface SessionPickerProps {
  sessions: readonly WatchSession[]
  selected: string | null
  onSelect(id: string): void
  loading: boolean
}

// a running session's count in this list is the one from when the list was read: the panel below counts live
const describe = (s: WatchSession) =>
  `${s.apex} → ${s.target} · ${formatDateTime(s.startedAtWallMs)} · ${s.state}${s.state === 'running' ? '' : ` · ${s.sampleCount} samples`}`

/** Saved sessions, newest first: pick one to see its charts. */
export function SessionPicker({ sessions, selected, onSelect, loading }: SessionPickerProps) {
  if (loading) return <p className="muted">Loading saved sessions…</p>
  if (sessions.length === 0) {
    return (
      <p className="empty" data-testid="watch-no-sessions">
        No sessions yet. Start one above, or open the Local ALIAS lab and press “Watch this apex”.
      </p>
    )
  }
  return (
    <label className={`form-field ${styles.sessionPicker}`}>
      <span className="form-field__label">Saved sessions ({sessions.length})</span>
      <select value={selected ?? ''} onChange={(e) => onSelect(e.target.value)} data-testid="watch-session-select">
        {selected === null && <option value="">Pick a session…</option>}
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {describe(s)}
          </option>
        ))}
      </select>
    </label>
  )
}
