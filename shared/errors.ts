import type { z } from 'zod'
import { clipTokens } from './clip-text'
import type { ErrorCode } from './result'

/**
 * The neutral errors every layer may throw (engines, services, the terminal commands): no layer has to reach
 * into `electron/api` for them.
 */

/** The only error a service should throw: its code and message cross the boundary as they are. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(clipTokens(message))
    this.name = 'ServiceError'
  }
}

/** A mistake in a terminal command's arguments: printed as is, exit code 1 (or the command's own). */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** `text` cut to `max` characters (an ellipsis marks the cut). */
export const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`)

export interface DescribeIssuesOptions {
  /** How many issues at most (the rest are counted); default 5. */
  limit?: number
  /** The name an issue at the top level is given (`settings: ...`); without it the message stands alone. */
  root?: string
  /** Between issues; default `; `. */
  separator?: string
}

/** Schema issues as one line a person can act on: `resolver.port: must be at most 65535; name: required`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], options: number | DescribeIssuesOptions = {}): string {
  const { limit = 5, root, separator = '; ' } = typeof options === 'number' ? { limit: options } : options
  const parts = issues.slice(0, limit).map((issue) => {
    const path = issue.path.map(String).join('.') || root
    return clip(path ? `${path}: ${issue.message}` : issue.message, 300)
  })
  if (issues.length > limit) parts.push(`and ${issues.length - limit} more`)
  return parts.join(separator)
}

/** `input` as `schema` reads it, or a 'bad-input' ServiceError: `prefix` and the issues (`options` as for describeIssues). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, options?: number | DescribeIssuesOptions, prefix = ''): z.output<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  throw new ServiceError('bad-input', prefix + describeIssues(r.error.issues, options))
}
