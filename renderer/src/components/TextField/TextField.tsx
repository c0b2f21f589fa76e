import type { InputHTMLAttributes, ReactNode } from 'react'

/** A labelled input in the `form-field` layout, with what is wrong with its value (`error`, its id `errorId`) below it. */
export function TextField({ label, error, errorId, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: ReactNode; errorId?: string }) {
  return (
    <label className="form-field">
      <span className="form-field__label">{label}</span>
      <input {...input} />
      {error && <span className="form-field__error" id={errorId} data-testid={errorId}>{error}</span>}
    </label>
  )
}
