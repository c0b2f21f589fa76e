import type { InspectResult } from '@shared/inspector'
import { formatClock, formatDuration } from '../../format/time'
import { displayName, SUGGESTION_SOURCES } from '../../model/inspect/inspect-model'
import { sameName } from '../../model/inspect/inspect-input'
import styles from './ResultsBar.module.css'

export interface ResultsBarProps {
  running: boolean
  refreshing: boolean
  autoRefresh: boolean
  onAutoRefreshChange(enabled: boolean): void
  /** When auto-refresh asks again next (wall-clock ms). */
  dueAtMs: number | undefined
  onWatch(): void
}

/** When and how fast the shown inspection ran, where its target came from, auto-refresh and "Watch over time". */
export function ResultsBar({ result, running, refreshing, autoRefresh, onAutoRefreshChange, dueAtMs, onWatch }: ResultsBarProps & { result: InspectResult }) {
  const suggestedBy =
    result.target !== undefined && result.targetSource === 'suggested'
      ? result.suggestions.find((s) => sameName(s.name, result.target!))
      : undefined
  return (
    <div className={styles.bar}>
      <span data-testid="inspected-at">
        {displayName(result.apex)} inspected at {formatClock(result.startedAtWallMs)} in {formatDuration(result.durationMs)}
        {suggestedBy && result.target && (
          <span className="muted" data-testid="target-suggested" data-source={suggestedBy.source} title={suggestedBy.reason}>
            {' '}
            · target {displayName(result.target)} from the {SUGGESTION_SOURCES[suggestedBy.source]}
          </span>
        )}
        {!result.target && <span className="muted"> · no target: the apex alone</span>}
      </span>
      {running && (
        <span className="muted" role="status">
          {refreshing ? 'Refreshing…' : 'Inspecting…'}
        </span>
      )}
      <label className="checkbox switch">
        <input
          type="checkbox"
          role="switch"
          checked={autoRefresh}
          data-testid="auto-refresh"
          onChange={(event) => onAutoRefreshChange(event.target.checked)}
        />
        Auto-refresh when a TTL expires
        {autoRefresh && dueAtMs !== undefined && <span className="muted"> (next at {formatClock(dueAtMs)})</span>}
      </label>
      {result.target && (
        <button type="button" className="button-secondary" data-testid="watch-this" onClick={onWatch}>
          Watch over time
        </button>
      )}
    </div>
  )
}
