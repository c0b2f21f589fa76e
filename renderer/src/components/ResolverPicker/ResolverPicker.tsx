import { useEffect, useId, useRef, useState } from 'react'
import { resolverGroups } from '@shared/resolvers'
import { useNavigation } from '../../context/NavigationContext'
import type { ResolversState } from '../../hooks/useResolvers'
import { ErrorMessage } from '../ErrorMessage/ErrorMessage'
import { AddResolver, type AddDraft } from './AddResolver'
import { PickerGroup } from './PickerGroup'
import styles from './ResolverPicker.module.css'

/**
 * Several resolvers at once, grouped System / Public / Local / Custom, in a popover. Adds a custom one
 * from `IP`, `IP:port`, `tls://…` or `https://…` (the main side validates and says what is wrong), and
 * removes custom ones. Escape closes the popover and returns focus to its button.
 */
export function ResolverPicker({ resolvers }: { resolvers: ResolversState }) {
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<AddDraft>({ text: '', error: null })
  const { open: openView } = useNavigation()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const rootRef = useRef<HTMLDivElement>(null)
  const panelId = useId()

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

  const count = resolvers.selected.length

  return (
    <div
      className={styles.picker}
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation()
          close()
        }
      }}
    >
      <div className={styles.bar}>
        <button
          type="button"
          ref={buttonRef}
          className={`button-secondary ${styles.toggle}`}
          aria-expanded={open}
          aria-controls={panelId}
          data-testid="resolver-picker-toggle"
          onClick={() => {
            // the lab's server may have started since: refresh the list each time the popover opens
            if (!open) void resolvers.reload()
            setOpen(!open)
          }}
        >
          Resolvers <span className={styles.count}>{count === 0 ? 'none' : `${count} selected`}</span>
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
        <div className={styles.panel} id={panelId} role="group" aria-label="Choose resolvers" data-testid="resolver-picker">
          {resolvers.status === 'loading' && <p className="muted">Loading resolvers…</p>}
          {resolvers.loadError && <ErrorMessage error={resolvers.loadError} testId="resolver-list-error" />}
          {resolvers.warnings.map((w) => (
            <p key={w} className="warning" role="status">
              {w}
            </p>
          ))}
          {resolverGroups.map((group) => (
            <PickerGroup
              key={group}
              group={group}
              resolvers={resolvers}
              onOpenLab={() => {
                setOpen(false)
                openView('lab', '[data-testid="lab-start"], [data-testid="lab-stop"]')
              }}
            />
          ))}
          <AddResolver save={resolvers.save} draft={draft} onDraft={setDraft} />
          <div className={styles.footer}>
            <button type="button" className="button-secondary" onClick={close}>
              Done
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
