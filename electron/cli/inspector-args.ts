import type { ResolverTarget } from '@shared/dns'
import { UsageError } from '@shared/errors'
import { parseResolver } from '../resolvers'
import { helpFlags, readArgs, whole, type Flags } from './read-args'

/** What the inspector's commands (`inspect`, `audit`, `advise`) all take. */
export interface InspectorFlags {
  authoritativePort: number
  skipAuthoritative: boolean
  timeoutMs: number
  /** Empty: the system's resolvers. */
  resolvers: ResolverTarget[]
  help: boolean
}

export const inspectorDefaults = (): InspectorFlags => ({ authoritativePort: 53, skipAuthoritative: false, timeoutMs: 3000, resolvers: [], help: false })

/** The shared flags, then the command's `own`; a value never starts with '--'. */
export function readInspectorArgs(argv: readonly string[], cmd: InspectorFlags, own: Flags, word: (arg: string) => void): void {
  const shared: Flags = {
    ...helpFlags(cmd),
    '--resolver': (v) => cmd.resolvers.push(parseResolver(v())),
    '--auth-port': (v, f) => (cmd.authoritativePort = whole(f, v(), 1, 65535)),
    '--no-authoritative': () => (cmd.skipAuthoritative = true),
    '--timeout': (v, f) => (cmd.timeoutMs = whole(f, v(), 100, 30_000))
  }
  readArgs(argv, { ...own, ...shared }, { word, isValue: (v) => !v.startsWith('--') })
}

/** The positional apex of `inspect` and `advise`: one at a time, and not '-'. */
export function oneApex(cmd: { apex: string }): (arg: string) => void {
  return (arg) => {
    if (arg === '-') throw new UsageError('unknown option -')
    if (cmd.apex) throw new UsageError(`one apex at a time (got "${cmd.apex}" and "${arg}")`)
    cmd.apex = arg
  }
}
