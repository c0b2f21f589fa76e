import type { WatchStartInput } from '@shared/inspector'
import type { ResolverEntry } from '@shared/resolvers'

export interface WatchFormValues {
  apex: string
  target: string
  resolverIds: readonly string[]
  mode: 'expiry' | 'interval'
  interval: string
  duration: string
}

export type WatchFormErrors = Partial<Record<'apex' | 'target' | 'resolvers' | 'interval' | 'duration', string>>

const NAME = /^(\.|([a-z0-9_*]([a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_*]([a-z0-9_-]{0,61}[a-z0-9_])?\.?)$/i

function wholeSeconds(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null
  const n = Number(text)
  return n >= min && n <= max ? n : null
}

/** What is wrong with the form, field by field (empty when it can be submitted). Pure. */
export function validateWatchForm(values: WatchFormValues): WatchFormErrors {
  const errors: WatchFormErrors = {}
  const apex = values.apex.trim()
  const target = values.target.trim()
  if (!apex) errors.apex = 'Enter the apex to watch, e.g. example.test.'
  else if (!NAME.test(apex)) errors.apex = 'This is not a domain name.'
  if (!target) errors.target = 'Enter the name the apex follows, e.g. cdn.example.test.'
  else if (!NAME.test(target)) errors.target = 'This is not a domain name.'
  if (values.resolverIds.length === 0) errors.resolvers = 'Pick at least one resolver.'
  else if (values.resolverIds.length > 16) errors.resolvers = 'Pick at most 16 resolvers.'
  if (wholeSeconds(values.interval, 1, 86_400) === null) errors.interval = 'A whole number of seconds, at least 1.'
  if (values.duration.trim() !== '' && wholeSeconds(values.duration, 1, 30 * 86_400) === null) {
    errors.duration = 'Empty (until stopped) or a whole number of seconds.'
  }
  return errors
}

/** The `watch:start` input for valid form values; the resolvers are looked up by id. */
export function watchStartInput(values: WatchFormValues, resolvers: readonly ResolverEntry[]): WatchStartInput {
  const byId = new Map(resolvers.map((r) => [r.id, r]))
  const duration = values.duration.trim()
  return {
    apex: values.apex.trim(),
    target: values.target.trim(),
    resolvers: values.resolverIds.flatMap((id) => {
      const entry = byId.get(id)
      return entry ? [entry.target] : []
    }),
    mode: values.mode,
    intervalSeconds: Number(values.interval),
    ...(duration ? { durationSeconds: Number(duration) } : {})
  }
}
