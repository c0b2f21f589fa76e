import { targetFromValues, type TargetFrom } from '@shared/audit'
import { UsageError } from '@shared/errors'
import { inspectorDefaults, readInspectorArgs, type InspectorFlags } from './inspector-args'
import { whole, type Flags } from './read-args'

export interface AuditCommand extends InspectorFlags {
  /** A path, or '-' for standard input. */
  input: string
  concurrency?: number
  rate?: number
  format: 'text' | 'json' | 'csv'
  targetFrom?: TargetFrom
  progress: boolean
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
  const cmd: AuditCommand = { ...inspectorDefaults(), input: '', format: 'text', progress: true }
  const setFormat = (format: 'json' | 'csv'): void => {
    if (cmd.format !== 'text' && cmd.format !== format) throw new UsageError('--json and --csv exclude each other')
    cmd.format = format
  }
  const own: Flags = {
    '--concurrency': (v, f) => (cmd.concurrency = whole(f, v(), 1, 1000)),
    '--rate': (v, f) => (cmd.rate = whole(f, v(), 1, 1_000_000)),
    '--json': () => setFormat('json'),
    '--csv': () => setFormat('csv'),
    '--target-from': (value) => {
      const given = value()
      const from = targetFromValues.find((v) => v === given)
      if (!from) throw new UsageError(`--target-from is one of ${targetFromValues.join(', ')}`)
      cmd.targetFrom = from
    },
    '--no-progress': () => (cmd.progress = false)
  }
  readInspectorArgs(argv, cmd, own, (arg) => {
    if (cmd.input) throw new UsageError(`one input at a time (got "${cmd.input}" and "${arg}")`)
    cmd.input = arg
  })
  if (!cmd.input && !cmd.help) throw new UsageError('name a file of apexes, or - for standard input: npm run audit -- apexes.txt')
  return cmd
}
