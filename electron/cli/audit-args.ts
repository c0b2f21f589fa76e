import { targetFromValues, type TargetFrom } from '@shared/audit'
import type { ResolverTarget } from '@shared/dns'
import { UsageError } from '@shared/errors'
import { inspectorFlag, whole } from './inspect-args'

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
  const rest = [...argv]
  const value = (flag: string): string => {
    const next = rest.shift()
    if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`)
    return next
  }
  const setFormat = (format: 'json' | 'csv'): void => {
    if (cmd.format !== 'text' && cmd.format !== format) throw new UsageError('--json and --csv exclude each other')
    cmd.format = format
  }
  while (rest.length > 0) {
    const arg = rest.shift()!
    if (inspectorFlag(arg, value, cmd)) continue
    switch (arg) {
      case '-h':
      case '--help':
        cmd.help = true
        break
      case '--concurrency':
        cmd.concurrency = whole(arg, value(arg), 1, 1000)
        break
      case '--rate':
        cmd.rate = whole(arg, value(arg), 1, 1_000_000)
        break
      case '--json':
        setFormat('json')
        break
      case '--csv':
        setFormat('csv')
        break
      case '--target-from': {
        const given = value(arg)
        const from = targetFromValues.find((v) => v === given)
        if (!from) throw new UsageError(`--target-from is one of ${targetFromValues.join(', ')}`)
        cmd.targetFrom = from
        break
      }
      case '--no-progress':
        cmd.progress = false
        break
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`)
        if (cmd.input) throw new UsageError(`one input at a time (got "${cmd.input}" and "${arg}")`)
        cmd.input = arg
    }
  }
  if (!cmd.input && !cmd.help) throw new UsageError('name a file of apexes, or - for standard input: npm run audit -- apexes.txt')
  return cmd
}
