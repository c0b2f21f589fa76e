import { useState } from 'react'
import type { ResolverTarget } from '@shared/dns'
import type { LabUpstreamResolver } from '@shared/lab'
import { resolverGroups } from '@shared/resolvers'
import { resolverLabel } from '@shared/resolver-target'
import { AddResolver, type AddDraft } from '../../components/ResolverPicker/AddResolver'
import { GROUP_LABELS, useResolvers } from '../../hooks/useResolvers'

interface UpstreamResolverFieldProps {
  label: string
  /** What the next start sends: a resolver's id, the target used last, or nothing chosen yet. */
  value: LabUpstreamResolver | null
  onChange(value: LabUpstreamResolver | null): void
  /** The target the server used last (lab.json), offered as it is. */
  last: ResolverTarget | null
  disabled: boolean
  error: string | null
}

const LAST = ':last'

/** The lab's upstream: one resolver of the list (presets and saved ones), or one added here. */
export function UpstreamResolverField({ label, value, onChange, last, disabled, error }: UpstreamResolverFieldProps) {
  const resolvers = useResolvers()
  const [draft, setDraft] = useState<AddDraft>({ text: '', error: null })
  // the lab's own server is no upstream of itself
  const usable = resolvers.entries.filter((e) => e.available && e.group !== 'local')
  const selected = typeof value === 'string' ? value : value ? LAST : ''
  return (
    <div className="form-field">
      <label className="form-field__label" htmlFor="lab-upstream-resolver">
        {label}
      </label>
      <select
        id="lab-upstream-resolver"
        value={selected}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value === LAST ? last : e.target.value)}
        disabled={disabled}
        aria-invalid={!!error}
        data-testid="lab-upstream-resolver"
      >
        <option value="">Choose a resolver…</option>
        {last && <option value={LAST}>{`${resolverLabel(last)} (used last)`}</option>}
        {resolverGroups.map((group) => {
          const entries = usable.filter((e) => e.group === group)
          return entries.length === 0 ? null : (
            <optgroup key={group} label={GROUP_LABELS[group]}>
              {entries.map((e) => (
                <option key={e.id} value={e.id}>
                  {`${e.label} (${e.target.transport.toUpperCase()})`}
                </option>
              ))}
            </optgroup>
          )
        })}
      </select>
      {error && <span className="form-field__error">{error}</span>}
      {!disabled && (
        <details data-testid="lab-upstream-add">
          <summary>Add a resolver…</summary>
          <AddResolver
            draft={draft}
            onDraft={setDraft}
            save={async (input, name) => {
              const result = await resolvers.save(input, name)
              if (result.ok) onChange(result.value.id)
              return result
            }}
          />
        </details>
      )}
    </div>
  )
}
