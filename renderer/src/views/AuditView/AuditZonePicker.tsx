import { useState } from 'react'
import type { ApiError } from '@shared/result'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { useAuditSources, type LoadedSource } from '../../hooks/useAuditSources'
import styles from './AuditView.module.css'

/** Audit input from the main side: one of the saved zones (their owner names), or the lab's zone. */
export function AuditZonePicker({ onLoad }: { onLoad(loaded: LoadedSource): void }) {
  const { zones, refresh, loadSaved, loadLab } = useAuditSources()
  const [error, setError] = useState<ApiError | null>(null)
  const take = async (load: Promise<Awaited<ReturnType<typeof loadLab>>>) => {
    const loaded = await load
    if (!loaded.ok) return setError(loaded.error)
    setError(null)
    onLoad(loaded.value)
  }
  return (
    <>
      <label className={styles.picker}>
        Saved zone
        <select
          value=""
          // the lab's editor may have saved another zone since: the list is read again on focus
          onFocus={() => void refresh()}
          onChange={(e) => e.target.value && void take(loadSaved(e.target.value))}
          aria-label="Audit the owner names of a saved zone"
          data-testid="audit-saved-zone"
        >
          <option value="">{zones.length === 0 ? 'none saved' : `pick one of ${zones.length}…`}</option>
          {zones.map((z) => (
            <option key={z.file} value={z.file}>
              {z.origin.replace(/\.$/, '')} ({Math.max(1, Math.round(z.bytes / 1024)).toLocaleString()} KB)
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button-secondary" onClick={() => void take(loadLab())} data-testid="audit-lab-zone">
        Use the lab’s zone
      </button>
      {error && <ErrorMessage error={error} testId="audit-lab-error" />}
    </>
  )
}
