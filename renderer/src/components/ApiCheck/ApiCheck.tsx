import { useState, type FormEvent } from 'react'
import type { Result } from '@shared/result'
import { getApi } from '../../transport'
import { ErrorMessage } from '../ErrorMessage/ErrorMessage'

/** Sends text to the main side and back: shows the round trip, and how a rejected request reads. */
export function ApiCheck() {
  const [text, setText] = useState('')
  const [result, setResult] = useState<Result<{ text: string }> | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setResult(await getApi().app.echo({ text }))
  }

  return (
    <section className="panel" aria-labelledby="api-check-title">
      <h2 id="api-check-title">Connection check</h2>
      <p className="panel__hint">
        Sends a short text to the main process and back. An empty text is refused by the main side's validation.
      </p>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor="api-check-input">Text</label>
        <input
          id="api-check-input"
          data-testid="api-check-input"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="hello"
        />
        <button type="submit" data-testid="api-check-send">
          Send
        </button>
      </form>
      {result?.ok && (
        <p className="panel__result" data-testid="api-check-result">
          Main side answered: <code>{result.value.text}</code>
        </p>
      )}
      {result && !result.ok && <ErrorMessage error={result.error} testId="api-check-error" />}
    </section>
  )
}
