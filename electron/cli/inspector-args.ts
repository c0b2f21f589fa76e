import type { ResolverTarget } from '@shared/dns'
import { UsageError } from '@shared/errors'
import { parseResolver } from '../resolvers'

export function whole(flag: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new UsageError(`${flag} needs a whole number`)
  const n = Number(value)
  if (n < min || n > max) throw new UsageError(`${flag} ${value} is out of range (${min}-${max})`)
  return n
}

/** What the inspector's commands (`inspect`, `audit`, `advise`) all take. */
export interface InspectorFlags {
  authoritativePort: number
  skipAuthoritative: boolean
  timeoutMs: number
  resolvers: ResolverTarget[]
  help: boolean
}

type Value = (flag: string) => string

function inspectorFlag(arg: string, value: Value, cmd: InspectorFlags): boolean {
  switch (arg) {
    case '-h':
    case '--help':
      cmd.help = true
      return true
    case '--resolver':
      cmd.resolvers.push(parseResolver(value(arg)))
      return true
    case '--auth-port':
      cmd.authoritativePort = whole(arg, value(arg), 1, 65535)
      return true
    case '--no-authoritative':
      cmd.skipAuthoritative = true
      return true
    case '--timeout':
      cmd.timeoutMs = whole(arg, value(arg), 100, 30_000)
      return true
    default:
      return false
  }
}

/**
 * The argument loop of the inspector's commands: help and the shared flags, then the command's own flags
 * (`own` returns false for one it does not know, which is then an unknown option), and the one positional
 * `word` (a lone '-' too where `dashWord`, for standard input).
 */
export function readInspectorArgs(
  argv: readonly string[],
  cmd: InspectorFlags,
  own: (arg: string, value: Value) => boolean,
  word: (arg: string) => void,
  dashWord = false
): void {
  const rest = [...argv]
  const value: Value = (flag) => {
    const next = rest.shift()
    if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`)
    return next
  }
  while (rest.length > 0) {
    const arg = rest.shift()!
    if (inspectorFlag(arg, value, cmd) || own(arg, value)) continue
    if (arg.startsWith('-') && !(dashWord && arg === '-')) throw new UsageError(`unknown option ${arg}`)
    word(arg)
  }
}

/** The positional apex of `inspect` and `advise`: one at a time. */
export function oneApex(cmd: { apex: string }): (arg: string) => void {
  return (arg) => {
    if (cmd.apex) throw new UsageError(`one apex at a time (got "${cmd.apex}" and "${arg}")`)
    cmd.apex = arg
  }
}
