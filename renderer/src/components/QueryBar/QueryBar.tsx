import { useId, useState, type FormEvent } from 'react'
import type { ResolversState } from '../../hooks/useResolvers'
import type { InputProblems, QueryOptionsState } from '../../model/inspect/inspect-input'
import type { SuggestionsState } from '../../hooks/useSuggestions'
import { ResolverPicker } from '../ResolverPicker/ResolverPicker'
import { TargetCombobox } from '../TargetCombobox/TargetCombobox'
import { cx } from '../../class-names'
import styles from './QueryBar.module.css'

interface QueryBarProps {
  apex: string
  target: string
  onApexChange(value: string): void
  onTargetChange(value: string): void
  options: QueryOptionsState
  onOptionsChange(options: QueryOptionsState): void
  resolvers: ResolversState
  suggestions: SuggestionsState
  busy: boolean
  /** Problems with what is typed, shown next to the field they concern. */
  problems: InputProblems
  onSubmit(): void
}

/** Apex, optional target with suggestions, resolvers and options; Enter inspects. */
export function QueryBar(props: QueryBarProps) {
  const { apex, target, options, resolvers, suggestions, busy, problems } = props
  const apexId = useId()
  const targetId = useId()
  const apexErrorId = useId()
  const [showOptions, setShowOptions] = useState(false)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    props.onSubmit()
  }

  const blockedReason = !apex.trim()
    ? 'Type the apex first: suggestions come from its www CNAME, HTTPS record and NS.'
    : resolvers.selected.length === 0
      ? 'Pick a resolver first: suggestions are looked up through it.'
      : undefined

  return (
    <form className={styles.bar} onSubmit={submit} aria-label="Inspect an apex" data-testid="query-bar" noValidate>
      <div className={styles.row}>
        <div className={cx(styles.field, styles.apex)}>
          <label htmlFor={apexId}>Apex domain</label>
          <input
            id={apexId}
            data-testid="apex-input"
            value={apex}
            placeholder="example.com"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={problems.apex ? true : undefined}
            aria-describedby={problems.apex ? apexErrorId : undefined}
            onChange={(event) => props.onApexChange(event.target.value)}
          />
          {problems.apex && (
            <p className="field-error" id={apexErrorId} data-testid="apex-error">
              {problems.apex}
            </p>
          )}
        </div>
        <div className={cx(styles.field, styles.target)}>
          <label htmlFor={targetId}>
            Target <span className="muted">(what the apex should follow)</span>
          </label>
          <TargetCombobox id={targetId} value={target} onChange={props.onTargetChange} suggestions={suggestions} blockedReason={blockedReason} />
        </div>
        <button type="submit" className={styles.submit} data-testid="inspect-button" disabled={busy}>
          {busy ? 'Inspecting…' : 'Inspect'}
        </button>
      </div>
      <div className={cx(styles.row, styles.second)}>
        <ResolverPicker resolvers={resolvers} />
        <button
          type="button"
          className="button-link"
          aria-expanded={showOptions}
          aria-controls="inspect-options"
          onClick={() => setShowOptions((s) => !s)}
          data-testid="options-toggle"
        >
          Options {showOptions ? '▴' : '▾'}
        </button>
      </div>
      {problems.resolvers && (
        <p className="field-error" role="alert" data-testid="resolvers-error">
          {problems.resolvers}
        </p>
      )}
      {showOptions && (
        <fieldset className={styles.options} id="inspect-options" data-testid="inspect-options">
          <legend className="visually-hidden">Inspection options</legend>
          <label className={cx(styles.field, styles.inline)}>
            <span>Zone's servers port</span>
            <input
              type="number"
              min={1}
              max={65535}
              inputMode="numeric"
              placeholder="53"
              title="Empty: 53, or the lab server's port when the apex is in the lab's zone"
              data-testid="authoritative-port"
              value={options.authoritativePort}
              disabled={options.skipAuthoritative}
              onChange={(event) => props.onOptionsChange({ ...options, authoritativePort: event.target.value })}
            />
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="skip-authoritative"
              checked={options.skipAuthoritative}
              onChange={(event) => props.onOptionsChange({ ...options, skipAuthoritative: event.target.checked })}
            />
            Skip the zone's own servers (no authoritative TTLs)
          </label>
          <label className={cx(styles.field, styles.inline)}>
            <span>Timeout per query (s)</span>
            <input
              type="number"
              min={0.1}
              max={30}
              step={0.5}
              data-testid="timeout-seconds"
              value={options.timeoutSeconds}
              onChange={(event) => props.onOptionsChange({ ...options, timeoutSeconds: event.target.value })}
            />
          </label>
          <p className={cx('muted', styles.optionsHint)}>
            The zone's own servers are asked without recursion for the TTLs they give. Port left empty: 53, or the lab
            server's port when the apex is in the Local ALIAS lab's zone.
          </p>
        </fieldset>
      )}
      {problems.options && (
        <p className="field-error" role="alert" data-testid="options-error">
          {problems.options}
        </p>
      )}
    </form>
  )
}
