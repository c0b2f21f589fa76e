import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { resolverGroups, type ResolverEntry, type ResolverGroup } from '@shared/resolvers'
import type { ApiError } from '@shared/result'
import { useNavigation } from '../../context/NavigationContext'
import { GROUP_LABELS, type ResolversState } from '../../hooks/useResolvers'
import { ErrorMessage } from '../ErrorMessage/ErrorMessage'

const GROUP_HINTS: Record<ResolverGroup, string> = {
  system: 'The resolvers this computer is configured with.',
  public: 'Well-known public resolvers: queries leave this machine over the internet.',
  local: 'The server of the Local ALIAS lab tab, on 127.0.0.1 while it runs.',
  custom: 'Resolvers you added.'
}

const transportLabel = (entry: ResolverEntry): string => entry.target.transport.toUpperCase()

/** Where a local entry listens, which its label does not say (the lab picks a free port). */
const localAddress = (entry: ResolverEntry): string | null =>
  entry.group === 'local' && entry.available ? `${entry.target.host}:${entry.target.port}` : null

/**
 * Several resolvers at once, grouped System / Public / Local / Custom, in a popover. Adds a custom one
 * from `IP`, `IP:port`, `tls://…` or `https://…` (the main side validates and says what is wrong), and
 * removes custom ones. Escape closes the popover and returns focus to its button.
 */
export function ResolverPicker({ resolvers }: { resolvers: ResolversState }) {
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [addError, setAddError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const { open: openView } = useNavigation()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const rootRef = useRef<HTMLDivElement>(null)
  const panelId = useId()
  const addId = useId()
  const addErrorId = useId()

  // a click outside closes the popover (a document listener only while it is open)
  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  const close = () => {
    setOpen(false)
    buttonRef.current?.focus()
  }

  const add = async () => {
    if (!text.trim()) {
      setAddError({ code: 'validation', message: 'type a resolver first, e.g. 127.0.0.1:5353 or tls://dns.example' })
      return
    }
    setBusy(true)
    const result = await resolvers.save(text.trim())
    setBusy(false)
    if (result.ok) {
      setText('')
      setAddError(null)
    } else setAddError(result.error)
  }

  const onAddKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      // the picker sits inside the query form: Enter here adds a resolver, it does not inspect
      event.preventDefault()
      void add()
    }
  }

  const byGroup = (group: ResolverGroup) => resolvers.entries.filter((e) => e.group === group)
  const count = resolvers.selected.length

  return (
    <div
      className="resolver-picker"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation()
          close()
        }
      }}
    >
      <div className="resolver-picker__bar">
        <button
          type="button"
          ref={buttonRef}
          className="button-secondary resolver-picker__toggle"
          aria-expanded={open}
          aria-controls={panelId}
          data-testid="resolver-picker-toggle"
          onClick={() => {
            // the lab's server may have started since: refresh the list each time the popover opens
            if (!open) void resolvers.reload()
            setOpen(!open)
          }}
        >
          Resolvers <span className="resolver-picker__count">{count === 0 ? 'none' : `${count} selected`}</span>
          <span aria-hidden="true"> ▾</span>
        </button>
        <ul className="chips" aria-label="Selected resolvers" data-testid="selected-resolvers">
          {resolvers.selected.map((entry) => (
            <li key={entry.id} className="chip">
              <span className="chip__text" title={entry.label}>
                {entry.label}
              </span>
              <button
                type="button"
                className="chip__remove"
                aria-label={`Stop using ${entry.label}`}
                onClick={() => resolvers.deselect(entry.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
      {open && (
        <div className="resolver-picker__panel" id={panelId} role="group" aria-label="Choose resolvers" data-testid="resolver-picker">
          {resolvers.status === 'loading' && <p className="muted">Loading resolvers…</p>}
          {resolvers.loadError && <ErrorMessage error={resolvers.loadError} testId="resolver-list-error" />}
          {resolvers.warnings.map((w) => (
            <p key={w} className="warning" role="status">
              {w}
            </p>
          ))}
          {resolverGroups.map((group) => {
            const entries = byGroup(group)
            const list = (
              <ul className="resolver-picker__list">
                {entries.length === 0 && (
                  <li className="muted">{group === 'custom' ? 'None yet: add one below.' : 'None found.'}</li>
                )}
                {entries.map((entry) => (
                  <li key={entry.id} className="resolver-picker__item" data-testid={`resolver-option-${entry.id}`}>
                    <label className={`checkbox${entry.available ? '' : ' is-disabled'}`}>
                      <input
                        type="checkbox"
                        checked={resolvers.selectedIds.includes(entry.id) && entry.available}
                        disabled={!entry.available}
                        onChange={() => resolvers.toggle(entry.id)}
                      />
                      <span>{entry.label}</span>
                      <span className="badge">{transportLabel(entry)}</span>
                      {localAddress(entry) && <code className="muted resolver-picker__note">{localAddress(entry)}</code>}
                    </label>
                    {entry.note && <span className="muted resolver-picker__note">{entry.note}</span>}
                    {!entry.builtIn && (
                      <button
                        type="button"
                        className="button-link"
                        aria-label={`Remove resolver ${entry.label}`}
                        onClick={() => void resolvers.remove(entry.id)}
                      >
                        Remove
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )
            return group === 'public' ? (
              <details key={group} className="resolver-picker__group" data-testid="resolver-group-public">
                <summary>
                  {GROUP_LABELS[group]} <span className="muted">({entries.length}) · {GROUP_HINTS[group]}</span>
                </summary>
                {list}
              </details>
            ) : (
              <fieldset key={group} className="resolver-picker__group" data-testid={`resolver-group-${group}`}>
                <legend>{GROUP_LABELS[group]}</legend>
                <p className="muted resolver-picker__hint">{GROUP_HINTS[group]}</p>
                {list}
                {group === 'local' && entries.length > 0 && entries.every((e) => !e.available) && (
                  <p className="resolver-picker__hint" data-testid="resolver-local-stopped">
                    Not running: press “Start server” in the Local ALIAS lab, then tick it here.{' '}
                    <button
                      type="button"
                      className="button-link"
                      data-testid="resolver-open-lab"
                      onClick={() => {
                        setOpen(false)
                        openView('lab', '[data-testid="lab-start"], [data-testid="lab-stop"]')
                      }}
                    >
                      Open the lab
                    </button>
                  </p>
                )}
              </fieldset>
            )
          })}
          <div className="resolver-picker__add">
            <label htmlFor={addId}>Add a resolver</label>
            <div className="inline-form">
              <input
                id={addId}
                data-testid="resolver-add-input"
                value={text}
                placeholder="IP, IP:port, tls://host, https://host/dns-query"
                aria-invalid={addError ? true : undefined}
                aria-describedby={addError ? addErrorId : undefined}
                onChange={(event) => {
                  setText(event.target.value)
                  setAddError(null)
                }}
                onKeyDown={onAddKey}
                spellCheck={false}
                autoComplete="off"
              />
              <button type="button" data-testid="resolver-add" disabled={busy} onClick={() => void add()}>
                Add
              </button>
            </div>
            {addError && (
              <p className="field-error" id={addErrorId} role="alert" data-testid="resolver-add-error" data-error-code={addError.code}>
                {addError.message}
              </p>
            )}
          </div>
          <div className="resolver-picker__footer">
            <button type="button" className="button-secondary" onClick={close}>
              Done
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
