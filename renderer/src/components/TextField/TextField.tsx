import type { InputHTMLAttributes, ReactNode } from 'react'

type Props = InputHTMLAttributes<HTMLInputElement> & {
  label: string
  /** What is wrong with the value, shown below it. */
  error?: ReactNode
  /** The error's id and test id. */
  errorId?: string
}

/** A labelled input in the `form-field` layout, with what is wrong with its value below it. */
export function TextField({ label, error, errorId, ...input }: Props) {
  return (
    <label className="form-field">
      <span className="form-field__label">{label}</span>
      <input {...input} />
      {error && (
        <span className="form-field__error" id={errorId} data-testid={errorId}>
          {error}
        </span>
      )}
    </label>
  )
}
