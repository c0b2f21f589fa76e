import { targetFromValues, type TargetFrom } from '@shared/audit'
import type { ResolverTarget } from '@shared/dns'
import { UsageError } from '@shared/errors'
import { readInspectorArgs, whole } from './inspector-args'

export interface AuditCommand {
  /** A path, or '-' for standard input. */
  input: string
  resolvers: ResolverTarget[]
  concurrency?: number
  rate?: number
  format: 'text' | 'json' | 'csv'
  targetFrom?: TargetFrom
  authoritativePort: number
  skipAuthoritative: boolean
  timeoutMs: number
  progress: boolean
  help: boolean
}

export const AUDIT_USAGE = `usage: npm run audit -- FILE|- [--resolver SERVER]... [--concurrency N] [--rate QPS] [--json|--csv] [--target-from www|https|none]
  FILE                 one name per line, optionally followed by the target it should follow; or a zone file
                       (its owner names are audited); - reads standard input
  --resolver SERVER    IP, IP:port, tcp://, tls:// (repeatable; default: the system's resolvers)
  --concurrency N      names inspected at once (default 32)
  --rate QPS           queries per second per resolver (default: 500, public resolvers 50, loopback unlimited)
  --json               one JSON object per line (NDJSON) per name, as it finishes
  --csv                CSV with a header line
  --target-from www|https|none   where a target comes from when the input gives none
                       (default: every suggestion, strongest first)
  --auth-port PORT     port of the apexes' own servers (default 53)
  --no-authoritative   do not query the apexes' own servers
  --timeout MS         per query attempt (default 3000)
  --no-progress        no progress bar on standard error`

export function parseAuditArgs(argv: readonly string[]): AuditCommand {
  const cmd: AuditCommand = { input: '', resolvers: [], format: 'text', authoritativePort: 53, skipAuthoritative: false, timeoutMs: 3000, progress: true, help: false }
  const setFormat = (format: 'json' | 'csv'): void => {
    if (cmd.format !== 'text' && cmd.format !== format) throw new UsageError('--json and --csv exclude each other')
    cmd.format = format
  }
  const own = (arg: string, value: (flag: string) => string): boolean => {
    switch (arg) {
      case '--concurrency':
        cmd.concurrency = whole(arg, value(arg), 1, 1000)
        return true
      case '--rate':
        cmd.rate = whole(arg, value(arg), 1, 1_000_000)
        return true
      case '--json':
        setFormat('json')
        return true
      case '--csv':
        setFormat('csv')
        return true
      case '--target-from': {
        const given = value(arg)
        const from = targetFromValues.find((v) => v === given)
        if (!from) throw new UsageError(`--target-from is one of ${targetFromValues.join(', ')}`)
        cmd.targetFrom = from
        return true
      }
      case '--no-progress':
        cmd.progress = false
        return true
      default:
        return false
    }
  }
  readInspectorArgs(argv, cmd, own, (arg) => {
    if (cmd.input) throw new UsageError(`one input at a time (got "${cmd.input}" and "${arg}")`)
    cmd.input = arg
  }, true)
  if (!cmd.input && !cmd.help) throw new UsageError('name a file of apexes, or - for standard input: npm run audit -- apexes.txt')
  return cmd
}
