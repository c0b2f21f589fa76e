import { useId, useState, type KeyboardEvent } from 'react'
import type { SuggestionsState } from '../../hooks/useSuggestions'
import type { TargetSuggestion } from '@shared/inspector'
import { displayName, SUGGESTION_SOURCES } from '../../model/inspect/inspect-model'
import styles from './TargetCombobox.module.css'

interface TargetComboboxProps {
  id: string
  value: string
  onChange(value: string): void
  suggestions: SuggestionsState
  /** Why no suggestions can be asked for yet (no apex, no resolver), shown in the list. */
  blockedReason?: string
}

/**
 * The optional target, with the inspector's suggestions as an ARIA 1.2 combobox: the list opens on
 * focus or ArrowDown, arrows move, Enter or a click picks, Escape closes. Enter with no option active
 * submits the form (inspects).
 */
export function TargetCombobox({ id, value, onChange, suggestions, blockedReason }: TargetComboboxProps) {
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const listId = useId()
  const options = suggestions.value?.suggestions ?? []
  const optionId = (i: number) => `${listId}-option-${i}`

  const pick = (suggestion: TargetSuggestion) => {
    onChange(displayName(suggestion.name))
    setOpen(false)
    setActive(-1)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      suggestions.request()
      setOpen(true)
      if (options.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((i) => (i < 0 && step < 0 ? options.length - 1 : (i + step + options.length) % options.length))
    } else if (event.key === 'Enter' && open && active >= 0 && options[active]) {
      event.preventDefault()
      pick(options[active])
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      event.stopPropagation()
      setOpen(false)
      setActive(-1)
    }
  }

  // open: the options, or why there are none (not asked yet, asking, failed, nothing found)
  const showList = open && (options.length > 0 || suggestions.status !== 'idle' || !!blockedReason)

  return (
    <div className={styles.combobox}>
      <input
        id={id}
        data-testid="target-input"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        value={value}
        placeholder="optional, e.g. cdn.example.net"
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => {
          onChange(event.target.value)
          setActive(-1)
        }}
        onFocus={() => {
          suggestions.request()
          setOpen(true)
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Target suggestions" className={styles.list} hidden={!showList} data-testid="target-suggestions">
        {blockedReason && options.length === 0 && <li className={styles.status}>{blockedReason}</li>}
        {!blockedReason && suggestions.status === 'loading' && (
          <li className={styles.status} role="status">
            Asking the resolvers for likely targets…
          </li>
        )}
        {!blockedReason && suggestions.status === 'error' && (
          <li className={`${styles.status} ${styles.error}`}>Suggestions failed: {suggestions.error?.message}</li>
        )}
        {!blockedReason && suggestions.status === 'ready' && options.length === 0 && (
          <li className={styles.status} data-testid="target-no-suggestion">
            No suggestion: no ALIAS record, www CNAME, HTTPS AliasMode or apex CNAME was found. Type the target, or
            inspect without one to see the apex alone.
          </li>
        )}
        {options.map((s, i) => (
          <li
            key={`${s.source}:${s.name}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={`${styles.option}${i === active ? ` ${styles.active}` : ''}`}
            data-testid="target-suggestion"
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => pick(s)}
          >
            <span className={styles.name}>{displayName(s.name)}</span>
            <span className="badge">{SUGGESTION_SOURCES[s.source]}</span>
            <span className={styles.reason}>{s.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
