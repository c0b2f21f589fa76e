import type { InspectInput } from '@shared/inspector'
import { lowerAbsolute } from '@shared/names'
import { DEFAULT_AUTHORITATIVE_PORT } from './inspect-model'

/** The query options as typed: text fields, checked on submit. */
export interface QueryOptionsState {
  /** Port of the apex zone's own servers, as typed; empty: 53, or the running lab's port for the lab's zone. */
  authoritativePort: string
  skipAuthoritative: boolean
  timeoutSeconds: string
}

/** What is wrong with the fields, shown beside them. */
export interface InputProblems {
  apex?: string | undefined
  resolvers?: string | undefined
  options?: string | undefined
}

/** Checks what is typed; returns the input for `inspect:run` or the problems to show beside the fields. */
export function buildInput(
  apex: string,
  target: string,
  options: QueryOptionsState,
  resolvers: InspectInput['resolvers']
): { input?: InspectInput; problems: InputProblems } {
  const problems: InputProblems = {}
  if (!apex.trim()) problems.apex = 'Type the apex domain to inspect, e.g. example.com.'
  if (resolvers.length === 0) problems.resolvers = 'Pick at least one resolver (Resolvers ▾), or add one such as 127.0.0.1:5353.'
  const port = options.authoritativePort.trim() === '' ? DEFAULT_AUTHORITATIVE_PORT : Number(options.authoritativePort)
  const timeout = Number(options.timeoutSeconds)
  if (!options.skipAuthoritative && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    problems.options = "The zone's servers port must be a whole number from 1 to 65535."
  } else if (!(timeout >= 0.1 && timeout <= 30)) problems.options = 'The timeout must be between 0.1 and 30 seconds.'
  if (problems.apex || problems.resolvers || problems.options) return { problems }
  return {
    problems,
    input: {
      apex: apex.trim(),
      ...(target.trim() ? { target: target.trim() } : {}),
      resolvers,
      authoritativePort: port,
      skipAuthoritative: options.skipAuthoritative,
      timeoutMs: Math.round(timeout * 1000)
    }
  }
}

export const sameName = (a: string, b: string): boolean => lowerAbsolute(a) === lowerAbsolute(b)
