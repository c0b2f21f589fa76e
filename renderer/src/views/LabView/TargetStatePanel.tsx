import { useState } from 'react'
import { targetFailureStates, type SimulatedTargetState, type TargetFailureInput } from '@shared/alias-server'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { TextField } from '../../components/TextField/TextField'
import { useCall } from '../../hooks/useCall'
import { useLab } from '../../hooks/useLab'
import styles from './TargetStatePanel.module.css'

type State = (typeof targetFailureStates)[number]

const names: Record<State, string> = {
  ok: 'answers normally',
  nxdomain: 'NXDOMAIN (the name is gone)',
  nodata: 'NODATA (no addresses)',
  servfail: 'SERVFAIL',
  silent: 'silent (never answers)',
  slow: 'slow',
  family: 'one family failing'
}

/** The failure-mode lab: break the simulated target and see what the profile serves, and why (in the query log). */
export function TargetStatePanel({ target, onChanged }: { target: SimulatedTargetState; onChanged(target: SimulatedTargetState): void }) {
  const f = target.failure
  const [state, setState] = useState<State>(f.state)
  const [delay, setDelay] = useState(String(f.state === 'slow' ? f.delayMs : 800))
  const [family, setFamily] = useState<'A' | 'AAAA'>(f.state === 'family' ? f.family : 'AAAA')
  const [familyFailure, setFamilyFailure] = useState<'servfail' | 'silent'>(f.state === 'family' ? f.failure : 'servfail')
  const { error, call } = useCall()
  const lab = useLab()
  const delayValue = /^\d+$/.test(delay.trim()) && Number(delay) >= 1 && Number(delay) <= 60_000 ? Number(delay) : null

  const apply = async () => {
    const input: TargetFailureInput =
      state === 'slow' ? { state, delayMs: delayValue ?? 1 } : state === 'family' ? { state, family, failure: familyFailure } : { state }
    const r = await call(() => lab.setTargetState(input))
    if (r.ok) onChanged(r.value)
  }

  return (
    <fieldset className={styles.state} data-testid="lab-target-state" data-state={f.state}>
      <legend>Target state</legend>
      <div className={styles.row}>
        <select value={state} onChange={(e) => setState(e.target.value as State)} aria-label="Target state" data-testid="lab-target-state-select">
          {targetFailureStates.map((s) => (
            <option key={s} value={s}>
              {names[s]}
            </option>
          ))}
        </select>
        {state === 'slow' && (
          <TextField label="Delay (ms)" className="input--port" inputMode="numeric" value={delay} onChange={(e) => setDelay(e.target.value)} aria-invalid={delayValue === null} data-testid="lab-target-delay" />
        )}
        {state === 'family' && (
          <>
            <select value={family} onChange={(e) => setFamily(e.target.value as 'A' | 'AAAA')} aria-label="Failing family" data-testid="lab-target-family">
              <option value="A">A fails</option>
              <option value="AAAA">AAAA fails</option>
            </select>
            <select value={familyFailure} onChange={(e) => setFamilyFailure(e.target.value as 'servfail' | 'silent')} aria-label="How it fails">
              <option value="servfail">with SERVFAIL</option>
              <option value="silent">silently</option>
            </select>
          </>
        )}
        <button type="button" onClick={() => void apply()} disabled={state === 'slow' && delayValue === null} data-testid="lab-target-state-apply">
          Apply
        </button>
      </div>
      <p className="muted">
        Now: <strong data-testid="lab-target-state-now">{names[f.state]}{f.state === 'slow' ? ` (${f.delayMs} ms)` : f.state === 'family' ? ` (${f.family}, ${f.failure})` : ''}</strong>. The server
        meets a change when its cached answer expires; the query log says which rule answered.
      </p>
      {error && <ErrorMessage error={error} testId="lab-target-state-error" />}
    </fieldset>
  )
}
