import { useId, useState, type Dispatch, type KeyboardEvent, type SetStateAction } from 'react'
import type { ApiError } from '@shared/result'
import type { ResolversState } from '../../hooks/useResolvers'
import styles from './ResolverPicker.module.css'

/** What is typed and what was wrong with it: kept by the picker, so it survives closing the popover. */
export interface AddDraft {
  text: string
  error: ApiError | null
}

/** Adds a custom resolver from `IP`, `IP:port`, `tls://…` or `https://…`; the main side validates and says what is wrong. */
export function AddResolver({ save, draft, onDraft }: { save: ResolversState['save']; draft: AddDraft; onDraft: Dispatch<SetStateAction<AddDraft>> }) {
  const { text, error: addError } = draft
  const setText = (value: string) => onDraft({ text: value, error: null })
  const setAddError = (error: ApiError | null) => onDraft((d) => ({ ...d, error }))
  const [busy, setBusy] = useState(false)
  const addId = useId()
  const addErrorId = useId()

  const add = async () => {
    if (!text.trim()) {
      setAddError({ code: 'validation', message: 'type a resolver first, e.g. 127.0.0.1:5353 or tls://dns.example' })
      return
    }
    setBusy(true)
    const result = await save(text.trim())
    setBusy(false)
    onDraft((d) => (result.ok ? { text: '', error: null } : { ...d, error: result.error }))
  }

  const onAddKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      // the picker sits inside the query form: Enter here adds a resolver, it does not inspect
      event.preventDefault()
      void add()
    }
  }

  return (
    <div className={styles.add}>
      <label htmlFor={addId}>Add a resolver</label>
      <div className={styles.inlineForm}>
        <input
          id={addId}
          data-testid="resolver-add-input"
          value={text}
          placeholder="IP, IP:port, tls://host, https://host/dns-query"
          aria-invalid={addError ? true : undefined}
          aria-describedby={addError ? addErrorId : undefined}
          onChange={(event) => setText(event.target.value)}
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
  )
}
