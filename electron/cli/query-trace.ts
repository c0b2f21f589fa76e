/** `npm run query -- +trace`: iterative resolution from the root server given with @server or --root. */
import { formatTraceText } from '../trace/trace-text'
import { trace } from '../trace/trace'
import { systemResolvers } from '../resolvers/system-resolvers'
import { UsageError } from '@shared/errors'
import type { QueryCommand } from './query-args'

const EXIT_OK = 0
const EXIT_NO_REPLY = 9

export async function runTrace(cmd: QueryCommand): Promise<number> {
  const base = cmd.root ?? cmd.server
  const start = base ? base.target : (await systemResolvers())[0]
  if (!start) throw new UsageError('no system resolver was found; give the root with @server or --root')
  if (start.transport !== 'udp') throw new UsageError('+trace starts from a plain DNS server (IP or IP:port)')
  const port = cmd.port ?? start.port
  const abort = new AbortController()
  process.once('SIGINT', () => abort.abort())
  const result = await trace({
    name: cmd.name,
    type: cmd.type,
    start: { host: start.host, port },
    // like dig 9.18, +trace sets DO unless +nodnssec
    dnssec: cmd.options.dnssecOk ?? true,
    ...(cmd.options.timeoutMs ? { timeoutMs: cmd.options.timeoutMs } : {}),
    signal: abort.signal
  }).catch((error: unknown) => {
    process.stderr.write(`;; communications error to ${start.host}#${port}: ${error instanceof Error ? error.message : String(error)}\n`)
    return null
  })
  if (!result) return EXIT_NO_REPLY
  process.stdout.write(formatTraceText(result))
  return result.error ? EXIT_NO_REPLY : EXIT_OK
}
