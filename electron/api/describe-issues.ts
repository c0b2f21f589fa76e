import type { z } from 'zod'

/** `text` cut to `max` characters (an ellipsis marks the cut). */
export const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`)

/** Schema issues as one line a person can act on: `resolver.port: must be at most 65535; name: required`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], limit = 5): string {
  const parts = issues.slice(0, limit).map((issue) => {
    const path = issue.path.map(String).join('.')
    return clip(path ? `${path}: ${issue.message}` : issue.message, 300)
  })
  if (issues.length > limit) parts.push(`and ${issues.length - limit} more`)
  return parts.join('; ')
}
