import type { ReactNode } from 'react'

/** V is what the select holds; O, the listed options (V may also hold a `leading` option's value). */
interface Props<V extends string, O extends V> {
  label: string
  value: V
  options: readonly O[]
  /** The text shown for each option; without it, the option's value. */
  names?: Readonly<Record<O, string>>
  onChange: (value: V) => void
  testId: string
  disabled?: boolean
  /** Options before the listed ones, such as an "any" choice. */
  leading?: ReactNode
  /** Options after the listed ones. */
  trailing?: ReactNode
  className?: string
  labelClassName?: string
}

/** A labelled `<select>` over a fixed list of values, each shown by its name. */
export function SelectField<V extends string, O extends V = V>({ label, value, options, names, onChange, testId, disabled, leading, trailing, className = 'form-field', labelClassName = 'form-field__label' }: Props<V, O>) {
  return (
    <label className={className}>
      <span className={labelClassName || undefined}>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as V)} disabled={disabled} data-testid={testId}>
        {leading}
        {options.map((o) => (
          <option key={o} value={o}>
            {names ? names[o] : o}
          </option>
        ))}
        {trailing}
      </select>
    </label>
  )
}
