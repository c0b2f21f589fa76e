import { useEffect, useRef, useState } from 'react'
import type { SimulatedTargetState } from '@shared/alias-server'
import type { ApiError } from '@shared/result'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { TextField } from '../../components/TextField/TextField'
import { Explain } from '../../context/TeachingContext'
import { useClock } from '../../hooks/useClock'
import { useLab } from '../../hooks/useLab'
import type { LabStatus } from '@shared/lab'
import { useTargetSets } from './useTargetSets'
import { formatClock, formatTtl } from '../../format/time'
import { cx } from '../../class-names'
import styles from './TargetPanel.module.css'

interface TargetPanelProps {
  target: SimulatedTargetState
  /** The sets and serving set saved in lab.json. */
  saved: { sets: LabStatus['sets']; serving: number | null }
  onChanged(target: SimulatedTargetState): void
}

const MAX_SETS = 8

/** The simulated CDN: its address sets and TTL, changed by hand or rotated on a timer; edits are served at once. */
export function TargetPanel({ target, saved, onChanged }: TargetPanelProps) {
  const now = useClock()
  const model = useTargetSets(target, saved, onChanged)
  const lab = useLab()
  const { sets, parsed, setValid, allValid, ttlValue, busy, error } = model
  const [every, setEvery] = useState(String(target.rotation?.everySeconds ?? 30))
  // Rotate and Stop rotating take each other's place: the focus follows
  const rotateRef = useRef<HTMLButtonElement>(null)
  const swapped = useRef(false)
  const rotating = !!target.rotation
  useEffect(() => {
    if (!swapped.current) return
    swapped.current = false
    rotateRef.current?.focus()
  }, [rotating])

  const everyValue = /^\d+(\.\d+)?$/.test(every.trim()) && Number(every) >= 1 && Number(every) <= 86_400 ? Number(every) : null

  const run = async (call: () => Promise<{ ok: true; value: SimulatedTargetState } | { ok: false; error: ApiError }>) => {
    const result = await call()
    if (result.ok) {
      model.setError(null)
      onChanged(result.value)
    } else {
      swapped.current = false
      model.setError(result.error)
    }
  }
  const serve = (i: number) => {
    if (busy || rotating || !setValid(i) || ttlValue === null) return
    void model.serve(i)
  }
  const rotate = () => {
    if (busy || !allValid || everyValue === null || ttlValue === null) return
    swapped.current = true
    void run(() =>
      lab.rotateTarget({
        everySeconds: everyValue,
        sets: parsed.map((p) => ({ a: p.a.addresses, aaaa: p.aaaa.addresses, ttl: ttlValue }))
      })
    )
  }
  const stopRotation = () => {
    if (busy) return
    swapped.current = true
    void run(() => lab.rotateTarget({ stop: true }))
  }
  const rotation = target.rotation
  const nextIn = rotation ? Math.max(0, Math.ceil((rotation.nextAt - now) / 1000)) : null
  const matches = (i: number) =>
    parsed[i]!.a.addresses.join(' ') === target.a.join(' ') && parsed[i]!.aaaa.addresses.join(' ') === target.aaaa.join(' ')
  // while rotating, the set on the air is the one whose addresses are served; otherwise the one chosen last
  const serving = (i: number) => (rotating || model.serving === null ? matches(i) : model.serving === i)

  return (
    <section aria-labelledby="lab-target-title" data-testid="lab-target">
      <h2 id="lab-target-title">
        Simulated target <code>{target.name}</code>
      </h2>
      <p className={styles.now} data-testid="lab-target-now" data-version={target.version}>
        Serving <strong>A</strong> {target.a.join(', ') || '—'} · <strong>AAAA</strong> {target.aaaa.join(', ') || '—'} ·{' '}
        <strong>TTL</strong> {formatTtl(target.ttl)} <span className="muted">· version {target.version}, changed {formatClock(target.changedAt)}</span>
        {rotation && (
          <span data-testid="lab-rotation-state">
            {' '}
            · rotating every {rotation.everySeconds} s, next in {nextIn} s
          </span>
        )}
      </p>
      <div className={styles.sets}>
        {sets.map((s, i) => {
          const p = parsed[i]!
          return (
            <fieldset key={i} className={cx(styles.set, serving(i) && styles['is-serving'])} data-testid={`lab-set-${i}`}>
              <legend>
                Set {i + 1}
                {serving(i) && <span className="muted"> (serving)</span>}
              </legend>
              <TextField label="A" value={s.a} onChange={(e) => model.edit(i, { a: e.target.value })} readOnly={rotating} spellCheck={false} aria-invalid={p.a.invalid.length > 0} data-testid={`lab-set-${i}-a`} aria-label={`Set ${i + 1}: IPv4 addresses`} error={p.a.invalid.length > 0 && `Not IPv4: ${p.a.invalid.join(', ')}`} />
              <TextField label="AAAA" value={s.aaaa} onChange={(e) => model.edit(i, { aaaa: e.target.value })} readOnly={rotating} spellCheck={false} aria-invalid={p.aaaa.invalid.length > 0} data-testid={`lab-set-${i}-aaaa`} aria-label={`Set ${i + 1}: IPv6 addresses`} error={p.aaaa.invalid.length > 0 && `Not IPv6: ${p.aaaa.invalid.join(', ')}`} />
              <div className={styles.setActions}>
                {/* focusable while busy (the focus stays put); aria-disabled says when pressing does nothing */}
                <button type="button" onClick={() => serve(i)} aria-disabled={busy || rotating || !setValid(i) || ttlValue === null} data-testid={`lab-set-${i}-serve`}>
                  Serve now
                </button>
                {sets.length > 1 && !rotating && (
                  <button type="button" className="button--quiet" onClick={() => model.remove(i)} aria-label={`Remove set ${i + 1}`}>
                    Remove
                  </button>
                )}
              </div>
            </fieldset>
          )
        })}
      </div>
      <div className={styles.controls}>
        <label className="form-field form-field--inline">
          <span className="form-field__label">TTL</span>
          <input className="input--short" inputMode="numeric" value={model.ttl} onChange={(e) => model.editTtl(e.target.value)} readOnly={rotating} aria-invalid={ttlValue === null} aria-label="Target TTL in seconds" data-testid="lab-target-ttl" />
          <span>s</span>
        </label>
        {sets.length < MAX_SETS && !rotating && (
          <button type="button" className="button--quiet" onClick={model.add} data-testid="lab-set-add">
            Add a set
          </button>
        )}
        <span className={styles.rotate}>
          <label className="form-field form-field--inline">
            <span className="form-field__label">Rotate every</span>
            <input className="input--short" inputMode="decimal" value={every} onChange={(e) => setEvery(e.target.value)} aria-invalid={everyValue === null} aria-label="Rotation period in seconds" data-testid="lab-rotate-every" />
            <span>s</span>
          </label>
          {rotation ? (
            <button type="button" ref={rotateRef} className="button--danger" onClick={stopRotation} aria-disabled={busy || undefined} data-testid="lab-rotate-stop">
              Stop rotating
            </button>
          ) : (
            <button type="button" ref={rotateRef} onClick={rotate} disabled={!allValid || everyValue === null || sets.length < 2} aria-disabled={busy || !allValid || everyValue === null || sets.length < 2} data-testid="lab-rotate-start">
              Rotate
            </button>
          )}
        </span>
      </div>
      {ttlValue === null && <p className="form-field__error">The TTL is a whole number of seconds, 0 to 86400.</p>}
      {rotating && (
        <p className="muted" data-testid="lab-rotating-note">
          The rotation owns the target while it runs: stop it to edit the sets or the TTL.
        </p>
      )}
      {error && <ErrorMessage error={error} testId="lab-target-error" />}
      <Explain testId="explain-target">
        Change the addresses and the apex does not follow at once: the server keeps the target’s answer until its TTL
        ({formatTtl(target.ttl)}) runs out, and resolvers keep the apex answer for the TTL the server gave it. A short TTL here
        makes the lag short; rotating every few seconds makes it visible in the Watch view.
      </Explain>
    </section>
  )
}
