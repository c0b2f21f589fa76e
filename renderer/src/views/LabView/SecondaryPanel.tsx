import { useState } from 'react'
import type { SimulatedTargetState } from '@shared/alias-server'
import { secondaryView, type TransferSnapshot } from '../../model/lab/secondary-model'
import styles from './SecondaryPanel.module.css'

/** A simulated secondary of another brand: transfer now, then see what it serves for the apex as the target moves. */
export function SecondaryPanel({ mode, signed, target }: { mode: 'raw' | 'expanded'; signed: boolean; target: SimulatedTargetState | null }) {
  const [snapshot, setSnapshot] = useState<TransferSnapshot | null>(null)
  const [notify, setNotify] = useState(false)
  if (!target) return null
  const view = snapshot ? secondaryView(snapshot, signed, target, notify) : null
  return (
    <div className={styles.secondary} data-testid="lab-secondary">
      <button
        type="button"
        className="button-secondary"
        data-testid="lab-secondary-transfer"
        onClick={() => setSnapshot({ mode, a: target.a, aaaa: target.aaaa, version: target.version, at: Date.now() })}
      >
        Transfer to a secondary ({mode})
      </button>
      <label className="checkbox">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} data-testid="lab-secondary-notify" />
        Send NOTIFY on change (expanded)
      </label>
      {view && (
        <p data-testid="lab-secondary-view" data-state={view.state}>
          <strong>The secondary serves:</strong> A {view.a.join(' ') || '(none)'} · AAAA {view.aaaa.join(' ') || '(none)'}. {view.text}
        </p>
      )}
    </div>
  )
}
