import { useState, type FormEvent } from 'react'
import type { WatchSession } from '@shared/inspector'
import type { ResolverEntry, ResolverGroup } from '@shared/resolvers'
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage'
import { TextField } from '../../components/TextField/TextField'
import { Explain } from '../../context/TeachingContext'
import { useCall } from '../../hooks/useCall'
import { useResolvers } from '../../hooks/useResolvers'
import { useWatch } from '../../hooks/useWatch'
import { validateWatchForm, watchStartInput, type WatchFormValues } from '../../model/watch/watch-form'
import styles from './WatchForm.module.css'

interface WatchFormProps {
  initial?: Partial<WatchFormValues> | undefined
  onStarted(session: WatchSession): void
}

const groupNames: Record<ResolverGroup, string> = {
  system: 'System',
  local: 'Local ALIAS lab',
  public: 'Public (needs internet)',
  custom: 'Saved'
}

export function WatchForm({ initial, onStarted }: WatchFormProps) {
  const resolvers = useResolvers()
  const watch = useWatch()
  const [values, setValues] = useState<WatchFormValues>({
    apex: initial?.apex ?? '',
    target: initial?.target ?? '',
    resolverIds: initial?.resolverIds ?? ['local-udp'],
    mode: initial?.mode ?? 'interval',
    interval: initial?.interval ?? '1',
    duration: initial?.duration ?? ''
  })
  const [submitted, setSubmitted] = useState(false)
  const { busy, error, call } = useCall()
  const errors = validateWatchForm(values)
  const shown = submitted ? errors : {}
  const list: ResolverEntry[] = resolvers.entries
  const set = (patch: Partial<WatchFormValues>) => setValues((v) => ({ ...v, ...patch }))
  const toggle = (id: string, on: boolean) =>
    set({ resolverIds: on ? [...values.resolverIds, id] : values.resolverIds.filter((r) => r !== id) })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    if (Object.keys(errors).length > 0 || busy) return
    const result = await call(() => watch.start(watchStartInput(values, list)))
    if (result.ok) onStarted(result.value)
  }

  const groups = (['local', 'system', 'custom', 'public'] as const)
    .map((group) => ({ group, entries: list.filter((r) => r.group === group) }))
    .filter((g) => g.entries.length > 0)

  const fieldError = (field: keyof typeof shown) =>
    shown[field] && (
      <span className="form-field__error" id={`watch-${field}-error`} data-testid={`watch-${field}-error`}>
        {shown[field]}
      </span>
    )

  const nameField = (field: 'apex' | 'target', label: string, placeholder: string) => (
    <TextField label={label} value={values[field]} onChange={(e) => set({ [field]: e.target.value })} placeholder={placeholder} spellCheck={false} autoComplete="off"
      aria-invalid={!!shown[field]} aria-describedby={shown[field] ? `watch-${field}-error` : undefined} data-testid={`watch-${field}`} error={shown[field]} errorId={`watch-${field}-error`} />
  )

  return (
    <form onSubmit={submit} noValidate data-testid="watch-form" aria-label="Start a watch">
      <div className={styles.grid}>
        {nameField('apex', 'Apex', 'example.test')}
        {nameField('target', 'Target', 'cdn.example.test')}
        <fieldset className="form-field form-field--inline">
          <legend className="form-field__label">Ask again</legend>
          <label className={styles.radio}>
            <input type="radio" name="watch-mode" checked={values.mode === 'interval'} onChange={() => set({ mode: 'interval' })} data-testid="watch-mode-interval" />
            every
          </label>
          <input
            className="input--short"
            inputMode="numeric"
            value={values.interval}
            onChange={(e) => set({ interval: e.target.value })}
            aria-label="Interval in seconds"
            aria-invalid={!!shown.interval}
            data-testid="watch-interval"
          />
          <span>s</span>
          <label className={styles.radio}>
            <input type="radio" name="watch-mode" checked={values.mode === 'expiry'} onChange={() => set({ mode: 'expiry' })} data-testid="watch-mode-expiry" />
            when the TTL runs out
          </label>
          {fieldError('interval')}
        </fieldset>
        <TextField label="Stop after (s, optional)" className="input--short" inputMode="numeric" value={values.duration} onChange={(e) => set({ duration: e.target.value })} placeholder="never"
          aria-invalid={!!shown.duration} data-testid="watch-duration" error={shown.duration} errorId="watch-duration-error" />
      </div>
      <fieldset className={styles.resolvers} aria-describedby={shown.resolvers ? 'watch-resolvers-error' : undefined}>
        <legend className="form-field__label">Resolvers ({values.resolverIds.length} picked)</legend>
        {resolvers.status === 'loading' && <p className="muted">Loading resolvers…</p>}
        {resolvers.status === 'error' && resolvers.loadError && <ErrorMessage error={resolvers.loadError} testId="watch-resolvers-load-error" />}
        <div className={styles.list} data-testid="watch-resolvers">
          {groups.map(({ group, entries }) => (
            <div key={group} className={styles.group} role="group" aria-label={groupNames[group]}>
              <span className={styles.groupName}>{groupNames[group]}</span>
              {entries.map((r) => (
                <label key={r.id} className="checkbox" title={r.note ?? r.label}>
                  <input
                    type="checkbox"
                    checked={values.resolverIds.includes(r.id)}
                    onChange={(e) => toggle(r.id, e.target.checked)}
                    data-testid={`watch-resolver-${r.id}`}
                  />
                  <span className={r.available ? undefined : 'muted'}>
                    {r.label}
                    {!r.available && ' (not running)'}
                  </span>
                </label>
              ))}
            </div>
          ))}
        </div>
        {fieldError('resolvers')}
      </fieldset>
      <div className={styles.actions}>
        <button type="submit" disabled={busy} data-testid="watch-start">
          {busy ? 'Starting…' : 'Start watching'}
        </button>
        <Explain testId="explain-watch-modes">
          Each round asks the apex and the target for A and AAAA through every resolver. “Every N s” shows how fast
          a change reaches the apex; “when the TTL runs out” asks exactly when a cache would, the cheapest way to
          follow a long session.
        </Explain>
      </div>
      {error && <ErrorMessage error={error} testId="watch-start-error" />}
    </form>
  )
}
