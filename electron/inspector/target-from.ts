import type { TargetSuggestion } from '@shared/inspector'

/** Where a target may come from when none is given: every suggestion (default), one kind, or none. */
export type TargetFrom = 'www' | 'https' | 'none'

const SOURCE: Record<Exclude<TargetFrom, 'none'>, TargetSuggestion['source']> = { www: 'www-cname', https: 'https-alias' }

export function pickSuggestion(suggestions: readonly TargetSuggestion[], from?: TargetFrom): TargetSuggestion | undefined {
  if (from === 'none') return undefined
  if (!from) return suggestions[0]
  return suggestions.find((s) => s.source === SOURCE[from])
}
